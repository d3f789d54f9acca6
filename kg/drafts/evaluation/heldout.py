"""``kg eval --held-out``: the regulations no rule was written from, and the spread.

HELD_OUT were curated from the text alone and never read while the rules were written
(data/GUIDELINE.md §18); only this module reads them. Each is scored on its own and all
are pooled (their units together), every score with a bootstrap interval.

This is the second held-out draw: the first five held-out regulations (家政, 地理标志,
粤菜, 建筑垃圾, 东莞零散工业废水) became development text once their errors had been read,
and four regulations that no rule writer had read were curated in their place; the rules
were frozen before they were first scored.

"Leave-one-out" cannot mean retraining here: the rules are written by hand, not fitted.
It means: every curated regulation in turn is scored as if it were the held-out one,
and the spread of those scores is reported. For the held-out four that is a true
out-of-sample figure; for the DEVELOPMENT ones (which the rules were written from) it is
in-sample, and says how far in-sample figures flatter.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from kg.config import Settings
from kg.drafts.evaluation import bootstrap
from kg.drafts.evaluation.scoring import TUPLES, VIEWS, Evaluation, Score, evaluate

HELD_OUT = ("guangdongsheng-shidi-baohu-tiaoli", "jiangmenshi-menlou-haopai-guanlitiaoli",
            "guangdongsheng-waishangtouzi-quanyi-baohu-tiaoli",
            "guangdongsheng-shiye-baoxiantiaoli")
DEVELOPMENT = ("gd-industrial-transfer", "guangdongsheng-jidongche-paiqi-wuran-fangzhi-tiaoli",
               # the first held-out draw, development text since the second
               "guangdongsheng-jiazheng-fuwu-tiaoli", "guangdongsheng-dili-biaozhi-tiaoli",
               "guangdongsheng-yuecai-fazhan-cujin-tiaoli",
               "guangdongsheng-jianzhu-laji-guanlitiaoli",
               "dongguanshi-lingsan-gongyefeishui-guanlitiaoli")


@dataclass
class RegulationResult:
    evaluation: Evaluation
    intervals: dict[str, bootstrap.Intervals]


@dataclass
class HeldOut:
    regulations: list[RegulationResult]
    pooled: dict[str, Score]
    pooled_intervals: dict[str, bootstrap.Intervals]
    spread: dict[str, dict[str, float]] = field(default_factory=dict)  # LOO, per slug too
    spread_scores: dict[str, float] = field(default_factory=dict)  # slug → tuple F1
    by_rule: dict[str, Score] = field(default_factory=dict)  # pooled precision per rule

    def as_dict(self) -> dict:
        return {
            "held_out": {r.evaluation.slug: _scores(r.evaluation.rows, r.intervals)
                         for r in self.regulations},
            "pooled": _scores(self.pooled, self.pooled_intervals),
            "leave_one_out": {"tuple_f1": self.spread_scores, "spread": self.spread},
            "precision_by_rule": {rule: {"correct": s.tp, "made": s.tp + s.fp,
                                         "precision": round(s.precision, 4)}
                                  for rule, s in self.by_rule.items()},
            "bootstrap": {"resamples": bootstrap.RESAMPLES, "seed": bootstrap.SEED,
                          "unit": "paragraph or item", "interval": "95% percentile"},
        }


def _scores(rows: dict[str, Score], cis: dict[str, bootstrap.Intervals]) -> dict:
    return {name: {**row.as_dict(), "ci": {"precision": cis[name].precision.as_list(),
                                            "recall": cis[name].recall.as_list(),
                                            "f1": cis[name].f1.as_list()}}
            for name, row in rows.items()}


def unit_counts(result: Evaluation) -> list[dict[str, bootstrap.Counts]]:
    """(tp, fp, fn) of each scored unit, per view."""
    per_unit: dict[str, dict[str, bootstrap.Counts]] = {u: {} for u in result.units}
    for view, (gold, guess) in result.keys.items():
        for unit in {k[0] for k in gold | guess}:
            mine_gold = {k for k in gold if k[0] == unit}
            mine_guess = {k for k in guess if k[0] == unit}
            per_unit.setdefault(unit, {})[view] = (len(mine_gold & mine_guess),
                                                   len(mine_guess - mine_gold),
                                                   len(mine_gold - mine_guess))
    return list(per_unit.values())


def held_out(settings: Settings, slugs: tuple[str, ...] = HELD_OUT,
             others: tuple[str, ...] = DEVELOPMENT) -> HeldOut:
    """Score every held-out regulation, pool them, and the spread over all curated ones."""
    views = list(VIEWS)
    results, pooled_units = [], []
    pooled = {view: Score() for view in views}
    for slug in slugs:
        evaluation = evaluate(settings, slug)
        units = unit_counts(evaluation)
        results.append(RegulationResult(evaluation, bootstrap.intervals(units, views)))
        pooled_units += units
        for view in views:
            pooled[view].add(evaluation.rows[view])
    report = HeldOut(results, pooled, bootstrap.intervals(pooled_units, views))
    for result in results:
        for rule, score in result.evaluation.by_rule.items():
            report.by_rule.setdefault(rule, Score()).add(score)
    scores = {r.evaluation.slug: r.evaluation.rows[TUPLES].f1 for r in results}
    scores.update({slug: evaluate(settings, slug).rows[TUPLES].f1 for slug in others
                   if settings.annotation_file(slug).exists()})
    report.spread_scores = {k: round(v, 4) for k, v in scores.items()}
    report.spread = {"all curated": _spread(list(scores.values())),
                     "held-out only": _spread([scores[s] for s in slugs])}
    return report


def _spread(values: list[float]) -> dict[str, float]:
    return {"min": round(min(values), 4), "max": round(max(values), 4),
            "mean": round(statistics.mean(values), 4),
            "sd": round(statistics.pstdev(values), 4)}
