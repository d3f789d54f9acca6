"""The page queries: selective SPARQL, each bound to the resources one page shows
(`{where}` is a group pattern binding ?s, ?u, ?t …, or a VALUES block of IRIs).

They run through the query runtime like any reader's, with its caps and time limit.
"""

from __future__ import annotations

from kg.namespaces import PREFIXES as NAMESPACES
from kg.release.summary import LINKED, SLUG, among
from kg.source.statements import KINDS

PREFIXES = "".join(f"PREFIX {name}: <{NAMESPACES[name]}>\n"
                   for name in ("dg", "eli", "skos", "oa"))
UNIT_KINDS = ("Chapter", "Article", "Paragraph", "Item")
TERM_KINDS = ("Actor", "Carrier", "Mechanism")
LABELS = """OPTIONAL {{ {v} skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }}
 OPTIONAL {{ {v} skos:prefLabel ?en FILTER(LANG(?en) = "en") }}"""

REGULATIONS = """SELECT ?r ?zh ?en ?date ?force WHERE { {where} ?r a dg:Regulation .
 """ + LABELS.format(v="?r") + """
 OPTIONAL { ?r eli:date_document ?date } OPTIONAL { ?r eli:first_date_entry_in_force ?force } }"""
UNITS = """SELECT ?u ?kind ?eid ?ord ?parent ?number ?title ?text ?zh ?en WHERE {
 {where} ?u a ?kind ; dg:eId ?eid . """ + among("kind", UNIT_KINDS) + """
 OPTIONAL { ?u dg:ordinal ?ord } OPTIONAL { ?u eli:is_part_of ?parent }
 OPTIONAL { ?u eli:number ?number } OPTIONAL { ?u eli:title ?title FILTER(LANG(?title) = "zh") }
 {text}
 """ + LABELS.format(v="?u") + " }"
TEXT = "OPTIONAL { ?u dg:text ?text }"
# each OPTIONAL one path: Oxigraph evaluates an OPTIONAL of several patterns on its own
# before joining it (1.9 s for one regulation's statements at corpus size, against 6 ms)
STATEMENTS = """SELECT ?s ?class ?source ?start ?end ?exact ?cue ?action ?review ?zh ?en WHERE {
 {where} ?s a ?class ; dg:source ?source . """ + among("class", KINDS) + """
 OPTIONAL { ?s dg:evidence/oa:start ?start } OPTIONAL { ?s dg:evidence/oa:end ?end }
 OPTIONAL { ?s dg:evidence/oa:exact ?exact }
 OPTIONAL { ?s dg:cue ?cue } OPTIONAL { ?s dg:action ?action }
 OPTIONAL { ?s dg:reviewStatus ?review }
 """ + LABELS.format(v="?s") + " }"
# a liability's links: who imposes it, who bears it, the norms whose breach it sanctions
LIABILITY_LINKED = ("enforcedBy", "liable", "enforces")
LINKS = ("SELECT ?s ?p ?o WHERE { {where} ?s ?p ?o "
         + among("p", LINKED + LIABILITY_LINKED) + " }")
APPLIES = "SELECT ?s ?o WHERE { {where} ?s dg:appliesTo ?o }"
# the penalties of liability provisions ({where} binds ?l, or ?norm and ?l dg:enforces ?norm)
PENALTIES = """SELECT ?norm ?l ?source ?p ?kind ?kzh ?ken ?exact ?min ?max ?minm ?maxm ?basis
 ?condition WHERE { {where} ?l a dg:Liability ; dg:source ?source ; dg:penalty ?p .
 ?p dg:penaltyKind ?kind .
 OPTIONAL { ?kind skos:prefLabel ?kzh FILTER(LANG(?kzh) = "zh") }
 OPTIONAL { ?kind skos:prefLabel ?ken FILTER(LANG(?ken) = "en") }
 OPTIONAL { ?p dg:penaltyEvidence/oa:exact ?exact }
 OPTIONAL { ?p dg:minimumAmount ?min } OPTIONAL { ?p dg:maximumAmount ?max }
 OPTIONAL { ?p dg:minimumMultiple ?minm } OPTIONAL { ?p dg:maximumMultiple ?maxm }
 OPTIONAL { ?p dg:amountBasis ?basis } OPTIONAL { ?p dg:condition ?condition } }"""
TERMS = """SELECT ?t ?kind ?zh ?en WHERE {
 {where} ?t a ?kind . """ + among("kind", TERM_KINDS) + """
 """ + LABELS.format(v="?t") + " }"
WITHIN = "SELECT ?a ?b WHERE { {where} ?a dg:within ?b FILTER(?a != ?b) }"
CLASS_LABELS = """SELECT ?class ?zh ?en WHERE {
 VALUES ?class { """ + " ".join(f"dg:{c}" for c in KINDS) + """ }
 """ + LABELS.format(v="?class") + " }"
TYPES = "SELECT ?type ?eid WHERE { {iri} a ?type OPTIONAL { {iri} dg:eId ?eid } }"

def bind(template: str, **parts: str) -> str:
    """The template with its `{name}` slots filled (the SPARQL keeps its own braces)."""
    text = template
    for name, value in parts.items():
        text = text.replace("{" + name + "}", value)
    return PREFIXES + text

# Statements in reading order: regulation, article, paragraph or item, place in the text.
# The article's number is read from the statement's IRI (…/reg/<slug>/art_<n>__…, made
# from the article's dg:ordinal by kg/graph/iris.py), not walked to through
# eli:is_part_of*: at corpus size an actor's first page sorts tens of thousands.
# {first} sorts before that (a rank), {page} is LIMIT/OFFSET or nothing.
ORDERED = """SELECT ?s WHERE { {pattern} ?s dg:source ?src .
 OPTIONAL { ?s dg:evidence/oa:start ?start }
 BIND(""" + SLUG.format(v="?s") + """ AS ?slug)
 BIND(<http://www.w3.org/2001/XMLSchema#integer>(
      STRBEFORE(STRAFTER(STR(?s), "/art_"), "__")) AS ?ao) {rank} }
ORDER BY {first} ?slug COALESCE(?ao, 0) STR(?src) COALESCE(?start, 0) STR(?s) {page}"""
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { {pattern} }"


def rank(var: str, order: tuple[str, ...]) -> str:
    """`BIND(… AS ?rank)`: the place of ?var's class in ``order`` (last: the rest)."""
    expression = str(len(order))
    for place, name in reversed(list(enumerate(order))):
        expression = f"IF(?{var} = dg:{name}, {place}, {expression})"
    return f"BIND({expression} AS ?rank)"
