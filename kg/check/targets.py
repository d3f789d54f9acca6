"""SPARQL targets answered by pyoxigraph instead of rdflib's SPARQL engine.

pyshacl finds the focus nodes of a SPARQL-based target by running its SELECT over the
whole data graph. rdflib evaluates such a query (joins over every evidence span,
ordinal sequences, property paths) in pure Python, which took three quarters of a
regulation's validation; Oxigraph answers the same SPARQL 1.1 query in a fraction of
that. The data graph is copied into an in-memory store once, on the first target,
and the rows go back to pyshacl as an rdflib SELECT result. Only the triples whose
property some query of the shapes names are copied (at corpus size a regulation's data
graph is mostly dg:appliesTo and dg:within triples, which no target reads), unless a
query could match a property it does not name (a variable or a negated property set).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

import pyoxigraph
from rdflib import Graph, URIRef, Variable
from rdflib.namespace import RDF, SH
from rdflib.query import Result

from kg.graph import oxterms
from kg.namespaces import PREFIXES


class Engine:
    """An in-memory Oxigraph copy of one data graph (which pyshacl does not change)."""

    def __init__(self, graph: Graph, predicates: Collection[URIRef] | None = None) -> None:
        """A copy of ``graph``, or of its triples with one of ``predicates``."""
        self._store = pyoxigraph.Store()
        kept = None if predicates is None else {RDF.type, *predicates}  # `a` is rdf:type
        self._store.bulk_extend(pyoxigraph.Quad(oxterms.term(s), oxterms.term(p),
                                                oxterms.term(o)) for s, p, o in graph
                                if kept is None or p in kept)

    def select(self, text: str) -> Result | None:
        """The rows of a SELECT; None for any other form (rdflib answers those)."""
        solutions = self._store.query(text)
        if not isinstance(solutions, pyoxigraph.QuerySolutions):
            return None
        names = [v.value for v in solutions.variables]
        result = Result("SELECT")
        result.vars = [Variable(name) for name in names]
        result.bindings = [
            {Variable(name): oxterms.node(value) for name in names
             if (value := row[name]) is not None}
            for row in solutions]
        return result


_TERM = r"(?:[?$]\w+|[\w-]*:[\w-]+|<[^<>\s]*>)"
_VARIABLE_PROPERTY = re.compile(  # a variable between a subject and an object, or after ;
    rf"(?:{_TERM}|;)\s+[?$]\w+\s+(?:{_TERM}|\"|'|\d|\[|\()")
_NEGATED_PROPERTIES = re.compile(r"!(?!=)\s*(?:\(|<|\^|[A-Za-z_]+:|a\s)")
_IRI = re.compile(r"<([^<>\s]+)>")
_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'")
_PREFIXED = re.compile(r"(?<![\w?$])([A-Za-z][\w-]*)?:([A-Za-z_][\w-]*)")


@lru_cache(maxsize=8)
def queried(shapes: Graph) -> frozenset[URIRef] | None:
    """Every IRI the shapes' SPARQL queries name; None when a query may match a
    property it does not name, or uses a prefix that neither the shapes declare nor
    kg.namespaces knows."""
    found: set[URIRef] = set()
    prefixes = {**{k: str(v) for k, v in PREFIXES.items()}, **_declared(shapes)}
    for text in map(str, shapes.objects(None, SH.select)):
        patterns = re.sub(r"(SELECT|GROUP BY|ORDER BY)[^{}\n]*", " ", text)
        if _VARIABLE_PROPERTY.search(patterns) or _NEGATED_PROPERTIES.search(patterns):
            return None
        found.update(URIRef(iri) for iri in _IRI.findall(text))
        for prefix, local in _PREFIXED.findall(_STRING.sub(" ", _IRI.sub(" ", text))):
            if prefix not in prefixes:
                return None
            found.add(URIRef(prefixes[prefix] + local))
    return frozenset(found)


def _declared(shapes: Graph) -> dict[str, str]:
    return {str(shapes.value(d, SH.prefix)): str(shapes.value(d, SH.namespace))
            for d in shapes.objects(None, SH.declare)}
