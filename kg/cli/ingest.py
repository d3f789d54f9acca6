"""kg ingest: add regulations (files or folders, any format) with draft annotations."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from kg.cli.common import settings_from
from kg.cli.progress import Progress
from kg.drafts import ingest
from kg.drafts.ingest import Ingested
from kg.errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser(
        "ingest", help="add regulations: files or folders (bookmark text, plain text, "
        "Markdown, DOCX; UTF-8 or GB18030), with machine-made draft annotations",
        description="Write each regulation's text as published into data/<slug>.md|.txt, "
        "its metadata (from the preamble) into data/<slug>.meta.toml and draft annotations "
        "into data/annotations/<slug>.draft.toml. Idempotent. Exit 0 when every file was "
        "accepted, 2 when any was refused (each named with file:line). With "
        "--promote-actors SLUG, move the [actor]/[carrier] tables of the curated "
        "data/annotations/SLUG.toml into data/lexicon.toml instead.")
    cmd.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                     help="regulation files or folders of them")
    cmd.add_argument("--id", dest="slug", help="slug, for one file (default: from its title)")
    cmd.add_argument("--title", help="Chinese title, for one file (default: from the file)")
    cmd.add_argument("--title-en", help="English title, for one file")
    cmd.add_argument("--meta", type=Path, help="TOML file of further metadata, for one file")
    cmd.add_argument("--promote-actors", metavar="SLUG",
                     help="move curated new actors/carriers of SLUG into the lexicon")
    cmd.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if args.promote_actors:
        moved = ingest.promote(settings, args.promote_actors)
        print(f"promoted {len(moved)} designation(s) to {settings.lexicon_file}: "
              + "、".join(moved) if moved else "nothing to promote")
        return 0
    if not args.paths:
        raise InputError("kg ingest", None, "name at least one file or folder")
    if args.slug or args.title or args.title_en or args.meta:
        if len(args.paths) != 1 or args.paths[0].is_dir():
            raise InputError("kg ingest", None, "--id, --title, --title-en and --meta "
                             "apply to one file")
        outcomes = [ingest.ingest(settings, args.paths[0], args.slug, args.title,
                                  args.title_en, args.meta)]
    else:
        bar = Progress("ingest")
        outcomes = ingest.ingest_all(settings, args.paths,
                                     lambda done, total, o: bar(done, total, _name(o)))
    return _report(outcomes)


def _name(outcome: Ingested) -> str:
    return outcome.slug or outcome.source.name


def _report(outcomes: list[Ingested]) -> int:
    for outcome in outcomes:
        if outcome.refused is not None:
            print(f"kg ingest: refused: {outcome.refused}", file=sys.stderr)
            continue
        role = "" if outcome.current else f" (earlier version {outcome.version})"
        print(f"{outcome.slug}{role}: {outcome.articles} articles, {outcome.statements} "
              f"draft statements, {len(outcome.new_terms)} new designation(s)")
        for path in outcome.written:
            print(f"  wrote {path}")
        if not outcome.written:
            print("  unchanged: data/ already holds exactly this")
        for warning in outcome.warnings:
            print(f"  warning: {warning}", file=sys.stderr)
    refused = sum(o.refused is not None for o in outcomes)
    kinds = Counter(w.kind for o in outcomes for w in o.warnings)
    summary = ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()) or "none"
    print(f"{len(outcomes) - refused} accepted, {refused} refused; repairs: {summary}")
    return 2 if refused else 0
