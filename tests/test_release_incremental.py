"""A release whose store is made from the previous one's (kg/release/incremental.py)
holds exactly what a release written from scratch holds: the same quads, the same
union, the same downloads byte for byte and the same search index, whether graphs
changed, appeared or went."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef

from kg.release import dumps, incremental, parts, store, trig

BASE = "https://w3id.org/dutygraph/"
DG = BASE + "ontology#"
SKOS_LABEL = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")


def _graph(*triples: tuple) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def _node(path: str) -> URIRef:
    return URIRef(BASE + path)


TEXT, EID = URIRef(DG + "text"), URIRef(DG + "eId")
SHARED = (_node("actor/county"), SKOS_LABEL, Literal("县级人民政府", lang="zh"))


def _unchanged() -> dict[URIRef, Graph]:
    """Regulations no build here changes (a small change is one of many)."""
    return {_node(f"graph/p{n}"): _graph(*((_node(f"reg/p{n}/art_{k}"), EID, Literal(f"art_{k}"))
                                           for k in range(1, 6))) for n in range(12)}


def _regulation(slug: str, text: str, *more: tuple) -> Graph:
    article = _node(f"reg/{slug}/art_1")
    return _graph((article, TEXT, Literal(text, lang="zh")), (article, EID, Literal("art_1")),
                  *more)


INFERRED = _graph((_node("reg/a/art_1"), URIRef(DG + "x"), _node("actor/county")))


def _release_one() -> dict[URIRef, Graph]:
    return {**_unchanged(), _node("graph/inferred"): INFERRED,
            _node("graph/a"): _regulation("a", "第一条 甲应当建立机制。", SHARED),
            _node("graph/b"): _regulation("b", "第一条 乙不得。", SHARED,
                                          (_node("reg/b/art_2"), EID, Literal("art_2")))}


def _release_two() -> dict[URIRef, Graph]:
    """A changed text in a, a shared triple and an own one gone from b, c new, p11 gone."""
    kept = {name: graph for name, graph in _unchanged().items() if not name.endswith("/p11")}
    return {**kept, _node("graph/inferred"): INFERRED,
            _node("graph/a"): _regulation("a", "第一条 甲应当建立协调机制。", SHARED),
            _node("graph/b"): _regulation("b", "第一条 乙不得。"),
            _node("graph/c"): _regulation("c", "第一条 丙可以。")}


INFO = {"asserted": 0, "inferred": 0, "base_iri": BASE}


def _quads(release: Path) -> set[str]:
    return {str(q) for q in store.open_store(release)}


def _search_rows(release: Path) -> list[tuple]:
    with sqlite3.connect(release / "search.sqlite") as conn:
        return sorted(conn.execute("SELECT iri, slug, ordinal, eid, folded FROM texts"))


def test_a_release_made_from_the_previous_equals_one_made_from_scratch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warm_dir, cold_dir = tmp_path / "warm", tmp_path / "cold"
    store.write(warm_dir, _release_one(), INFO)

    def no_full_load(*args: object) -> None:
        raise AssertionError("a release after a small change loaded its store in full")

    serialise = trig._Block.serialize

    def changed_only(block: trig._Block, pieces: list[bytes], *args: object) -> None:
        pieces = list(pieces)
        assert not any(b"/reg/p" in p for p in pieces), "an unchanged graph's TriG was rewritten"
        serialise(block, pieces, *args)

    with monkeypatch.context() as patch:  # the TriG writer's process is forked: it sees both
        patch.setattr(dumps, "_load", no_full_load)
        patch.setattr(trig._Block, "serialize", changed_only)
        warm = store.write(warm_dir, _release_two(), INFO)
    cold = store.write(cold_dir, _release_two(), INFO)
    assert _quads(warm) == _quads(cold)
    assert _quads(warm) != _quads(store.write(tmp_path / "other", _release_one(), INFO))
    for name in dumps.DOWNLOADS:
        assert (warm / name).read_bytes() == (cold / name).read_bytes(), name
    assert _search_rows(warm) == _search_rows(cold)
    assert (warm / dumps.TRIG).read_bytes().count(b"@prefix dg:") == 1
    union = {str(t) for t in pyoxigraph.parse(path=str(warm / "dutygraph.ttl"),
                                             format=pyoxigraph.RdfFormat.TURTLE)}
    assert any("县级人民政府" in t for t in union)  # still held by graph a
    assert not any("reg/b/art_2" in t for t in union)  # gone with the only graph that held it


def test_a_large_change_is_written_from_scratch(tmp_path: Path) -> None:
    first = store.write(tmp_path, _release_one(), INFO)
    second = tmp_path / "second"
    second.mkdir()
    dumps.write_nquads(second, {_node("graph/z"): _graph(
        (_node("reg/z/art_1"), EID, Literal("art_1")))})
    assert incremental.change(first, second) is None


def test_a_previous_store_that_cannot_be_read_is_loaded_in_full(tmp_path: Path) -> None:
    first = store.write(tmp_path, _release_one(), INFO)
    for path in (first / dumps.STORE_DIR).iterdir():  # a store damaged after its release
        path.unlink()
    second = store.write(tmp_path, _release_two(), INFO)
    assert _quads(second) == _quads(store.write(tmp_path / "cold", _release_two(), INFO))


def test_a_changed_blank_node_is_loaded_in_full(tmp_path: Path) -> None:
    """Oxigraph's bulk load renames blank nodes: a quad with one cannot be removed by
    its N-Quads line, so such a change is written from scratch."""
    restriction = URIRef(DG + "restriction")

    def with_blank(label: str) -> dict[URIRef, Graph]:
        graphs = _release_one()
        graphs[_node("graph/ontology")] = _graph((_node("reg/a/art_1"), restriction,
                                                  BNode(label)),
                                                 (BNode(label), EID, Literal(label)))
        return graphs

    store.write(tmp_path, with_blank("cb1"), INFO)
    warm = store.write(tmp_path, with_blank("cb2"), INFO)
    cold = store.write(tmp_path / "cold", with_blank("cb2"), INFO)
    assert len(store.open_store(warm)) == len(store.open_store(cold))
    assert (warm / dumps.TRIG).read_bytes() == (cold / dumps.TRIG).read_bytes()


def test_one_changed_line_of_the_largest_graph_is_a_small_change(tmp_path: Path) -> None:
    """The inferred graph holds most quads: one line of it changed is still applied
    as a change (its digest differs, but not its size)."""
    def written(folder: Path, last: str) -> Path:
        folder.mkdir()
        inferred = _graph(*((_node(f"reg/a/art_{k}"), EID, Literal(f"e{k}")) for k in range(99)),
                          (_node("reg/a/art_99"), EID, Literal(last)))
        dumps.write_nquads(folder, {**_unchanged(), _node("graph/inferred"): inferred})
        return folder

    delta = incremental.change(written(tmp_path / "one", "x"), written(tmp_path / "two", "y"))
    assert delta is not None and len(delta.removed) == len(delta.added) == 1


def test_the_downloads_do_not_depend_on_the_pieces_graphs_are_read_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Graphs are serialised from pieces of whole lines (a bounded memory for a
    gigabyte graph): tiny pieces give the same bytes, warm or cold."""
    whole = store.write(tmp_path / "whole", _release_two(), INFO)
    monkeypatch.setattr(parts, "PIECE", 64)
    store.write(tmp_path / "pieces", _release_one(), INFO)
    warm = store.write(tmp_path / "pieces", _release_two(), INFO)
    cold = store.write(tmp_path / "cold", _release_two(), INFO)
    for name in (*dumps.DOWNLOADS, trig.INDEX, incremental.INDEX):
        assert (warm / name).read_bytes() == (whole / name).read_bytes(), name
        assert (cold / name).read_bytes() == (whole / name).read_bytes(), name

