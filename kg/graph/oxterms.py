"""rdflib terms as pyoxigraph terms: the build's graphs go into the store as they are."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


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


def node(term: object) -> Node:
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:  # a plain literal, as the build writes it
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an RDF term: {term!r}")


def triple(found: pyoxigraph.Triple) -> tuple[Node, Node, Node]:
    return node(found.subject), node(found.predicate), node(found.object)
