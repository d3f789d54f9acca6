"""Versions over time: [[version]] tables, ELI version IRIs, "in force on date D"."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import URIRef

from kg import pipeline
from kg.config import Settings
from kg.errors import InputError
from kg.graph.iris import Iris
from kg.namespaces import DG, RDF
from kg.query import named as queries
from kg.release import store

BASE = "https://w3id.org/dutygraph/"
OLD_TEXT = """[bookmark: 第一条]第一条　为了规范示范活动，制定本条例。
[bookmark: 第二条]第二条　县级以上人民政府应当加强领导。
[bookmark: 第三条]第三条　本条例自2020年1月1日起施行。
"""
VERSIONS = """
[[version]]
date = 2020-01-01
text = "versions/mini@2020-01-01.txt"
adopted = 2019-11-30
note_zh = "原文"
note_en = "As first adopted"

[[version]]
date = 2026-01-01
adopted = 2025-06-01
note_en = "Amended: Article 4 added"
"""


def with_versions(settings: Settings, extra: str = VERSIONS) -> Settings:
    data = settings.data_dir
    (data / "versions").mkdir(exist_ok=True)
    (data / "versions" / "mini@2020-01-01.txt").write_text(OLD_TEXT, encoding="utf-8")
    meta = data / "mini.meta.toml"
    meta.write_text(meta.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return settings


@pytest.fixture
def versioned(mini_settings: Settings) -> pyoxigraph.Store:
    pipeline.run(with_versions(mini_settings))
    return store.open_store(store.current(mini_settings.build_dir))


def in_force(db: pyoxigraph.Store, day: str, settings: Settings) -> list[tuple[str, str]]:
    text = queries.load_all(settings.queries_dir)["in-force-on"].bind({"date": day})
    return [(row["regulation"].value, row["version"].value)
            for row in db.query(text, use_default_graph_as_union=True)]


def test_version_iris_and_periods(versioned: pyoxigraph.Store) -> None:
    reg = f"{BASE}reg/mini"
    rows = list(versioned.query(f"""PREFIX eli: <http://data.europa.eu/eli/ontology#>
        SELECT ?v ?from ?until WHERE {{ <{reg}> eli:has_member ?v .
        ?v eli:first_date_entry_in_force ?from OPTIONAL {{ ?v eli:date_no_longer_in_force ?until }}
        }} ORDER BY ?from""", use_default_graph_as_union=True))
    assert [r["v"].value for r in rows] == [f"{reg}/version/2020-01-01",
                                            f"{reg}/version/2026-01-01"]
    assert rows[0]["until"].value == "2025-12-31"
    assert rows[1]["until"] is None
    current = list(versioned.quads_for_pattern(pyoxigraph.NamedNode(reg), pyoxigraph.NamedNode(
        "https://w3id.org/dutygraph/ontology#currentVersion"), None))
    assert current[0].object.value.endswith("2026-01-01")
    # the current IRIs of units do not move
    assert list(versioned.quads_for_pattern(pyoxigraph.NamedNode(f"{reg}/art_4__para_1"),
                                            None, None))


def test_in_force_on(versioned: pyoxigraph.Store, mini_settings: Settings) -> None:
    reg = f"{BASE}reg/mini"
    assert in_force(versioned, "2019-06-01", mini_settings) == []
    assert in_force(versioned, "2021-05-04", mini_settings) == [
        (reg, f"{reg}/version/2020-01-01")]
    assert in_force(versioned, "2025-12-31", mini_settings)[0][1].endswith("2020-01-01")
    assert in_force(versioned, "2026-01-01", mini_settings)[0][1].endswith("2026-01-01")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        in_force(versioned, "not a date", mini_settings)


def test_regulation_without_versions_counts_from_entry_into_force(
        mini_settings: Settings) -> None:
    pipeline.run(mini_settings)
    db = store.open_store(store.current(mini_settings.build_dir))
    assert in_force(db, "2025-12-31", mini_settings) == []
    assert in_force(db, "2026-02-01", mini_settings) == [(f"{BASE}reg/mini", f"{BASE}reg/mini")]
    ask = "ASK { ?v a <https://w3id.org/dutygraph/ontology#RegulationVersion> }"
    assert not bool(db.query(ask, use_default_graph_as_union=True))


def test_a_version_known_only_from_the_preamble_has_no_text(mini_settings: Settings) -> None:
    meta = mini_settings.data_dir / "mini.meta.toml"
    meta.write_text(meta.read_text(encoding="utf-8")
                    + "\n[[version]]\ndate = 2020-01-01\nnote_zh = \"2020年1月1日通过\"\n"
                    "[[version]]\ndate = 2026-01-01\n", encoding="utf-8")
    graph = pipeline.run(mini_settings, write=False).graphs[Iris().graph("mini")]
    first = URIRef(f"{BASE}reg/mini/version/2020-01-01")
    assert (first, RDF.type, DG.RegulationVersion) in graph
    assert graph.value(first, DG.versionText) is None
    assert graph.value(URIRef(f"{BASE}reg/mini/version/2026-01-01"), DG.versionText)


@pytest.mark.parametrize("extra, problem", [
    ("\n[[version]]\ndate = 2026-01-01\n[[version]]\ndate = 2020-01-01\n", "in order"),
    ("\n[[version]]\ndate = 2020-01-01\ntext = 5\n[[version]]\ndate = 2026-01-01\n",
     "must be a file name"),
    ("\n[[version]]\ndate = \"soon\"\n", "needs `date"),
    ("\n[[version]]\ndate = 2020-01-01\ntext = \"../../etc/passwd\"\n"
     "[[version]]\ndate = 2026-01-01\n", "inside the data folder"),
])
def test_bad_versions_are_input_errors(mini_settings: Settings, extra: str,
                                       problem: str) -> None:
    meta = mini_settings.data_dir / "mini.meta.toml"
    meta.write_text(meta.read_text(encoding="utf-8") + extra, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as caught:
        pipeline.run(mini_settings, write=False)
    assert "mini.meta.toml" in str(caught.value)
    assert not Path(mini_settings.build_dir / "current").exists()
