"""The union graph comes from the N-Quads lines with the graph name cut off
(kg/release/dumps.py): that holds for graph names outside ASCII and literals with
newlines, and each triple is written once however many graphs hold it."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
from rdflib import Graph, Literal, URIRef

from kg.release import dumps

NODE = URIRef("https://w3id.org/dutygraph/reg/东莞市/art_1")
TEXT = Literal("第一条\n本条例", lang="zh")


def test_the_union_keeps_every_triple_once(tmp_path: Path) -> None:
    graph = Graph()
    graph.add((NODE, URIRef("https://w3id.org/dutygraph/ontology#text"), TEXT))
    names = [URIRef("https://w3id.org/dutygraph/graph/东莞市"),
             URIRef("https://w3id.org/dutygraph/graph/inferred")]
    dumps.write_nquads(tmp_path, dict.fromkeys(names, graph))
    written = dumps.write_rest(tmp_path)
    assert not (tmp_path / dumps.UNION).exists()
    quads = list(pyoxigraph.parse(path=str(tmp_path / dumps.NQUADS),
                                  format=pyoxigraph.RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == {str(n) for n in names}
    triples = list(pyoxigraph.parse(path=str(tmp_path / "dutygraph.ttl"),
                                    format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == 1
    assert triples[0].subject.value == str(NODE)
    assert triples[0].object.value == str(TEXT)
    assert {dumps.NQUADS, *written.downloads} == set(dumps.DOWNLOADS)


def _without_blank_labels(quads: object) -> set[tuple[str, ...]]:
    """Quads as text, each blank node's own label replaced (parsers label them anew)."""
    def text(term: object) -> str:
        return "_:" if isinstance(term, pyoxigraph.BlankNode) else str(term)
    return {tuple(map(text, (q.subject, q.predicate, q.object, getattr(q, "graph_name", ""))))
            for q in quads}


def test_every_download_holds_the_release_quads(seed_settings: object) -> None:
    """TriG (written graph by graph, in pieces through the serialiser) holds exactly
    the N-Quads' quads; Turtle and JSON-LD exactly their union. The seed's inferred
    graph is larger than the serialiser's first buffer."""
    from kg.release import store
    release = store.current(seed_settings.build_dir)  # type: ignore[attr-defined]
    nquads = list(pyoxigraph.parse(path=str(release / dumps.NQUADS),
                                   format=pyoxigraph.RdfFormat.N_QUADS))
    trig = pyoxigraph.parse(path=str(release / dumps.TRIG), format=pyoxigraph.RdfFormat.TRIG)
    assert _without_blank_labels(trig) == _without_blank_labels(nquads)
    union = {(s, p, o) for s, p, o, _ in _without_blank_labels(nquads)}
    for name, rdf_format in ((dumps.TURTLE, pyoxigraph.RdfFormat.TURTLE),
                             (dumps.JSON_LD, pyoxigraph.RdfFormat.JSON_LD)):
        triples = pyoxigraph.parse(path=str(release / name), format=rdf_format)
        assert {(s, p, o) for s, p, o, _ in _without_blank_labels(triples)} == union, name
