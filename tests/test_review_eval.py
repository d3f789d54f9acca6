"""`kg eval --reviewed`: a fully reviewed regulation is gold; one half reviewed is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main
from kg.config import Settings
from kg.drafts.evaluation.reviewed import reviewed
from kg.review import claims, store
from kg.review.decisions import Decision
from kg.review.workspace import Workspace
from tests.review_support import REVIEWER, SLUG, review_data


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    settings = Settings(data_dir=review_data(tmp_path), build_dir=tmp_path / "build")
    claims.claim(settings.data_dir / "annotations", SLUG, REVIEWER)
    return Workspace(settings, SLUG)


def test_a_half_reviewed_regulation_is_left_out(workspace: Workspace) -> None:
    first = workspace.items()[0].draft
    store.record(workspace, Decision("confirm", first, REVIEWER))
    report = reviewed(workspace.settings)
    assert report.regulations == [] and [p.slug for p in report.partial] == [SLUG]


def test_a_fully_reviewed_regulation_is_gold(workspace: Workspace,
                                             capsys: pytest.CaptureFixture) -> None:
    items = workspace.items()
    rejected = next(i.draft for i in items if i.draft.is_norm)
    for item in items:
        verdict = "reject" if item.draft is rejected else "confirm"
        store.record(workspace, Decision(verdict, item.draft, REVIEWER))
    report = reviewed(workspace.settings)
    [evaluation] = report.regulations
    norms = evaluation.rows["norms (unit, class)"]
    kept = {(str(i.draft.at), i.draft.kind) for i in items
            if i.draft.is_norm and i.draft is not rejected}
    assert norms.tp + norms.fn == len(kept)  # the gold is what the reviewer kept
    assert main(["--data-dir", str(workspace.settings.data_dir), "eval", "--reviewed"]) == 0
    out = capsys.readouterr().out
    assert "favour the annotator" in out and SLUG in out and "pooled" in out
