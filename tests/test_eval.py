"""kg eval: scores, the scoring scope, and the command's table and JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg import cli
from kg.config import PROJECT_ROOT, Settings
from kg.drafts import evaluate
from kg.drafts.ingest import ingest
from kg.errors import InputError

REGS = Path(__file__).parent / "fixtures" / "regs"
TUPLES = "tuples (art, para, class, addressee)"


def test_score_arithmetic() -> None:
    score = evaluate.Score(tp=8, fp=2, fn=0)
    assert (score.precision, score.recall) == (0.8, 1.0)
    assert round(score.f1, 4) == 0.8889
    assert evaluate.Score().f1 == 1.0


def test_seed_meets_the_goal() -> None:
    result = evaluate.evaluate(Settings())
    assert result.curated_articles >= 4
    assert result.rows[TUPLES].f1 >= 0.85
    assert {"Obligation", "Encouragement", "addressees", "mechanisms"} <= set(result.rows)


def _with_curated(tmp_path: Path, curated: str) -> Settings:
    data = tmp_path / "data"
    (data / "annotations").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "data" / "lexicon.toml", data / "lexicon.toml")
    settings = Settings(data_dir=data, build_dir=tmp_path / "build")
    ingest(settings, REGS / "market.txt", "test-market", "测试集贸市场条例")
    settings.annotation_file("test-market").write_text(curated, encoding="utf-8")
    return settings


def test_draft_copied_as_curated_scores_one(tmp_path: Path) -> None:
    settings = _with_curated(tmp_path, "")
    draft = settings.draft_file("test-market").read_text(encoding="utf-8")
    settings.annotation_file("test-market").write_text(draft, encoding="utf-8")
    result = evaluate.evaluate(settings, "test-market")
    assert all(row.f1 == 1.0 for row in result.rows.values())


def test_only_curated_articles_are_scored(tmp_path: Path) -> None:
    curated = ('[[statement]]\nat = "2.1"\nclass = "Obligation"\ncue = "应当"\n'
               'quote = "县级以上人民政府及有关部门应当加强集贸市场建设。"\n'
               'addressee = ["县级以上人民政府"]\n')
    result = evaluate.evaluate(_with_curated(tmp_path, curated), "test-market")
    assert result.curated_articles == 2
    row = result.rows[TUPLES]
    assert (row.tp, row.fn) == (1, 0)
    assert row.fp == 2  # 2.1 有关部门 and 2.2 市场开办者; articles 3-6 are not scored
    assert "2.2 Permission 市场开办者" in result.errors[TUPLES]["spurious"]


def test_missing_curated_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        evaluate.evaluate(Settings(data_dir=tmp_path), "nothing")


def test_cli_table_and_json(capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["eval"]) == 0
    out = capsys.readouterr().out
    assert "tuples (art, para, class, addressee)" in out and "goal" in out
    assert cli.main(["eval", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scores"][TUPLES]["f1"] >= 0.85


def test_bootstrap_intervals_are_reproducible_and_bracket_the_score() -> None:
    from kg.drafts.evaluation import bootstrap

    units = [{"v": (1, 0, 0)}] * 8 + [{"v": (0, 1, 1)}] * 2 + [{}] * 5
    first = bootstrap.intervals(units, ["v"], resamples=200)
    assert first == bootstrap.intervals(units, ["v"], resamples=200)  # fixed seed
    p = first["v"].precision
    assert p.low <= 0.8 <= p.high and p.low < p.high
    assert bootstrap.intervals([{"v": (3, 0, 0)}] * 4, ["v"])["v"].f1.as_list() == [1.0, 1.0]


def test_texts_fall_back_to_the_corpus_by_title(tmp_path: Path) -> None:
    from kg.drafts.evaluation import sources

    slug = "guangdongsheng-jidongche-paiqi-wuran-fangzhi-tiaoli"
    if not sources.corpus_dir().is_dir():
        pytest.skip("no corpus here")
    assert sources.text_path(Settings(data_dir=tmp_path), slug).name.startswith("广东省机动车")
    (tmp_path / f"{slug}.md").write_text("x", encoding="utf-8")
    assert sources.text_path(Settings(data_dir=tmp_path), slug) == tmp_path / f"{slug}.md"
    with pytest.raises(InputError, match="no text for 'nothing-here'"):
        sources.text_path(Settings(data_dir=tmp_path), "nothing-here")


def test_held_out_report_per_regulation_pooled_and_spread(capsys: pytest.CaptureFixture
                                                          ) -> None:
    from kg.drafts.evaluation import HELD_OUT, sources

    if not sources.corpus_dir().is_dir():
        pytest.skip("no corpus here")
    assert cli.main(["eval", "--held-out", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["held_out"]) == set(HELD_OUT)
    pooled = data["pooled"][TUPLES]
    assert pooled["tp"] == sum(r[TUPLES]["tp"] for r in data["held_out"].values())
    low, high = pooled["ci"]["recall"]
    assert low <= pooled["recall"] <= high
    assert "gd-industrial-transfer" in data["leave_one_out"]["tuple_f1"]
    assert data["bootstrap"]["resamples"] == 1000
    assert "penalties (unit, kind, bounds, enforces)" in data["pooled"]
