"""SPARQL targets answered by pyoxigraph instead of rdflib's SPARQL engine.

pyshacl finds the focus nodes of a SPARQL-based target by running its SELECT over the
whole data graph. rdflib evaluates such a query (joins over every evidence span,
ordinal sequences, property paths) in pure Python, which took three quarters of a
regulation's validation; Oxigraph answers the same SPARQL 1.1 query in a fraction of
that. The data graph is copied into an in-memory store once, on the first target,
and the rows go back to pyshacl as an rdflib SELECT result.
"""

from __future__ import annotations

import pyoxigraph
from rdflib import Graph, Variable
from rdflib.query import Result

from kg.graph import oxterms


class Engine:
    """An in-memory Oxigraph copy of one data graph (which pyshacl does not change)."""

    def __init__(self, graph: Graph) -> None:
        self._store = pyoxigraph.Store()
        self._store.bulk_extend(pyoxigraph.Quad(oxterms.term(s), oxterms.term(p),
                                                oxterms.term(o)) for s, p, o in graph)

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
