"""Counts that describe a build: structure, norms per class, actors, mechanisms, carriers."""

from __future__ import annotations

import pyoxigraph

from kg.namespaces import sparql_prefixes
from kg.query.stores import execute

PREFIX = sparql_prefixes("dg")
COUNTED_CLASSES = ("Regulation", "Chapter", "Article", "Paragraph", "Item", "Norm",
                   "Obligation", "Prohibition", "Permission", "Encouragement", "Provision",
                   "Purpose", "Scope", "Definition", "Commencement", "Actor", "Carrier",
                   "Mechanism")


def collect(db: pyoxigraph.Store, base_iri: str) -> dict[str, int]:
    values = " ".join(f"dg:{name}" for name in COUNTED_CLASSES)
    query = PREFIX + ("SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE { VALUES ?class { "
                      + values + " } ?x a ?class } GROUP BY ?class")
    counts = {name: 0 for name in COUNTED_CLASSES}
    for row in execute(db, query):
        counts[row["class"].value.rsplit("#", 1)[1]] = int(row["n"].value)
    graph_query = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    for row in execute(db, graph_query):
        name = row["g"].value.removeprefix(base_iri + "graph/")
        counts[f"triples in graph {name}"] = int(row["n"].value)
    return counts
