"""Review decisions in the curated file: each written at once, the draft kept, the
decision winning in the build; undo; a second reviewer refused; nothing half-written."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest
from rdflib import Literal

from kg import pipeline
from kg.config import Settings
from kg.errors import ReviewError, ReviewLocked
from kg.graph.iris import Iris
from kg.namespaces import DG, PROV, RDF
from kg.review import claims, store
from kg.review.decisions import Decision
from kg.review.workspace import Workspace
from kg.source import sources
from tests.review_support import REVIEWER, SLUG, review_data


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    settings = Settings(data_dir=review_data(tmp_path), build_dir=tmp_path / "build")
    claims.claim(settings.data_dir / "annotations", SLUG, REVIEWER)
    return Workspace(settings, SLUG)


def _norms(workspace: Workspace) -> list:
    return [item.draft for item in workspace.items() if item.draft.is_norm]


def _graph(workspace: Workspace):
    read = sources.read_all(workspace.settings, strict=True)
    iris = Iris(workspace.settings.base_iri)
    return pipeline.assemble(read, iris)[iris.graph(SLUG)], iris


def test_drafts_are_sorted_by_doubt(workspace: Workspace) -> None:
    sure = [item.draft.confidence for item in workspace.items()]
    assert sure == sorted(sure) and len(set(sure)) > 1


def test_each_decision_reaches_the_graph(workspace: Workspace) -> None:
    first, second, third = _norms(workspace)[:3]
    corrected = dataclasses.replace(second, kind="Prohibition",
                                    addressees=("房屋征收部门", "新的审核主体"))
    store.record(workspace, Decision("confirm", first, REVIEWER))
    store.record(workspace, Decision("correct", corrected, REVIEWER, draft=second))
    store.record(workspace, Decision("reject", third, REVIEWER))
    graph, iris = _graph(workspace)
    node = iris.statement(SLUG, first)
    assert (node, DG.reviewStatus, DG.Confirmed) in graph
    assert (node, PROV.wasAttributedTo, iris.reviewer(REVIEWER)) in graph
    assert (iris.reviewer(REVIEWER), RDF.type, PROV.Agent) in graph
    assert next(graph.objects(node, PROV.generatedAtTime)).datatype.endswith("dateTime")
    assert (node, DG.machineMade, Literal(True)) not in graph
    fixed = iris.statement(SLUG, corrected)
    assert (fixed, DG.reviewStatus, DG.Corrected) in graph
    assert (fixed, RDF.type, DG.Prohibition) in graph
    assert (iris.statement(SLUG, second), None, None) not in graph
    assert {str(o) for o in graph.objects(fixed, DG.addressee)} >= {
        str(iris.term("actor", "新的审核主体"))}
    assert (iris.statement(SLUG, third), None, None) not in graph
    untouched = _norms(workspace)[3]
    assert (iris.statement(SLUG, untouched), DG.reviewStatus, DG.Draft) in graph


def test_a_norm_can_be_added(workspace: Workspace) -> None:
    unit = workspace.items()[0].draft.at
    text = workspace.regulation.article(unit.article).paragraphs[unit.paragraph - 1].text
    cue = next(c for c in ("应当", "可以", "不得") if c in text)
    end = text.index(cue) + len(cue) + 2
    new = dataclasses.replace(workspace.items()[0].draft, kind="Obligation", quote=text[:end],
                              start=0, end=end, cue=cue, addressees=("房屋征收部门",),
                              action=None, machine_made=False, rule=None, confidence=None)
    store.record(workspace, Decision("add", new, REVIEWER))
    graph, iris = _graph(workspace)
    assert (iris.statement(SLUG, new), DG.reviewStatus, DG.Added) in graph
    assert [i.status for i in workspace.items()].count("Added") == 1


def test_undo_goes_back_one_decision_at_a_time(workspace: Workspace) -> None:
    draft = _norms(workspace)[0]
    before = workspace.curated_path.read_text(encoding="utf-8") if \
        workspace.curated_path.exists() else ""
    once = dataclasses.replace(draft, kind="Permission", cue=draft.cue)
    first = store.record(workspace, Decision("correct", once, REVIEWER, draft=draft))
    second = store.record(workspace, Decision("reject", draft, REVIEWER))
    assert workspace.find(f"{draft.at} {draft.name}").status == "Rejected"
    store.restore(workspace, f"{draft.at} {draft.name}", second, REVIEWER)
    assert workspace.find(f"{draft.at} {draft.name}").status == "Corrected"
    store.restore(workspace, f"{draft.at} {draft.name}", first, REVIEWER)
    assert workspace.find(f"{draft.at} {draft.name}").status == "Draft"
    assert first is None and before == ""


def test_a_decision_that_breaks_the_file_is_refused_and_nothing_written(
        workspace: Workspace) -> None:
    draft = _norms(workspace)[0]
    store.record(workspace, Decision("confirm", draft, REVIEWER))
    kept = workspace.curated_path.read_bytes()
    wrong = dataclasses.replace(_norms(workspace)[1], cue="鼓励而且支持")
    with pytest.raises(ReviewError, match="cue"):
        store.record(workspace, Decision("correct", wrong, REVIEWER,
                                         draft=_norms(workspace)[1]))
    assert workspace.curated_path.read_bytes() == kept
    assert not list(workspace.curated_path.parent.glob(".*.tmp"))


def test_hand_written_annotations_are_kept_byte_for_byte(workspace: Workspace) -> None:
    hand = "# notes by hand\n[mechanism.\"示例机制\"]\nid = \"example\"\nen = \"example\"\n"
    workspace.curated_path.write_text(hand, encoding="utf-8")
    store.record(workspace, Decision("confirm", _norms(workspace)[0], REVIEWER))
    assert workspace.curated_path.read_text(encoding="utf-8").startswith(hand)


def test_a_second_reviewer_is_refused_with_the_holders_name(workspace: Workspace) -> None:
    folder = workspace.settings.data_dir / "annotations"
    with pytest.raises(ReviewLocked, match=REVIEWER):
        _claim_in_other_process(folder, "李雷")
    assert claims.holds(folder, SLUG, REVIEWER)


def test_a_claim_whose_process_died_is_taken_over(tmp_path: Path) -> None:
    folder = review_data(tmp_path) / "annotations"
    dead = subprocess.Popen(["true"])
    dead.wait()
    claims.claim_file(folder, SLUG).write_text(
        f'{{"reviewer": "李雷", "pid": {dead.pid}, "host": "{_host()}", "since": "x"}}',
        encoding="utf-8")
    claims.claim(folder, SLUG, REVIEWER)
    assert claims.holds(folder, SLUG, REVIEWER)


def test_only_the_holder_writes(workspace: Workspace) -> None:
    folder = workspace.settings.data_dir / "annotations"
    claims.release(folder, SLUG, REVIEWER)
    with pytest.raises(ReviewError, match="no longer holds"):
        store.record(workspace, Decision("confirm", _norms(workspace)[0], REVIEWER))


def _claim_in_other_process(folder: Path, reviewer: str) -> None:
    """What a second `kg review` on the same data does: a live process of its own."""
    import json
    import os
    import socket
    # the holder is this (live) test process; a claim by another name must be refused
    holder = json.loads(claims.claim_file(folder, SLUG).read_text(encoding="utf-8"))
    assert holder["pid"] == os.getpid() and holder["host"] == socket.gethostname()
    claims.claim(folder, SLUG, reviewer)


def _host() -> str:
    import socket
    return socket.gethostname()


def test_the_app_serves_this_machine_only(capsys: pytest.CaptureFixture) -> None:
    from kg.cli import main
    assert main(["review", "--name", REVIEWER, "--host", "0.0.0.0"]) == 2
    assert "127.0.0.1" in capsys.readouterr().err


def test_a_designation_takes_the_id_another_curated_file_gave_it(
        workspace: Workspace) -> None:
    other = workspace.curated_path.with_name("another-regulation.toml")
    other.write_text('[actor."单位"]\nid = "organisation"\nen = "organisation"\n'
                     'class = "Actor"\n', encoding="utf-8")
    draft = next(i.draft for i in workspace.items() if "单位" in i.draft.addressees)
    store.record(workspace, Decision("confirm", draft, REVIEWER))
    assert 'id = "organisation"' in workspace.curated_path.read_text(encoding="utf-8")
    graph, iris = _graph(workspace)
    assert (iris.statement(SLUG, draft), DG.addressee, iris.term("actor", "organisation")) \
        in graph


def test_autocomplete_offers_lexicon_and_draft_designations(tmp_path: Path) -> None:
    from server.review import create_app
    settings = Settings(data_dir=review_data(tmp_path), build_dir=tmp_path / "build")
    client = create_app(settings, REVIEWER).test_client()
    names = client.get(f"/r/{SLUG}/names.json?q=房屋征收部门").get_json()
    assert "县级人民政府房屋征收部门" in names  # defined by the draft, not the lexicon
    governments = client.get(f"/r/{SLUG}/names.json?q=人民政府").get_json()
    assert governments and all("人民政府" in n for n in governments)
    assert [len(n) for n in governments] == sorted(len(n) for n in governments)
