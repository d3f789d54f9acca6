"""kg build: parse, annotate, reason, validate and write a new release."""

from __future__ import annotations

import argparse
import sys
import time

from kg import pipeline
from kg.cli.common import settings_from
from kg.errors import ValidationFailed


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("build", help="build the graph into build/ "
                                "(exit 0 conforms, 1 SHACL violations, 2 input error)")
    cmd.add_argument("--force", action="store_true",
                     help="write a new release even when the sources are unchanged")
    cmd.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        result = pipeline.run(settings_from(args), force=args.force)
    except ValidationFailed as exc:
        print(f"kg build: {exc}\nthe previous build is unchanged", file=sys.stderr)
        return 1
    steps = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
    print(f"built {result.release}\n{result.report.text()}\n"
          f"{result.asserted_count} asserted + {result.inferred_count} inferred triples "
          f"in {time.perf_counter() - started:.2f}s ({steps})")
    return 0
