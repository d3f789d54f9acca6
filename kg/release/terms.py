"""rdflib terms as pyoxigraph terms: the build's graphs go into the store as they are."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph
from rdflib import BNode, Graph, Literal, URIRef


def term(node: object) -> pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal:
    if isinstance(node, URIRef):
        return pyoxigraph.NamedNode(str(node))
    if isinstance(node, BNode):
        return pyoxigraph.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return pyoxigraph.Literal(str(node), language=node.language)
        if node.datatype:
            return pyoxigraph.Literal(str(node), datatype=pyoxigraph.NamedNode(str(node.datatype)))
        return pyoxigraph.Literal(str(node))
    raise TypeError(f"not an RDF term: {node!r}")


def quads(graph: Graph, name: str) -> Iterator[pyoxigraph.Quad]:
    """The graph's triples as quads in the named graph ``name``."""
    context = pyoxigraph.NamedNode(name)
    for s, p, o in graph:
        yield pyoxigraph.Quad(term(s), term(p), term(o), context)
