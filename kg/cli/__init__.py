"""The `kg` command. Thin: parse arguments, call library functions, print, exit.

Exit codes: 0 success (the graph conforms), 1 SHACL violations, 2 input or usage error,
3 system error (disk full, no permission …): the previous build is untouched in every case.
Each command lives in kg/cli/<name>.py with a ``register(subparsers)`` function.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kg import __version__
from kg.errors import KGError

# build.py registers `kg build` and `kg validate` (the same checks, nothing written)
COMMANDS = ("build", "query", "stats", "serve", "ingest", "eval", "bench", "push", "review")


GLOBAL_VALUE_FLAGS = ("--data-dir", "--build-dir", "--base-iri")


def named_command(argv: Sequence[str]) -> tuple[str, ...]:
    """The command named on the command line, so that only its module is imported (a
    `kg query` must not wait for the build pipeline's imports); every command when none
    is named (help, or a usage error that lists them)."""
    args, i = list(argv), 0
    while i < len(args):
        if args[i] in GLOBAL_VALUE_FLAGS:
            i += 2
        elif args[i].startswith("-"):
            i += 1
        else:
            return (args[i],) if args[i] in COMMANDS else COMMANDS
    return COMMANDS


def parser(commands: Sequence[str] = COMMANDS) -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kg", description="DutyGraph: a knowledge graph "
                                  "of legal duties. Exit codes: 0 ok, 1 SHACL violations, "
                                  "2 input or usage error, 3 system error.")
    top.add_argument("--version", action="version", version=f"kg {__version__}")
    top.add_argument("--data-dir", help="folder of regulation texts (default: data/)")
    top.add_argument("--build-dir", help="where builds go (default: build/)")
    top.add_argument("--base-iri", help="base of instance IRIs")
    subparsers = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in commands:
        try:
            module = importlib.import_module(f"kg.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"kg.cli.{name}":
                raise
            continue
        module.register(subparsers)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser(named_command(sys.argv[1:] if argv is None else argv)).parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except KGError as exc:
        print(f"kg {args.command}: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(f"kg {args.command}: system error{where}: {exc.strerror or exc}",
              file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        return 130

