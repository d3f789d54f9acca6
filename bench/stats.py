"""Percentiles and summaries of latency samples (seconds in, milliseconds out)."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def summary_ms(seconds: Sequence[float]) -> dict[str, float | int]:
    """Count, p50, p90, p99, mean and max of latencies, in milliseconds."""
    if not seconds:
        return {"n": 0}
    return {"n": len(seconds),
            "p50_ms": round(percentile(seconds, 50) * 1000, 3),
            "p90_ms": round(percentile(seconds, 90) * 1000, 3),
            "p99_ms": round(percentile(seconds, 99) * 1000, 3),
            "mean_ms": round(statistics.fmean(seconds) * 1000, 3),
            "max_ms": round(max(seconds) * 1000, 3)}


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def ratio(numerator: float, denominator: float) -> float | None:
    if not denominator or math.isnan(denominator) or math.isnan(numerator):
        return None
    return round(numerator / denominator, 3)
