"""Correcting a liability in review on a real draft, 潮州市畲族文化保护条例 第二十六条 (its draft
names no liable party): the reviewer names them from the enforced norm (20.2 任何单位和个人
不得…, GUIDELINE §17), changes a fine's bounds and adds a
consequence row; a consequence the clause does not state is refused."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg import pipeline
from kg.config import Settings
from kg.errors import ReviewError
from kg.graph.iris import Iris
from kg.namespaces import DG
from kg.review import claims, store
from kg.review.workspace import Workspace
from kg.source import sources
from server.review import forms
from tests.review_support import REVIEWER, review_data

SLUG = "chaozhoushi-shezu-wenhua-baohu-tiaoli"
WARNING = "责令限期改正"  # quoted again as a second row of another kind: a new penalty


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    settings = Settings(data_dir=review_data(tmp_path, SLUG), build_dir=tmp_path / "build")
    claims.claim(settings.data_dir / "annotations", SLUG, REVIEWER)
    return Workspace(settings, SLUG)


def _liability(workspace: Workspace):
    return next(i for i in workspace.items() if i.draft.kind == "Liability")


def test_a_liability_gets_its_liable_party_and_missed_fine(workspace: Workspace) -> None:
    item = _liability(workspace)
    rows = [{"kind": p.kind, "quote": p.quote, "min": "", "max": ""}
            for p in item.draft.penalties]
    rows[-1].update(min="2000", max="10000")
    rows.append({"kind": "Warning", "quote": WARNING, "min": "", "max": ""})
    body = {"verdict": "correct", "key": item.key,
            "fields": {"class": "Liability", "liable": ["单位", "个人"], "penalties": rows}}
    store.record(workspace, forms.decision(workspace, REVIEWER, body))
    decided = workspace.find(item.key).decided
    assert decided.review.status == "Corrected" and decided.liable == ("单位", "个人")
    assert decided.penalties[3].min_amount == Decimal("2000")
    assert decided.penalties[3].tier == item.draft.penalties[3].tier  # kept as drafted
    assert [p.kind for p in decided.penalties][-1] == "Warning"
    read = sources.read_all(workspace.settings, strict=True)
    iris = Iris(workspace.settings.base_iri)
    graph = pipeline.assemble(read, iris)[iris.graph(SLUG)]
    node = iris.statement(SLUG, decided)
    assert (node, DG.liable, iris.term("actor", "单位")) in graph
    minima = {float(o) for p in graph.objects(node, DG.penalty)
              for o in graph.objects(p, DG.minimumAmount)}
    assert 2000.0 in minima and len(list(graph.objects(node, DG.penalty))) == 5


def test_a_consequence_not_in_the_clause_is_refused(workspace: Workspace) -> None:
    item = _liability(workspace)
    body = {"verdict": "correct", "key": item.key, "fields": {"penalties": [
        {"kind": "Fine", "quote": "处十万元罚款", "min": "", "max": ""}]}}
    with pytest.raises(ReviewError, match=r"not in 26\.1"):
        forms.decision(workspace, REVIEWER, body)
