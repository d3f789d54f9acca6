"""The kg command: exit codes, messages, and builds that never damage the previous one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.config import Settings
from kg.release import store


def run(settings: Settings, *args: str) -> int:
    return main(["--data-dir", str(settings.data_dir), "--build-dir", str(settings.build_dir),
                 *args])


def test_build_conforms_and_exits_0(mini_settings: Settings,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert run(mini_settings, "build") == 0
    out = capsys.readouterr().out
    assert "conforms" in out and "asserted" in out
    release = store.current(mini_settings.build_dir)
    for name in ("dutygraph.nq", "dutygraph.ttl", "dutygraph.jsonld", "dutygraph.trig"):
        assert (release / name).stat().st_size > 0


def test_validate_writes_nothing(mini_settings: Settings) -> None:
    assert run(mini_settings, "validate") == 0
    assert not mini_settings.build_dir.exists()


def test_input_error_exits_2_naming_file_and_line(mini_settings: Settings,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    text = mini_settings.data_dir / "mini.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("第三条", "第五条"),
                    encoding="utf-8")
    assert run(mini_settings, "build") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert f"{text}:6: article 第五条 is missing" in err[0]


def test_shacl_violation_exits_1_and_names_resource(mini_settings: Settings,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    lexicon = mini_settings.data_dir / "lexicon.toml"
    text = lexicon.read_text(encoding="utf-8")
    cyclic = text.replace('class = "Government"\n',
                          'class = "Government"\nwithin = ["县级人民政府"]\n', 1)
    lexicon.write_text(cyclic, encoding="utf-8")
    assert run(mini_settings, "build") == 1
    err = capsys.readouterr().err
    assert "government-county-level-and-above" in err
    assert not (mini_settings.build_dir / "current").exists()


def test_failed_build_leaves_previous_build_untouched(mini_settings: Settings) -> None:
    assert run(mini_settings, "build") == 0
    before = store.current(mini_settings.build_dir)
    snapshot = {p.name: p.read_bytes() for p in before.iterdir() if p.is_file()}
    (mini_settings.data_dir / "mini.txt").write_bytes(b"\xff\xfe broken")
    assert run(mini_settings, "build", "--strict") == 2
    after = store.current(mini_settings.build_dir)
    assert after == before
    assert {p.name: p.read_bytes() for p in after.iterdir() if p.is_file()} == snapshot
    # by default the broken text is quarantined and its last good version stays served
    assert run(mini_settings, "build") == 4
    kept = store.current(mini_settings.build_dir)
    assert (kept / "dutygraph.nq").read_bytes() == snapshot["dutygraph.nq"]


def test_query_prints_sparql_csv_exactly(mini_settings: Settings, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    query = tmp_path / "q.rq"
    query.write_text('PREFIX dg: <https://w3id.org/dutygraph/ontology#>\n'
                     'SELECT DISTINCT ?cue WHERE { ?n dg:cue ?cue } ORDER BY ?cue',
                     encoding="utf-8")
    assert run(mini_settings, "query", str(query), "--format", "csv") == 0
    assert capsys.readouterr().out == "cue\r\n不得\r\n可以\r\n应当\r\n"
    assert run(mini_settings, "query", str(query), "--format", "json") == 0
    parsed = json.loads(capsys.readouterr().out)
    assert parsed["head"]["vars"] == ["cue"]
    assert [b["cue"]["value"] for b in parsed["results"]["bindings"]] == ["不得", "可以", "应当"]
    assert run(mini_settings, "query", str(query), "--format", "tsv") == 0
    assert capsys.readouterr().out == '?cue\n"不得"\n"可以"\n"应当"\n'


def test_query_unknown_name_exits_2(mini_settings: Settings,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert run(mini_settings, "query", "no-such-query") == 2
    assert "applies-to" in capsys.readouterr().err


def test_query_syntax_error_exits_2(mini_settings: Settings, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    query = tmp_path / "bad.rq"
    query.write_text("SELECT WHERE {", encoding="utf-8")
    assert run(mini_settings, "query", str(query)) == 2
    assert "SPARQL syntax" in capsys.readouterr().err


def test_stats_of_the_seed(seed_settings: Settings,
                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--build-dir", str(seed_settings.build_dir), "stats", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert (counts["Chapter"], counts["Article"], counts["Paragraph"]) == (7, 39, 59)
    assert counts["Norm"] == sum(counts[k] for k in
                                 ("Obligation", "Prohibition", "Permission", "Encouragement"))
    assert counts["Actor"] > 17 and counts["Mechanism"] > 0 and counts["Carrier"] > 0


def test_builds_are_reproducible_and_unchanged_sources_keep_the_release(
        mini_settings: Settings, tmp_path: Path) -> None:
    assert run(mini_settings, "build") == 0
    first = store.current(mini_settings.build_dir)
    assert run(mini_settings, "build") == 0
    assert store.current(mini_settings.build_dir) == first  # nothing rewritten or switched
    other = mini_settings.with_(build_dir=tmp_path / "elsewhere")
    assert run(other, "build") == 0
    again = store.current(other.build_dir)
    assert (again / store.NQUADS).read_bytes() == (first / store.NQUADS).read_bytes()
