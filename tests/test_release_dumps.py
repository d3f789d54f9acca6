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
