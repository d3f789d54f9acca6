"""The junk check's sample and verdicts (data/junk-sample/): every drawn designation has
a verdict, every junk verdict a reason, and the sample is what the drawer draws."""

from __future__ import annotations

from kg.config import PROJECT_ROOT
from kg.drafts.evaluation import junksample

FOLDER = PROJECT_ROOT / "data" / "junk-sample"


def _rows(name: str) -> list[list[str]]:
    lines = (FOLDER / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:] if line.strip()]


def test_every_drawn_designation_has_a_verdict_with_a_reason_for_junk() -> None:
    sample = {row[1] for row in _rows("sample.tsv")}
    verdicts = {row[1]: row[2:] for row in _rows("verdicts.tsv")}
    assert len(sample) == junksample.SIZE
    assert set(verdicts) == sample
    for designation, (verdict, *reason) in verdicts.items():
        assert verdict in ("ok", "junk"), designation
        assert verdict == "ok" or (reason and reason[0].strip()), designation


def test_the_sample_is_a_fixed_seed_draw() -> None:
    pool = [junksample.Candidate(f"d{i}", "f", "1.1", "q") for i in range(500)]
    first = junksample.draw(pool)
    assert first == junksample.draw(pool) and len(first) == junksample.SIZE
    assert first != junksample.draw(pool, seed=junksample.SEED + 1)
