"""A build's graphs on disk (kg/release/parts.py): a regulation's graph read back is
the graph written, and the inferred graph is every part's inferred triples once, in
byte order, however many files it is merged from."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.namespaces import DG
from kg.release import parts

INFERRED = URIRef("https://w3id.org/dutygraph/graph/inferred")
NON_NEGATIVE = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")


def _graph(slug: str) -> Graph:
    graph = Graph()
    node = URIRef(f"https://w3id.org/dutygraph/reg/{slug}/art_1")
    graph.add((node, DG.text, Literal("第一条\n本条例", lang="zh")))
    graph.add((node, DG.ordinal, Literal("1", datatype=NON_NEGATIVE)))
    graph.add((node, DG.evidence, BNode("b1")))
    return graph


def _written(folder: Path, slugs: list[str], inferred: set) -> parts.Parts:
    built = parts.Parts(folder=folder)
    for slug in slugs:
        name = URIRef(f"https://w3id.org/dutygraph/graph/{slug}")
        built.written(name, parts.write_part(folder, name, _graph(slug), inferred, INFERRED))
    return built


def test_a_graph_read_back_is_the_graph_written(tmp_path: Path) -> None:
    built = _written(tmp_path, ["东莞市-条例"], set())
    name = URIRef("https://w3id.org/dutygraph/graph/东莞市-条例")
    assert built.count(name) == 3
    assert isomorphic(built[name], _graph("东莞市-条例"))
    ordinal = next(built[name].objects(None, DG.ordinal))
    assert ordinal.datatype == NON_NEGATIVE  # not normalised as the store does
    lines = b"".join(built.content(name)).splitlines(keepends=True)
    assert lines == sorted(lines)


def test_the_inferred_graph_holds_each_triple_once(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts, "_MERGE_AT_ONCE", 3)  # merged in rounds
    shared = (URIRef("https://w3id.org/dutygraph/id/a"), DG.within,
              URIRef("https://w3id.org/dutygraph/id/b"))
    slugs = [f"reg-{n}" for n in range(8)]
    built = _written(tmp_path, slugs, {shared})
    own = (URIRef("https://w3id.org/dutygraph/id/c"), DG.within, shared[2])
    assert built.merge_inferred(INFERRED, [own, shared]) == 2
    lines = b"".join(built.content(INFERRED)).splitlines(keepends=True)
    assert lines == sorted(set(lines)) and len(lines) == 2
    assert len(built[INFERRED]) == 2
    assert not list(tmp_path.glob("*.1.*")) and not list(tmp_path.glob("*.2.*"))  # rounds


def test_a_dropped_part_leaves_nothing_behind(tmp_path: Path) -> None:
    built = _written(tmp_path, ["a", "b"], {(URIRef("urn:x"), DG.within, URIRef("urn:y"))})
    dropped = URIRef("https://w3id.org/dutygraph/graph/a")
    built.drop(dropped)
    assert dropped not in built and len(built) == 1
    assert built.merge_inferred(INFERRED, []) == 1
    assert not (tmp_path / parts.file_name(dropped)).exists()


def test_an_unchanged_regulation_is_reused_as_written(tmp_path: Path) -> None:
    """A second build takes each unchanged regulation's files from build/cache/parts
    (same bytes released), and a changed one is made and checked again."""
    from kg import pipeline
    from kg.config import Settings
    from kg.release import store
    from tests.conftest import FIXTURES, data_dir_with

    data = data_dir_with(tmp_path, FIXTURES / "mini", FIXTURES / "liability")
    settings = Settings(data_dir=data, build_dir=tmp_path / "build")
    first = pipeline.run(settings, force=True)
    assert list((settings.build_dir / "cache" / "parts").glob("*.count"))
    again = pipeline.run(settings, force=True)
    assert again.cached == first.cached + 2  # both regulations, no graph made
    assert (again.release / store.NQUADS).read_bytes() == (
        first.release / store.NQUADS).read_bytes()
    text = data / "fine.txt"
    text.write_text(text.read_text(encoding="utf-8") + "本条经修正后施行。\n", encoding="utf-8")
    changed = pipeline.run(settings, force=True)
    assert changed.cached == first.cached + 1
    name = URIRef("https://w3id.org/dutygraph/graph/fine")
    assert any("本条经修正后施行" in str(o) for o in changed.graphs[name].objects())


def test_code_downstream_of_a_part_does_not_make_it_again() -> None:
    """A regulation's written files are keyed by the code that reads, makes, checks and
    writes it. Changing the release store, the CLI, queries or review re-checks
    nothing; changing the graph, the checker or the part writer re-checks all."""
    from kg.check import per_regulation

    def key_covers(path: str) -> bool:
        return per_regulation._makes_parts(Path(path))

    assert not any(map(key_covers, ["release/store.py", "release/dumps.py", "cli/build.py",
                                    "query/stores.py", "review/store.py"]))
    assert all(map(key_covers, ["release/parts.py", "graph/regulation.py", "check/rules.py",
                                "source/parse.py", "namespaces.py", "drafts/ingest/x.py"]))


def test_a_graph_is_read_in_pieces_of_whole_lines(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """At corpus size the inferred graph is gigabytes: it is passed on in pieces, each
    ending at a line's end, that together are the file."""
    built = _written(tmp_path, ["a"], set())
    name = URIRef("https://w3id.org/dutygraph/graph/a")
    whole = b"".join(built.content(name))
    monkeypatch.setattr(parts, "PIECE", 40)  # shorter than a line
    pieces = list(built.content(name))
    assert len(pieces) == 3 and b"".join(pieces) == whole
    assert all(piece.endswith(b"\n") for piece in pieces)
