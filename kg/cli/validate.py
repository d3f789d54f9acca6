"""kg validate: build in memory and check the shapes, without writing anything."""

from __future__ import annotations

import argparse
import sys

from kg import pipeline
from kg.cli.common import settings_from
from kg.errors import ValidationFailed


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("validate", help="check annotations and SHACL shapes "
                                "without writing a build")
    cmd.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    try:
        result = pipeline.run(settings_from(args), write=False)
    except ValidationFailed as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(result.report.text())
    return 0
