"""kg ingest: add a regulation text with draft annotations; promote curated actors."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli.common import settings_from
from kg.drafts import ingest
from kg.errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser(
        "ingest", help="add a regulation (text + meta + machine-made draft annotations)",
        description="Copy FILE to data/<id>.txt, write data/<id>.meta.toml and "
        "data/annotations/<id>.draft.toml made by the rule annotator. Idempotent. "
        "With --promote-actors SLUG, move the [actor]/[carrier] tables of the curated "
        "data/annotations/SLUG.toml into data/lexicon.toml instead.")
    cmd.add_argument("file", nargs="?", type=Path, help="regulation text (UTF-8)")
    cmd.add_argument("--id", dest="slug", help="slug of the regulation, e.g. gd-water-saving")
    cmd.add_argument("--title", help="Chinese title, e.g. 广东省节约用水条例")
    cmd.add_argument("--title-en", help="English title")
    cmd.add_argument("--meta", type=Path, help="TOML file of further metadata (dates, ...)")
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
    if not (args.file and args.slug and args.title):
        raise InputError("kg ingest", None, "FILE, --id and --title are required")
    result = ingest.ingest(settings, args.file, args.slug, args.title, args.title_en,
                           args.meta)
    print(f"{result.slug}: {result.articles} articles, {result.statements} draft statements"
          f", {len(result.new_terms)} new designation(s)")
    for path in result.written:
        print(f"  wrote {path}")
    for path in result.unchanged:
        print(f"  unchanged {path}")
    if result.new_terms:
        print("  new: " + "、".join(result.new_terms))
    return 0
