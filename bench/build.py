"""Build timings: the seed as a whole process (`kg build` in a subprocess) and per
step (in-process, from BuildResult.timings), and a corpus of synthetic regulations
built cold and then warm (unchanged: the per-regulation cache should answer)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import synth
from bench.stats import median
from kg import pipeline
from kg.config import Settings


def kg_build(data_dir: Path, build_dir: Path, timeout: float = 600.0) -> float:
    """Wall-clock seconds of one `kg build` process; raises CalledProcessError on failure."""
    cmd = [sys.executable, "-m", "kg.cli", "--data-dir", str(data_dir),
           "--build-dir", str(build_dir), "build"]
    started = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)
    return time.perf_counter() - started


def seed_process(settings: Settings, runs: int = 5) -> dict:
    """Median wall time of `kg build` on the seed: cold (a fresh build folder each
    time) and warm (the same folder again, so the cache may answer)."""
    with tempfile.TemporaryDirectory(prefix="kg-bench-seed-") as tmp:
        cold = [kg_build(settings.data_dir, Path(tmp) / f"cold-{i}") for i in range(runs)]
        warm_dir = Path(tmp) / "cold-0"
        warm = [kg_build(settings.data_dir, warm_dir) for _ in range(runs)]
    return {"runs": runs, "cold_s": _rounded(cold), "warm_s": _rounded(warm),
            "cold_median_s": round(median(cold), 3), "warm_median_s": round(median(warm), 3)}


def seed_steps(settings: Settings, runs: int = 5) -> dict:
    """Median seconds per pipeline step over `runs` cold in-process builds."""
    samples: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-steps-") as tmp:
        for i in range(runs):
            build_dir = Path(tmp) / f"b{i}"
            started = time.perf_counter()
            result = pipeline.run(settings.with_(build_dir=build_dir))
            samples.append({**result.timings, "total": time.perf_counter() - started})
    steps = list(dict.fromkeys(k for s in samples for k in s))
    return {step: round(median([s.get(step, 0.0) for s in samples]), 3) for step in steps}


def corpus(settings: Settings, regulations: int = 100) -> dict:
    """Cold then warm (unchanged) in-process build of `regulations` regulations:
    the seed and regulations-1 synthetic copies of it."""
    with tempfile.TemporaryDirectory(prefix="kg-bench-corpus-") as tmp:
        data = synth.make_corpus(Path(tmp), regulations - 1, source=settings)
        target = settings.with_(data_dir=data, build_dir=Path(tmp) / "build")
        cold = _timed_build(target)
        warm = _timed_build(target)
    return {"regulations": regulations, "cold": cold, "warm": warm}


def _timed_build(settings: Settings) -> dict:
    started = time.perf_counter()
    result = pipeline.run(settings)
    wall = time.perf_counter() - started
    return {"wall_s": round(wall, 3), "cached_parts": result.cached,
            "triples": result.asserted_count + result.inferred_count,
            "steps_s": {k: round(v, 3) for k, v in result.timings.items()}}


def _rounded(values: list[float]) -> list[float]:
    return [round(v, 3) for v in values]
