"""kg query FILE|NAME|- : run SPARQL on the current build, print SPARQL results formats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyoxigraph

from kg.cli.common import ensure_build, settings_from
from kg.errors import InputError
from kg.query import named as queries
from kg.query import stores as engine
from kg.release import store

FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld", "rdfxml")


# One query does not repay a copy of the store into memory (5 s at Guangdong's 840,000
# quads, against 1 s to answer from disk), except for a store as small as the seed.
ONE_QUERY_MEMORY_QUADS = 100_000


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("query", help="run a query file, a named query or - (stdin)")
    cmd.add_argument("query", help="a .rq file, the name of a query in queries/, or -")
    cmd.add_argument("--format", choices=FORMATS, default="table")
    cmd.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                     help="bind a named query's parameter")
    cmd.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    text = _query_text(args.query, settings.queries_dir, args.param)
    release = ensure_build(settings)
    db = store.for_queries(str(release / store.STORE_DIR), ONE_QUERY_MEMORY_QUADS,
                           quads=store.quad_count(release))
    try:
        result = engine.execute(db, text)
    except SyntaxError as exc:
        raise InputError(args.query, None, f"SPARQL syntax: {exc}") from None
    sys.stdout.write(_render(result, args.format))
    return 0


def _query_text(source: str, folder: Path, params: list[str]) -> str:
    values = dict(p.split("=", 1) for p in params if "=" in p)
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if path.suffix == ".rq" and path.is_file():
        return path.read_text(encoding="utf-8")
    named = queries.load_all(folder)
    if source not in named:
        raise InputError(source, None, f"no such file or named query; named queries: "
                         f"{', '.join(named)}")
    try:
        return named[source].bind(values)
    except ValueError as exc:
        raise InputError(source, None, str(exc)) from None


def _render(result: object, fmt: str) -> str:
    if isinstance(result, pyoxigraph.QueryBoolean):
        if fmt == "table":
            return f"{str(bool(result)).lower()}\n"
    elif fmt == "table" and isinstance(result, pyoxigraph.QuerySolutions):
        variables, table = engine.rows(result)
        return format_table(variables, table)
    try:
        return engine.serialize(result, "turtle" if fmt == "table" else fmt).decode("utf-8")
    except engine.UnsuitableFormat as exc:
        raise InputError("--format", None, str(exc)) from None


def format_table(variables: list[str], table: list[list[str]]) -> str:
    widths = [max([len(v)] + [_width(r[i]) for r in table]) for i, v in enumerate(variables)]
    def line(cells: list[str]) -> str:
        return " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True))
    rule = "-+-".join("-" * w for w in widths)
    body = [line(r) for r in table]
    return "\n".join([line(variables), rule, *body, f"({len(table)} rows)"]) + "\n"


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
