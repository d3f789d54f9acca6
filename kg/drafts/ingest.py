"""Add a regulation to data/: its text, metadata and machine-made draft annotations.

``ingest`` is idempotent: the same input writes the same bytes, and files whose
content would not change are left untouched. ``promote`` moves the actors and
carriers a person has curated for one regulation into the shared lexicon.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.config import Settings
from kg.drafts import annotator
from kg.drafts.annotator import tomlout
from kg.errors import InputError
from kg.source import annotations, lexicon, parse, tomlfile
from kg.source.lexicon import Lexicon
from kg.source.model import Regulation

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
FIRST_KEYS = ("title_zh", "title_en")


@dataclass
class IngestResult:
    slug: str
    articles: int
    statements: int
    new_terms: list[str]
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)


def ingest(settings: Settings, source: Path, slug: str, title: str,
           title_en: str | None = None, meta_file: Path | None = None) -> IngestResult:
    """Parse ``source``, annotate it and write data/<slug>.txt, .meta.toml and the draft."""
    if not SLUG.match(slug):
        raise InputError(source, None, f"--id {slug!r}: use lower-case letters, digits "
                         "and '-' (e.g. gd-water-saving)")
    regulation = parse.read(source, slug)  # ParseError with the line number
    text = source.read_text(encoding="utf-8")
    meta = _meta(settings, slug, title, title_en, meta_file)
    lex = known_terms(settings, slug)
    draft = annotator.annotate(regulation, lex)
    draft_text = tomlout.render(draft, regulation)
    result = IngestResult(slug, len(regulation.articles), len(draft.statements),
                          sorted(zh for _, zh in draft.terms))
    _check_draft(settings, regulation, lex, draft_text)
    for path, content in ((settings.data_dir / f"{slug}.txt", text),
                          (settings.meta_file(slug), render_meta(meta, slug)),
                          (settings.draft_file(slug), draft_text)):
        (result.written if _write(path, content) else result.unchanged).append(path)
    return result


def known_terms(settings: Settings, slug: str) -> Lexicon:
    """The shared lexicon plus the terms every other annotation file defines, so a
    draft reuses their ids instead of defining a designation twice."""
    lex = lexicon.load([settings.lexicon_file])
    slugs = sorted({p.stem for p in settings.regulation_files()} | {slug})
    paths = [settings.annotation_file(s) for s in slugs]
    paths += [settings.draft_file(s) for s in slugs if s != slug]
    for path in paths:
        if path.exists():
            lex.merge_file(path)
    return lex


def _meta(settings: Settings, slug: str, title: str, title_en: str | None,
          meta_file: Path | None) -> dict:
    meta: dict = {}
    existing = settings.meta_file(slug)
    if meta_file is not None:
        meta.update(tomlfile.load(meta_file))
    elif existing.exists():
        meta.update(tomlfile.load(existing))
    meta["title_zh"] = title
    meta["title_en"] = title_en or meta.get("title_en") or title
    return meta


def render_meta(meta: dict, slug: str) -> str:
    lines = [f"# Metadata of the regulation whose text is {slug}.txt (written by kg ingest)."]
    for key in (*FIRST_KEYS, *sorted(k for k in meta if k not in FIRST_KEYS)):
        lines.append(f"{key} = {_toml_value(meta[key])}")
    return "\n".join(lines) + "\n"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)


def _check_draft(settings: Settings, regulation: Regulation, lex: Lexicon,
                 draft_text: str) -> None:
    """The draft must load exactly as the build will load it."""
    folder = settings.draft_file(regulation.slug).parent
    folder.mkdir(parents=True, exist_ok=True)
    probe = folder / f".{regulation.slug}.draft.check.toml"
    probe.write_text(draft_text, encoding="utf-8")
    try:
        annotations.load(probe, regulation, lex, machine_made=True)
    finally:
        probe.unlink()


def _write(path: Path, content: str) -> bool:
    """Write atomically; False (and no write) when the file already holds ``content``."""
    if path.exists() and path.read_text(encoding="utf-8") == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(content, encoding="utf-8")
    os.replace(tmp, path)
    return True


def promote(settings: Settings, slug: str) -> list[str]:
    """Move the [actor]/[carrier] tables of data/annotations/<slug>.toml (curated) into
    data/lexicon.toml. Returns the designations moved."""
    curated = settings.annotation_file(slug)
    if not curated.exists():
        raise InputError(curated, None, "no curated annotations: copy the draft's "
                         "statements and [actor] tables you accept into this file first")
    lex = lexicon.load([settings.lexicon_file])
    data = tomlfile.load(curated)
    lines = curated.read_text(encoding="utf-8").splitlines()
    moved: list[str] = []
    blocks: list[str] = []
    for kind in ("actor", "carrier"):
        for zh in data.get(kind, {}):
            start = tomlfile.table_line(curated, kind, zh)
            if start is None:
                continue
            end = _block_end(lines, start)
            if not lex.get(kind, zh):
                blocks.append("\n".join(lines[start - 1:end]).rstrip())
            lines[start - 1:end] = [None] * (end - start + 1)  # type: ignore[list-item]
            moved.append(zh)
    if blocks:
        with settings.lexicon_file.open("a", encoding="utf-8") as out:
            out.write(f"\n# ── Promoted from annotations/{slug}.toml ──\n\n"
                      + "\n\n".join(blocks) + "\n")
    _write(curated, "\n".join(x for x in lines if x is not None).rstrip("\n") + "\n")
    return moved


def _block_end(lines: list[str], start: int) -> int:
    """1-based last line of the table starting at line ``start``."""
    end = start
    for n in range(start, len(lines)):
        if lines[n].lstrip().startswith("["):
            break
        end = n + 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return end
