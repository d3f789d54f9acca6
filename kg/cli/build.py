"""kg build: parse, annotate, reason, validate and write a new release; kg validate: the
same checks without writing anything (one module: one build, written or not)."""

from __future__ import annotations

import argparse
import sys
import time

from kg import pipeline
from kg.cli.common import settings_from, stage_progress
from kg.errors import ValidationFailed

QUARANTINED = 4  # published, but some regulations were left out (named on stderr)


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("build", help="build the graph into build/ (exit 0 "
                                "conforms, 1 SHACL violations, 2 input error, 4 published "
                                "with regulations quarantined)")
    cmd.add_argument("--force", action="store_true",
                     help="write a new release even when the sources are unchanged")
    cmd.add_argument("--strict", action="store_true",
                     help="all or nothing: one bad regulation fails the whole build")
    cmd.add_argument("--keep-releases", type=int, metavar="N",
                     help="releases kept in build/releases, the new one included "
                     "(default 3, at least 2; $KG_KEEP_RELEASES)")
    cmd.set_defaults(handler=handle)
    check = subparsers.add_parser("validate", help="check annotations and SHACL shapes "
                                  "without writing a build")
    check.set_defaults(handler=handle_validate)


def handle_validate(args: argparse.Namespace) -> int:
    try:
        result = pipeline.run(settings_from(args), write=False)
    except ValidationFailed as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(result.report.text())
    return 0


def handle(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        result = pipeline.run(settings_from(args), force=args.force, strict=args.strict,
                              progress=stage_progress())
    except ValidationFailed as exc:
        print(f"kg build: {exc}\nthe previous build is unchanged", file=sys.stderr)
        return 1
    steps = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
    print(f"built {result.release}\n{result.report.text()}\n"
          f"{result.asserted_count} asserted + {result.inferred_count} inferred triples "
          f"in {time.perf_counter() - started:.2f}s ({steps})")
    for held in result.quarantined:
        print(f"kg build: {held.line()}", file=sys.stderr)
    return QUARANTINED if result.quarantined else 0
