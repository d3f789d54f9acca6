"""The corpus benchmark's table says why a step failed: the CLI's own error line, not
the last progress line before it (the warm build that filled the disk read as
"build 1759/1759 …")."""

from __future__ import annotations

from bench import corpus


def _step(wall: float, exit_code: int, tail: list[str]) -> dict:
    return {"wall_s": wall, "exit": exit_code, "peak_rss_mb": 100, "stages": "", "tail": tail}


def test_a_failed_step_is_named_by_its_error() -> None:
    row = {"files": 3, "regulations": 3,
           "ingest": _step(1.0, 0, ["3 accepted"]),
           "cold": _step(9.0, 0, ["3 regulations built; 0 quarantined"]),
           "warm": _step(2.0, 3, ["build 3/3 (0:01 elapsed, 0:00 left): x",
                                  "kg build: system error: No space left on device"])}
    text = corpus.table({"all": row})
    assert "warm exit 3: kg build: system error: No space left on device" in text
    assert "build 3/3" not in text
    row["warm"] = _step(2.0, 4, ["1 asserted + 2 inferred triples; 1 quarantined"])
    assert "warm exit 4: 1 asserted + 2 inferred triples |" in corpus.table({"all": row})
