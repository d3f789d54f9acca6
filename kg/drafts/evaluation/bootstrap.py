"""Percentile bootstrap over units: how far a score could move with other paragraphs.

A regulation's units (paragraphs and items) are drawn with replacement as many times
as there are units; each draw's true positives, false positives and misses are summed
over the drawn units and turned into P, R and F1. 1,000 draws with a fixed seed make
the interval reproducible; the 95% interval is the 2.5th to 97.5th percentile.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

RESAMPLES = 1000
SEED = 20240229
Counts = tuple[int, int, int]  # tp, fp, fn of one unit


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def as_list(self) -> list[float]:
        return [round(self.low, 4), round(self.high, 4)]


@dataclass(frozen=True)
class Intervals:
    precision: Interval
    recall: Interval
    f1: Interval


def ratios(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """P, R, F1; an empty side counts as perfect (nothing to find, nothing wrong)."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def intervals(units: Sequence[dict[str, Counts]], views: Sequence[str],
              resamples: int = RESAMPLES, seed: int = SEED) -> dict[str, Intervals]:
    """95% percentile intervals of P, R and F1 for each view. ``units[i][view]`` is the
    (tp, fp, fn) of unit i; one draw of units is shared by every view."""
    rng = random.Random(seed)
    samples: dict[str, list[tuple[float, float, float]]] = {v: [] for v in views}
    n = len(units)
    for _ in range(resamples):
        drawn = Counter(rng.choices(range(n), k=n)) if n else Counter()
        for view in views:
            tp = fp = fn = 0
            for i, times in drawn.items():
                counts = units[i].get(view)
                if counts:
                    tp, fp, fn = tp + times * counts[0], fp + times * counts[1], \
                        fn + times * counts[2]
            samples[view].append(ratios(tp, fp, fn))
    return {view: Intervals(*(_percentiles([s[k] for s in samples[view]]) for k in range(3)))
            for view in views}


def _percentiles(values: list[float]) -> Interval:
    ordered = sorted(values)
    last = len(ordered) - 1
    return Interval(ordered[round(0.025 * last)], ordered[round(0.975 * last)])
