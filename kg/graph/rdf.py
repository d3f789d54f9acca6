"""The two helpers every graph module uses: a graph with our prefixes, and labels."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.namespaces import OA, PREFIXES, RDF, RDFS, XSD


def new_graph() -> Graph:
    """A graph with our prefixes (rdflib's default store: its SimpleMemory store is a
    third faster to fill but fails SPARQL updates that delete while they match)."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def label(graph: Graph, node: URIRef, zh: str, en: str) -> None:
    """One @zh and one @en label, as skos:prefLabel and rdfs:label."""
    for prop in (SKOS.prefLabel, RDFS.label):
        graph.add((node, prop, Literal(zh, lang="zh")))
        graph.add((node, prop, Literal(en, lang="en")))


def selector(graph: Graph, node: URIRef, quote: str, start: int, end: int) -> None:
    """An exact span as a W3C Web Annotation selector, both quote and position."""
    graph.add((node, RDF.type, OA.TextQuoteSelector))
    graph.add((node, RDF.type, OA.TextPositionSelector))
    graph.add((node, OA.exact, Literal(quote)))
    graph.add((node, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((node, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))
