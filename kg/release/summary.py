"""The release's counts, made once when it is written (`summary.json`): what the home
page, the term indexes and the whole network show, aggregated over every unit and
statement.

At corpus size each of these aggregates reads millions of triples (30 million
dg:appliesTo alone) and took longer than a page may; they change only with the
release, so the release writer runs them once, beside the search index, and the
server reads their rows. A server without the file (an external endpoint) runs the
same queries, so both give the same rows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph

from kg.namespaces import sparql_prefixes
from kg.source.statements import NORM_KINDS

FILE = "summary.json"
COUNTED_UNITS = ("Chapter", "Article", "Paragraph")  # per regulation, on the home page
LINKED = ("addressee", "promoter", "establishes", "concerns")
SLUG = 'STRBEFORE(STRAFTER(STR({v}), "/reg/"), "/")'


def among(var: str, names: tuple[str, ...]) -> str:
    """`FILTER(?var IN (dg:A, dg:B …))`. A query's only VALUES block is the caller's
    (its IRIs): two VALUES blocks make Oxigraph join their cross product first."""
    return f"FILTER(?{var} IN ({', '.join('dg:' + n for n in names)}))"


QUERIES = {
    "units": """SELECT ?slug ?kind (COUNT(DISTINCT ?u) AS ?n) WHERE {
 ?u a ?kind ; dg:eId [] . """ + among("kind", COUNTED_UNITS) + """
 BIND(""" + SLUG.format(v="?u") + """ AS ?slug) } GROUP BY ?slug ?kind""",
    "norms": """SELECT ?slug ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
 ?s a ?class ; dg:source [] . """ + among("class", NORM_KINDS) + """
 BIND(""" + SLUG.format(v="?s") + """ AS ?slug) } GROUP BY ?slug ?class""",
    "reviews": """SELECT ?slug ?status (COUNT(DISTINCT ?s) AS ?n) WHERE {
 ?s dg:reviewStatus ?status ; dg:source [] .
 BIND(""" + SLUG.format(v="?s") + """ AS ?slug) } GROUP BY ?slug ?status""",
    "applies": "SELECT ?t (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s dg:appliesTo ?t } GROUP BY ?t",
    "linked": ("SELECT ?t (COUNT(DISTINCT ?s) AS ?n) WHERE { "
               + " UNION ".join(f"{{ ?s dg:{p} ?t }}" for p in LINKED) + " } GROUP BY ?t"),
    # every term with its labels: the indexes are sorted by label and paged
    "kinds": """SELECT ?t ?kind ?zh ?en WHERE { ?t a ?kind . """
             + among("kind", ("Actor", "Carrier", "Mechanism")) + """
 OPTIONAL { ?t skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }
 OPTIONAL { ?t skos:prefLabel ?en FILTER(LANG(?en) = "en") } }""",
    # who is addressed by norms that set up a mechanism or concern a carrier: the
    # whole network, term to term, each pair weighted by its norms
    "edges": """SELECT ?a ?p ?o (COUNT(DISTINCT ?s) AS ?n) WHERE {
 ?s dg:addressee ?a ; ?p ?o . """ + among("p", ("establishes", "concerns")) + """
 } GROUP BY ?a ?p ?o""",
}


def rows(db: pyoxigraph.Store, name: str) -> list[dict[str, str]]:
    """One summary query's rows, each {variable: value}, from a store."""
    found = db.query(sparql_prefixes("dg", "skos") + QUERIES[name], use_default_graph_as_union=True)
    variables = [v.value for v in found.variables]  # type: ignore[union-attr]
    return [{v: row[v].value for v in variables if row[v] is not None}
            for row in found]  # type: ignore[union-attr]


def write(folder: Path, db: pyoxigraph.Store) -> str:
    """Every summary query's rows into `folder`/summary.json; returns the file name."""
    content = {name: rows(db, name) for name in QUERIES}
    (folder / FILE).write_text(json.dumps(content, ensure_ascii=False, sort_keys=True),
                               encoding="utf-8")
    return FILE


def read(folder: Path | None) -> dict[str, list[dict[str, str]]] | None:
    """A release's summary; None when it has none (an older release, a remote store)."""
    if folder is None:
        return None
    try:
        return json.loads((folder / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
