"""The release's full-text index: it finds exactly the texts and names that hold the
query as a substring (one, two or more characters, punctuation and Latin letters in any
case), ranks them as the search page promises, is checksummed with the release but not
offered for download, and the search page answers from it as it would from a SPARQL scan
of the store."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from flask.testing import FlaskClient
from rdflib.namespace import SKOS

from kg.config import Settings
from kg.errors import BuildNotFound
from kg.namespaces import DG, ELI
from kg.release import fulltext, store
from server import create_app
from server.pages.views import search
from server.runtime.holder import KEY

QUERIES = ("机制", "机", "产业转移", "应当", "（一）", "县级以上人民政府", "a", "e", "第三", "。")
KINDS = {str(DG[k]) for k in fulltext.KINDS}


@pytest.fixture(scope="module")
def release(seed_settings: Settings) -> Path:
    return store.current(seed_settings.build_dir)


@pytest.fixture(scope="module")
def corpus(release: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Every unit's text and every name's labels, read from the release's N-Quads."""
    texts: dict[str, str] = {}
    labels: dict[str, list[str]] = {}
    quads = list(pyoxigraph.parse(path=str(release / store.NQUADS),
                                  format=pyoxigraph.RdfFormat.N_QUADS))
    typed = {q.subject.value for q in quads if q.predicate.value.endswith("#type")
             and q.object.value in KINDS}
    eids = {q.subject.value for q in quads if q.predicate == pyoxigraph.NamedNode(DG.eId)}
    for q in quads:
        if q.predicate == pyoxigraph.NamedNode(DG.text) and q.subject.value in eids:
            texts[q.subject.value] = q.object.value
        elif q.predicate == pyoxigraph.NamedNode(SKOS.prefLabel) and q.subject.value in typed:
            labels.setdefault(q.subject.value, []).append(q.object.value)
    return texts, labels


@pytest.fixture(scope="module")
def index(release: Path, tmp_path_factory: pytest.TempPathFactory) -> fulltext.Index:
    """The release's index made again in batches of 97 rows (the seed's fit in one
    batch of the release writer's; the corpus's take fifty)."""
    folder = tmp_path_factory.mktemp("batched")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fulltext, "BATCH", 97)
        fulltext.write(folder, store.open_store(release))
    return fulltext.Index(folder / fulltext.FILE)


@pytest.mark.parametrize("query", QUERIES)
def test_the_index_finds_exactly_the_substrings(query: str, index: fulltext.Index,
                                                corpus: tuple[dict, dict]) -> None:
    texts, labels = corpus
    key = query.lower()
    expected = {iri: t.lower().count(key) for iri, t in texts.items() if key in t.lower()}
    found = index.texts(query, len(texts), 30)
    assert dict(found) == expected
    names = {(iri, label) for iri, kind, lang, label in index.names(query, 30)}
    assert names == {(iri, label) for iri, all_ in labels.items() for label in all_
                     if key in label.lower()}


def test_two_characters_and_case_are_found(index: fulltext.Index) -> None:
    assert index.texts("机制", 60, 30) and index.names("机制", 30)
    assert index.texts("应当", 1, 30)
    upper = {iri for iri, *_ in index.names("A", 30)}
    assert upper and upper == {iri for iri, *_ in index.names("a", 30)}


def test_texts_are_ranked_by_matches_then_in_reading_order(
        index: fulltext.Index, corpus: tuple[dict, dict], release: Path) -> None:
    texts, _ = corpus
    found = index.texts("的", 20, 30)
    hits = [h for _, h in found]
    assert len(found) == 20 and hits == sorted(hits, reverse=True) and hits[0] > hits[-1]
    best = max(t.count("的") for t in texts.values())
    assert hits[0] == best
    same = [iri for iri, h in found if h == hits[-1]]
    ordinals = [_article_ordinal(release, iri) for iri in same]
    assert ordinals == sorted(ordinals)


def _article_ordinal(release: Path, iri: str) -> int:
    db = store.open_store(release)
    rows = db.query(f"SELECT ?n WHERE {{ <{iri}> <{ELI.is_part_of}>* ?a . ?a a <{DG.Article}> ; "
                    f"<{DG.ordinal}> ?n }}", use_default_graph_as_union=True)
    values = [int(r["n"].value) for r in rows]
    del db
    return values[0] if values else 0


def test_a_search_past_its_time_limit_is_stopped(tmp_path: Path) -> None:
    db = pyoxigraph.Store(str(tmp_path / "store"))
    text, eid = pyoxigraph.NamedNode(DG.text), pyoxigraph.NamedNode(DG.eId)
    for n in range(3000):
        unit = pyoxigraph.NamedNode(f"https://w3id.org/dutygraph/reg/many/art_{n}")
        db.add(pyoxigraph.Quad(unit, text, pyoxigraph.Literal("慢查询的" * 50, language="zh")))
        db.add(pyoxigraph.Quad(unit, eid, pyoxigraph.Literal(f"art_{n}")))
    db.flush()
    fulltext.write(tmp_path, db)
    index = fulltext.Index(tmp_path / fulltext.FILE)
    assert len(index.texts("查询", 5000, 30)) == 3000
    with pytest.raises(fulltext.SearchTimeout):
        index.texts("查询", 60, 0.0)


def test_the_index_is_checksummed_not_downloaded(release: Path, tmp_path: Path) -> None:
    manifest = store.manifest(release)
    assert fulltext.FILE in manifest[store.INTERNAL]
    assert fulltext.FILE not in manifest["files"]
    copy = tmp_path / release.name
    shutil.copytree(release, copy)
    with (copy / fulltext.FILE).open("r+b") as handle:
        handle.seek(200)
        byte = handle.read(1)
        handle.seek(200)
        handle.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(BuildNotFound, match=fulltext.FILE):
        store.verify(copy)


@pytest.fixture(scope="module")
def client(seed_settings: Settings) -> Iterator[FlaskClient]:
    app = create_app(seed_settings)
    yield app.test_client()
    app.extensions[KEY].close()


@pytest.mark.parametrize("query", ["机制", "产业", "企业", "园区", "的", "第"])
def test_the_page_answers_from_the_index_as_from_a_scan(
        query: str, client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    assert client.application.extensions[KEY].get().release.search_index is not None
    monkeypatch.setattr(search.reads, "memo", lambda key, make: make())  # no page cache
    indexed = client.get("/search.json", query_string={"q": query}).get_json()
    monkeypatch.setattr(search, "_index", lambda: None)
    scanned = client.get("/search.json", query_string={"q": query}).get_json()
    assert indexed["total"] and json.dumps(indexed) == json.dumps(scanned)
