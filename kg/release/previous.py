"""What the current release holds of one regulation: its last good graph, so that a
regulation quarantined in this build stays served as it was.

It is read from the release's N-Quads, the exact record (the embedded store
normalises derived datatypes such as xsd:nonNegativeInteger to xsd:integer)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
from rdflib import Graph, URIRef

from kg.errors import BuildNotFound
from kg.graph import oxterms
from kg.graph.rdf import new_graph
from kg.namespaces import DG
from kg.release import store


def last_good(build_dir: Path, graph: URIRef, lexicon: URIRef) -> tuple[Graph, Graph] | None:
    """(its named graph, the lexicon triples it needs) in the current release, or None
    when there is no current release or it does not hold that regulation."""
    try:
        release = store.current(build_dir)
    except BuildNotFound:
        return None
    own, shared = new_graph(), new_graph()
    wanted = {str(graph): own, str(lexicon): shared}
    for quad in pyoxigraph.parse(path=str(release / store.NQUADS),
                                 format=pyoxigraph.RdfFormat.N_QUADS):
        target = wanted.get(getattr(quad.graph_name, "value", ""))
        if target is not None:
            target.add(oxterms.triple(quad.triple))
    if not len(own):
        return None
    return own, _terms_named(own, shared)


def _terms_named(own: Graph, lexicon: Graph) -> Graph:
    """The lexicon triples of every designation the graph names, and of those above."""
    todo = {o for o in own.objects() if isinstance(o, URIRef) and (o, None, None) in lexicon}
    seen: set[URIRef] = set()
    while todo:
        term = todo.pop()
        seen.add(term)
        todo |= {b for b in lexicon.objects(term, DG.within) if b not in seen}
    found = new_graph()
    for term in seen:
        for triple in lexicon.triples((term, None, None)):
            found.add(triple)
    return found
