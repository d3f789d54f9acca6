"""The IRIs that the release's DCAT-AP catalogue (dataset.ttl, kg/release/dcat.py) and
the named graphs mint, dereferenced: <base>catalog, <base>dataset,
<base>distribution/<file> and their #fragments from the catalogue file; each
<base>graph/… from the served release (its VoID subset: how many triples, of which
dataset). They are not in the store, so the generic description finds nothing there.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph

from kg.namespaces import DCTERMS, DG, RDF, RDFS, VOID
from kg.release import dcat
from server.linkeddata.resource import Description
from server.runtime.protocol import QueryRuntime

SD_NAMED_GRAPH = "http://www.w3.org/ns/sparql-service-description#NamedGraph"


def triples(runtime: QueryRuntime) -> list[pyoxigraph.Triple]:
    """The catalogue of the served release (kept per build), or none when remote."""
    folder = runtime.release.folder

    def read() -> list[pyoxigraph.Triple]:
        path = Path(folder) / dcat.DATASET_FILE if folder else None
        if path is None or not path.is_file():
            return []
        return list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    return runtime.cache.memo(("catalogue", str(folder)), read)  # type: ignore[return-value]


def describe(runtime: QueryRuntime, iri: str, base: str) -> Description | None:
    """The description of a catalogue or named-graph IRI, or None if it is neither."""
    if iri in runtime.release.graphs:
        return _named_graph(runtime, iri, base)
    found = triples(runtime)
    own = [t for t in found if _named(t.subject, iri)]
    fragments = [t for t in found if isinstance(t.subject, pyoxigraph.NamedNode)
                 and t.subject.value.startswith(iri + "#")]
    if not own and not fragments:
        return None
    nested = _blank_closure(found, [*own, *fragments])
    labels = _labels(found, [*own, *fragments])
    return Description(iri, own, [], [*labels, *nested], fragments, 1, False)


def service_triples(runtime: QueryRuntime, base: str) -> list[pyoxigraph.Triple]:
    """What the catalogue says of its data service <base>sparql#service (and the blank
    nodes under it), for the service description at /sparql."""
    found = triples(runtime)
    own = [t for t in found if _named(t.subject, f"{base}sparql#service")]
    return [*own, *_blank_closure(found, own)]


def _named_graph(runtime: QueryRuntime, iri: str, base: str) -> Description:
    node = pyoxigraph.NamedNode(iri)
    found = triples(runtime)
    subset = next((t.subject for t in found if t.predicate.value == f"{DG}namedGraph"
                   and t.object == node), None)
    counted = [t.object for t in found if subset is not None and t.subject == subset
               and t.predicate.value == f"{VOID}triples"]
    said = [(RDF.type, pyoxigraph.NamedNode(SD_NAMED_GRAPH)),
            (RDF.type, pyoxigraph.NamedNode(str(VOID.Dataset))),
            (DCTERMS.isPartOf, pyoxigraph.NamedNode(f"{base}dataset")),
            (VOID.sparqlEndpoint, pyoxigraph.NamedNode(f"{base}sparql")),
            (RDFS.label, pyoxigraph.Literal(f"named graph {iri[len(base):]}", language="en")),
            *((VOID.triples, count) for count in counted)]
    outgoing = [pyoxigraph.Triple(node, pyoxigraph.NamedNode(str(p)), o) for p, o in said]
    return Description(iri, sorted(outgoing, key=str), [], [], [], 1, False)


def _named(term: object, iri: str) -> bool:
    return isinstance(term, pyoxigraph.NamedNode) and term.value == iri


def _blank_closure(found: list[pyoxigraph.Triple],
                   start: list[pyoxigraph.Triple]) -> list[pyoxigraph.Triple]:
    """The triples of every blank node reachable from `start` (a bounded description)."""
    by_subject: dict[pyoxigraph.BlankNode, list[pyoxigraph.Triple]] = {}
    for t in found:
        if isinstance(t.subject, pyoxigraph.BlankNode):
            by_subject.setdefault(t.subject, []).append(t)
    todo = [t.object for t in start if isinstance(t.object, pyoxigraph.BlankNode)]
    seen: set[pyoxigraph.BlankNode] = set()
    out: list[pyoxigraph.Triple] = []
    while todo:
        blank = todo.pop()
        if blank in seen:
            continue
        seen.add(blank)
        for t in by_subject.get(blank, []):
            out.append(t)
            if isinstance(t.object, pyoxigraph.BlankNode):
                todo.append(t.object)
    return out


def _labels(found: list[pyoxigraph.Triple],
            start: list[pyoxigraph.Triple]) -> list[pyoxigraph.Triple]:
    linked = {t.object for t in start if isinstance(t.object, pyoxigraph.NamedNode)}
    names = {str(RDFS.label), "http://www.w3.org/2004/02/skos/core#prefLabel",
             str(DCTERMS.title)}
    return [t for t in found if t.subject in linked and t.predicate.value in names]
