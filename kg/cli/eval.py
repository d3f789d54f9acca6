"""kg eval: score the rule annotator against curated annotations."""

from __future__ import annotations

import argparse
import json

from kg.cli.common import settings_from
from kg.drafts import evaluate

GOAL = 0.85


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("eval", help="precision/recall/F1 of the rule annotator "
                                "against the curated annotations")
    cmd.add_argument("--slug", default=evaluate.DEFAULT_SLUG)
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.add_argument("--errors", action="store_true", help="list missed/spurious keys")
    cmd.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    result = evaluate.evaluate(settings_from(args), args.slug)
    if args.json:
        data = result.as_dict()
        if not args.errors:
            data.pop("errors")
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(table(result))
    if args.errors:
        for name, found in result.errors.items():
            for kind in ("missed", "spurious"):
                for key in found[kind]:
                    print(f"{name}\t{kind}\t{key}")
    return 0


def table(result: evaluate.Evaluation) -> str:
    lines = [f"kg eval {result.slug}: articles 1–{result.curated_articles} of "
             f"{result.articles} curated",
             f"{'':40} {'gold':>5} {'pred':>5} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6}"]
    for name, s in result.rows.items():
        lines.append(f"{name:40} {s.tp + s.fn:5} {s.tp + s.fp:5} {s.tp:4} "
                     f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
    f1 = result.rows["tuples (art, para, class, addressee)"].f1
    lines.append(f"goal: tuple F1 ≥ {GOAL} — {'met' if f1 >= GOAL else 'not met'} ({f1:.3f})")
    return "\n".join(lines)
