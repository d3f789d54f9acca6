"""kg stats: counts of the current build."""

from __future__ import annotations

import argparse
import json

from kg.cli.common import ensure_build, settings_from
from kg.query import stats
from kg.release import store


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("stats", help="counts of chapters, articles, paragraphs, "
                                "norms per class, actors, mechanisms, carriers, triples")
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    counts = stats.collect(store.open_store(ensure_build(settings)), settings.base_iri)
    if args.json:
        print(json.dumps(counts, ensure_ascii=False, indent=2))
    else:
        width = max(len(k) for k in counts)
        print("\n".join(f"{k:<{width}}  {v}" for k, v in counts.items()))
    return 0
