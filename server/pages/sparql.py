"""The page queries: selective SPARQL, each bound to the resources one page shows
(`{where}` is a group pattern binding ?s, ?u, ?t …, or a VALUES block of IRIs).

They run through the query runtime like any reader's, with its caps and time limit.
"""

from __future__ import annotations

from kg.namespaces import PREFIXES as NAMESPACES
from kg.source.statements import KINDS, NORM_KINDS

PREFIXES = "".join(f"PREFIX {name}: <{NAMESPACES[name]}>\n"
                   for name in ("dg", "eli", "skos", "oa"))
CLASSES = " ".join(f"dg:{c}" for c in KINDS)
NORM_CLASSES = " ".join(f"dg:{c}" for c in NORM_KINDS)
NORMS = "VALUES ?norm_class { " + NORM_CLASSES + " } ?s a ?norm_class ; dg:source [] ."
LABELS = """OPTIONAL {{ {v} skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }}
 OPTIONAL {{ {v} skos:prefLabel ?en FILTER(LANG(?en) = "en") }}"""

REGULATIONS = """SELECT ?r ?zh ?en ?date ?force WHERE { {where} ?r a dg:Regulation .
 """ + LABELS.format(v="?r") + """
 OPTIONAL { ?r eli:date_document ?date } OPTIONAL { ?r eli:first_date_entry_in_force ?force } }"""
UNITS = """SELECT ?u ?kind ?eid ?ord ?parent ?number ?title ?text ?zh ?en WHERE {
 {where} VALUES ?kind { dg:Chapter dg:Article dg:Paragraph dg:Item } ?u a ?kind ; dg:eId ?eid .
 OPTIONAL { ?u dg:ordinal ?ord } OPTIONAL { ?u eli:is_part_of ?parent }
 OPTIONAL { ?u eli:number ?number } OPTIONAL { ?u eli:title ?title FILTER(LANG(?title) = "zh") }
 OPTIONAL { ?u dg:text ?text }
 """ + LABELS.format(v="?u") + " }"
STATEMENTS = """SELECT ?s ?class ?source ?start ?end ?exact ?cue ?action ?zh ?en WHERE {
 {where} VALUES ?class { """ + CLASSES + """ } ?s a ?class ; dg:source ?source .
 OPTIONAL { ?s dg:evidence ?e . ?e oa:start ?start ; oa:end ?end .
            OPTIONAL { ?e oa:exact ?exact } }
 OPTIONAL { ?s dg:cue ?cue } OPTIONAL { ?s dg:action ?action }
 """ + LABELS.format(v="?s") + " }"
LINKS = """SELECT ?s ?p ?o WHERE { {where}
 VALUES ?p { dg:addressee dg:promoter dg:establishes dg:concerns dg:appliesTo } ?s ?p ?o }"""
TERMS = """SELECT ?t ?kind ?zh ?en WHERE {
 {where} VALUES ?kind { dg:Actor dg:Carrier dg:Mechanism } ?t a ?kind .
 """ + LABELS.format(v="?t") + " }"
WITHIN = "SELECT ?a ?b WHERE { {where} ?a dg:within ?b FILTER(?a != ?b) }"
CLASS_LABELS = """SELECT ?class ?zh ?en WHERE { VALUES ?class { """ + CLASSES + """ }
 """ + LABELS.format(v="?class") + " }"
TYPES = "SELECT ?type ?eid WHERE { {iri} a ?type OPTIONAL { {iri} dg:eId ?eid } }"

# Counts for the home page and the term indexes: aggregates, not rows.
SLUG = 'STRBEFORE(STRAFTER(STR({v}), "/reg/"), "/")'
UNIT_COUNTS = """SELECT ?slug ?kind (COUNT(DISTINCT ?u) AS ?n) WHERE {
 VALUES ?kind { dg:Chapter dg:Article dg:Paragraph } ?u a ?kind ; dg:eId [] .
 BIND(""" + SLUG.format(v="?u") + """ AS ?slug) } GROUP BY ?slug ?kind"""
NORM_COUNTS = """SELECT ?slug ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
 VALUES ?class { """ + NORM_CLASSES + """ }
 ?s a ?class ; dg:source [] . BIND(""" + SLUG.format(v="?s") + """ AS ?slug) }
 GROUP BY ?slug ?class"""
TERM_WEIGHTS = """SELECT ?t (SUM(?a) AS ?applies) (SUM(?c) AS ?concerned) WHERE {
 { SELECT ?t (COUNT(DISTINCT ?s) AS ?a) (0 AS ?c) WHERE {
     ?t a {kind} . ?s dg:appliesTo ?t ; a ?class ; dg:source [] .
     VALUES ?class { """ + CLASSES + """ } } GROUP BY ?t }
 UNION
 { SELECT ?t (0 AS ?a) (COUNT(DISTINCT ?s) AS ?c) WHERE {
     ?t a {kind} . VALUES ?p { dg:addressee dg:promoter dg:establishes dg:concerns }
     ?s ?p ?t ; a ?class ; dg:source [] . VALUES ?class { """ + CLASSES + """ } } GROUP BY ?t }
} GROUP BY ?t"""


def bind(template: str, **parts: str) -> str:
    """The template with its `{name}` slots filled (the SPARQL keeps its own braces)."""
    text = template
    for name, value in parts.items():
        text = text.replace("{" + name + "}", value)
    return PREFIXES + text
