"""One bad regulation never blocks the others: it is quarantined and named, the rest
is published, and its last good version stays served."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench import synth
from kg import pipeline
from kg.cli import main
from kg.config import Settings
from kg.errors import AnnotationError
from kg.release import store

BROKEN = "synthetic-0004"


def corpus(tmp_path: Path, count: int = 9) -> Settings:
    """The seed and nine synthetic regulations: a batch of ten."""
    data = synth.make_corpus(tmp_path, count)
    return Settings(data_dir=data, build_dir=tmp_path / "build")


def damage_annotations(settings: Settings, slug: str) -> Path:
    path = settings.annotation_file(slug)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('at = "3.2"', 'at = "3.9"', 1), encoding="utf-8")
    return path


def published(release: Path) -> list[str]:
    return store.manifest(release)["regulations"]


def test_a_damaged_annotation_file_quarantines_only_its_regulation(tmp_path: Path) -> None:
    settings = corpus(tmp_path)
    broken = damage_annotations(settings, BROKEN)
    result = pipeline.run(settings)
    assert [q.slug for q in result.quarantined] == [BROKEN]
    assert f"{broken}:" in result.quarantined[0].problem  # names the file and the line
    assert not result.quarantined[0].kept  # there was no earlier release to keep
    assert len(published(result.release)) == 9 and BROKEN not in published(result.release)
    manifest = store.manifest(result.release)
    assert manifest["quarantined"][0]["regulation"] == BROKEN


def test_the_last_good_version_stays_served(tmp_path: Path) -> None:
    settings = corpus(tmp_path, count=3)
    first = pipeline.run(settings).release
    damage_annotations(settings, "synthetic-0001")
    result = pipeline.run(settings)
    assert [(q.slug, q.kept) for q in result.quarantined] == [("synthetic-0001", True)]
    assert published(result.release) == published(first)
    before = store.open_store(first)
    after = store.open_store(result.release)
    graph = "<https://w3id.org/dutygraph/graph/synthetic-0001>"
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
    assert (next(iter(before.query(query)))["n"].value
            == next(iter(after.query(query)))["n"].value)


def test_a_regulation_that_violates_a_shape_is_quarantined(tmp_path: Path) -> None:
    settings = corpus(tmp_path, count=2)
    ontology = tmp_path / "ontology"
    shutil.copytree(settings.ontology_dir, ontology)
    # a rule that one regulation breaks: its title may not be 合成条例第1号
    with (ontology / "shapes.ttl").open("a", encoding="utf-8") as shapes:
        shapes.write('''
dgsh:TestTitleShape a sh:NodeShape ; sh:name "test title" ; sh:targetClass dg:Regulation ;
    sh:property [ sh:path eli:title ; sh:not [ sh:in ( "合成条例第1号"@zh ) ] ;
                  sh:message "test: not this title"@en , "测试：标题不可"@zh ] .
''')
    result = pipeline.run(settings.with_(ontology_dir=ontology))
    assert [q.slug for q in result.quarantined] == ["synthetic-0000"]
    assert "test: not this title" in result.quarantined[0].problem
    assert result.report.conforms
    assert published(result.release) == [synth.SEED_SLUG, "synthetic-0001"]


def test_strict_keeps_all_or_nothing(tmp_path: Path) -> None:
    settings = corpus(tmp_path, count=2)
    damage_annotations(settings, "synthetic-0001")
    with pytest.raises(AnnotationError):
        pipeline.run(settings, strict=True)
    assert not (settings.build_dir / "current").exists()


def test_the_cli_exit_code_and_stderr_name_the_quarantined(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = corpus(tmp_path, count=2)
    damage_annotations(settings, "synthetic-0001")
    code = main(["--data-dir", str(settings.data_dir), "--build-dir", str(settings.build_dir),
                 "build"])
    assert code == 4
    assert "synthetic-0001: quarantined" in capsys.readouterr().err
    assert main(["--data-dir", str(settings.data_dir), "--build-dir",
                 str(settings.build_dir), "build", "--strict"]) == 2


def test_nothing_publishable_is_an_error(tmp_path: Path) -> None:
    settings = corpus(tmp_path, count=0)
    damage_annotations(settings, synth.SEED_SLUG)
    with pytest.raises(AnnotationError):
        pipeline.run(settings)
    assert not (settings.build_dir / "current").exists()


def test_an_error_raised_in_a_worker_reaches_the_build_as_itself() -> None:
    """Errors cross process boundaries by pickling; they keep their file and line."""
    import pickle

    from kg.errors import AnnotationError, ValidationFailed

    error = pickle.loads(pickle.dumps(AnnotationError("a.toml", 7, "quote not found")))
    assert type(error) is AnnotationError and (error.path, error.line) == ("a.toml", 7)
    assert str(error) == "a.toml:7: quote not found"
    failed = pickle.loads(pickle.dumps(ValidationFailed("- x: y")))
    assert failed.report_text == "- x: y"
