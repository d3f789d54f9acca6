"""kg eval: score the rule annotator against curated annotations.

``kg eval`` scores one regulation (the seed by default: in-sample); ``kg eval --held-out``
scores the held-out regulations, each and pooled, with bootstrap intervals, and the
spread over every curated regulation (kg/drafts/evaluation/heldout.py says what that
"leave-one-out" means for hand-written rules)."""

from __future__ import annotations

import argparse
import json

from kg.cli.common import settings_from
from kg.drafts import evaluate
from kg.drafts.evaluation import bootstrap, reviewed
from kg.drafts.evaluation.scoring import PENALTIES

GOAL = 0.85
HELD_OUT_GOALS = {"recall": 0.90, "precision": 0.95}
PER_REGULATION_ROWS = ("norms (unit, class)", "addressees", evaluate.TUPLES, PENALTIES)


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("eval", help="precision/recall/F1 of the rule annotator "
                                "against the curated annotations")
    cmd.add_argument("--slug", default=evaluate.DEFAULT_SLUG)
    cmd.add_argument("--held-out", action="store_true",
                     help="score the held-out regulations (each, pooled, with 95%% CIs) "
                     "and the spread over every curated regulation")
    cmd.add_argument("--reviewed", action="store_true",
                     help="take every fully reviewed regulation (kg review) as gold, each "
                     "and pooled; reviewed drafts favour the annotator (an upper bound)")
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.add_argument("--errors", action="store_true", help="list missed/spurious keys")
    cmd.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    if args.held_out:
        return _held_out(args)
    if args.reviewed:
        return _reviewed(args)
    result = evaluate.evaluate(settings_from(args), args.slug)
    if args.json:
        data = result.as_dict()
        if not args.errors:
            data.pop("errors")
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(table(result))
    if args.errors:
        _print_errors(result)
    return 0


def _print_errors(result: evaluate.Evaluation) -> None:
    for name, found in result.errors.items():
        for kind in ("missed", "spurious"):
            for key in found[kind]:
                print(f"{result.slug}\t{name}\t{kind}\t{key}")


def table(result: evaluate.Evaluation) -> str:
    lines = [f"kg eval {result.slug}: articles 1–{result.curated_articles} of "
             f"{result.articles} curated",
             f"{'':42} {'gold':>5} {'pred':>5} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6}"]
    for name, s in result.rows.items():
        lines.append(f"{name:42} {s.tp + s.fn:5} {s.tp + s.fp:5} {s.tp:4} "
                     f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
    f1 = result.rows[evaluate.TUPLES].f1
    lines.append(f"goal: tuple F1 ≥ {GOAL} — {'met' if f1 >= GOAL else 'not met'} ({f1:.3f})")
    return "\n".join(lines)


def _reviewed(args: argparse.Namespace) -> int:
    report = reviewed.reviewed(settings_from(args))
    if args.json:
        print(json.dumps({"note": reviewed.NOTE,
                          "pooled": {k: v.as_dict() for k, v in report.pooled.items()},
                          "regulations": [e.as_dict() for e in report.regulations],
                          "partial": [p.slug for p in report.partial]},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"kg eval --reviewed: {len(report.regulations)} fully reviewed regulations as "
          f"gold\nnote: {reviewed.NOTE}")
    for evaluation in report.regulations:
        print("\n" + table(evaluation))
    if report.pooled:
        pooled = evaluate.Evaluation("pooled", 0, 0, rows=report.pooled)
        print("\npooled\n" + "\n".join(table(pooled).splitlines()[1:-1]))
    for part in report.partial:
        print(f"left out, not fully reviewed: {part.slug} ({part.reviewed} of {part.total})")
    return 0


def _held_out(args: argparse.Namespace) -> int:
    report = evaluate.held_out(settings_from(args))
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return 0
    print(held_out_table(report))
    if args.errors:
        for regulation in report.regulations:
            _print_errors(regulation.evaluation)
    return 0


def _ci(interval: bootstrap.Interval) -> str:
    return f"[{interval.low:.2f}–{interval.high:.2f}]"


def _row(name: str, s: evaluate.Score, ci: bootstrap.Intervals) -> str:
    return (f"{name:42} {s.tp + s.fn:5} {s.tp + s.fp:5} {s.precision:6.3f} "
            f"{_ci(ci.precision)} {s.recall:6.3f} {_ci(ci.recall)} {s.f1:6.3f} {_ci(ci.f1)}")


def held_out_table(report) -> str:
    head = (f"{'':42} {'gold':>5} {'pred':>5} {'P':>6} {'95% CI':11} {'R':>6} "
            f"{'95% CI':11} {'F1':>6} 95% CI")
    lines = [f"kg eval --held-out: {len(report.regulations)} held-out regulations; CIs: "
             f"{bootstrap.RESAMPLES} bootstrap resamples of units (paragraphs, items), "
             f"seed {bootstrap.SEED}, 95% percentile", "", "pooled", head]
    lines += [_row(n, s, report.pooled_intervals[n]) for n, s in report.pooled.items()]
    for regulation in report.regulations:
        ev = regulation.evaluation
        lines += ["", f"{ev.slug} ({ev.articles} articles, {len(ev.units)} units)", head]
        lines += [_row(n, ev.rows[n], regulation.intervals[n]) for n in PER_REGULATION_ROWS]
    lines += ["", "leave-one-out (each curated regulation scored as the held-out one; the "
              "rules are hand-written, so for the development ones this is in-sample): "
              "tuple F1"]
    lines += [f"  {slug:56} {f1:.3f}" for slug, f1 in report.spread_scores.items()]
    lines += [f"  spread, {name}: " + ", ".join(f"{k} {v:.3f}" for k, v in s.items())
              for name, s in report.spread.items()]
    lines += ["", "precision of each rule's (unit, class, addressee) tuples, pooled "
              "(the check on the confidence each draft carries):"]
    lines += [f"  {rule:28} {s.tp:4} of {s.tp + s.fp:4}  {s.precision:.3f}"
              for rule, s in report.by_rule.items()]
    tuples = report.pooled[evaluate.TUPLES]
    met = tuples.recall >= HELD_OUT_GOALS["recall"] and \
        tuples.precision >= HELD_OUT_GOALS["precision"]
    lines.append(f"goal (pooled tuples): recall ≥ {HELD_OUT_GOALS['recall']}, precision ≥ "
                 f"{HELD_OUT_GOALS['precision']} — {'met' if met else 'not met'} "
                 f"(R {tuples.recall:.3f}, P {tuples.precision:.3f})")
    return "\n".join(lines)
