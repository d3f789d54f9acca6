"""The built seed graph, read back through SPARQL: text, spans and mechanisms hold."""

from __future__ import annotations

import re

import pyoxigraph
import pytest

from kg.config import PROJECT_ROOT, Settings
from kg.query import stores as engine
from kg.release import store
from kg.source import parse

SEED = PROJECT_ROOT / "data" / "gd-industrial-transfer.txt"
PREFIXES = """PREFIX dg: <https://w3id.org/dutygraph/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


@pytest.fixture(scope="module")
def db(seed_settings: Settings) -> pyoxigraph.Store:
    return store.open_store(store.current(seed_settings.build_dir))


def rows(db: pyoxigraph.Store, query: str) -> list[dict[str, str]]:
    result = engine.execute(db, PREFIXES + query)
    names = [v.value for v in result.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in result]


def test_paragraphs_in_order_reproduce_the_published_text(db: pyoxigraph.Store) -> None:
    found = rows(db, """SELECT ?number ?p ?text WHERE {
        ?para a dg:Paragraph ; dg:ordinal ?p ; dg:text ?text ; eli:is_part_of ?art .
        ?art dg:ordinal ?a ; eli:number ?number } ORDER BY ?a ?p""")
    lines = [(r["number"] + "\u3000" if r["p"] == "1" else "") + r["text"] for r in found]
    assert "\n".join(lines) == parse.read(SEED).published_text()
    assert len(found) == 59


def test_every_evidence_span_is_exact(db: pyoxigraph.Store) -> None:
    spans = rows(db, """SELECT ?exact ?start ?end ?text WHERE {
        ?s dg:evidence [ oa:exact ?exact ; oa:start ?start ; oa:end ?end ] ;
           dg:source [ dg:text ?text ] }""")
    assert len(spans) >= 60
    for span in spans:
        assert span["text"][int(span["start"]):int(span["end"])] == span["exact"]


def test_every_mechanism_the_text_names_is_established(db: pyoxigraph.Store) -> None:
    """Each 机制 in the text ends the label of a dg:Mechanism that a statement on that
    paragraph establishes (建立, 建立健全, 完善, 探索开展 … 机制 / 体制机制)."""
    established = rows(db, """SELECT ?text ?label WHERE {
        ?norm dg:establishes ?m ; dg:source [ dg:text ?text ] .
        ?m a dg:Mechanism ; skos:prefLabel ?label . FILTER(LANG(?label) = "zh") }""")
    labels: dict[str, set[str]] = {}
    for row in established:
        labels.setdefault(row["text"], set()).add(row["label"])
    for _article, paragraph in parse.read(SEED).paragraphs():
        for match in re.finditer("机制", paragraph.text):
            before = paragraph.text[: match.end()]
            assert any(before.endswith(label) for label in labels.get(paragraph.text, ())), (
                f"no established mechanism ends at {before[-20:]!r}")


def test_coordinated_subjects_are_split(db: pyoxigraph.Store) -> None:
    found = rows(db, """SELECT ?who WHERE {
        <https://w3id.org/dutygraph/reg/gd-industrial-transfer/art_3__para_2/obligation-0-54>
            dg:addressee [ skos:prefLabel ?who ] . FILTER(LANG(?who) = "zh") }""")
    assert {r["who"] for r in found} == {"产业承接地地级以上市人民政府", "产业承接地县级人民政府"}


def test_regulation_metadata(db: pyoxigraph.Store) -> None:
    (row,) = rows(db, """SELECT ?title ?adopted ?inForce ?by WHERE {
        ?r a dg:Regulation ; eli:title ?title ; eli:date_document ?adopted ;
           eli:first_date_entry_in_force ?inForce ; eli:passed_by [ skos:prefLabel ?by ] .
        FILTER(LANG(?title) = "zh" && LANG(?by) = "zh") }""")
    assert row == {"title": "广东省促进产业有序转移条例", "adopted": "2025-01-12",
                   "inForce": "2025-03-01", "by": "广东省第十四届人民代表大会常务委员会"}
