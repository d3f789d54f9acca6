"""Versions over time, as declared in ``data/<slug>.meta.toml``::

    [[version]]
    date = 2023-01-01                 # in force from; the version's id
    text = "versions/<slug>@2023-01-01.txt"   # relative to data/; optional: a
                                      # version known only from the preamble has none
    adopted = 2022-11-30              # optional: date of the (amending) act
    note_zh = "…"                     # optional: what the version changed
    note_en = "…"

    [[version]]
    date = 2025-03-01                 # the last version is the current one: its
                                      # text is data/<slug>.txt (no `text` key)

Older texts live in ``data/versions/`` (not ``data/*.txt``, which are regulations)
and must parse like any regulation text. kg/graph/versions.py writes the triples.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from kg.errors import InputError
from kg.source import parse, tomlfile
from kg.source.model import Regulation


@dataclass(frozen=True)
class Version:
    date: date
    text: str | None  # None for a version the preamble records but whose text we lack
    articles: int | None
    current: bool
    adopted: date | None = None
    note_zh: str = ""
    note_en: str = ""
    until: date | None = None


def load(regulation: Regulation, meta: dict, meta_path: Path,
         data_dir: Path) -> tuple[Version, ...]:
    """The versions declared in the metadata, oldest first; () when none."""
    entries = meta.get("version", [])
    if not entries:
        return ()
    lines = tomlfile.header_lines(meta_path, "version")
    dates = [_date(entry, meta_path, lines, n) for n, entry in enumerate(entries)]
    if dates != sorted(set(dates)):
        raise InputError(meta_path, lines[0] if lines else None,
                         "[[version]] dates must be distinct and in order, oldest first")
    result = []
    for n, (entry, day) in enumerate(zip(entries, dates, strict=True)):
        last = n == len(entries) - 1
        text, count = (regulation.published_text(), len(regulation.articles)) if last else (
            _old_text(entry, meta_path, lines[n] if n < len(lines) else None, data_dir,
                      regulation.slug))
        until = None if last else dates[n + 1] - timedelta(days=1)
        result.append(Version(day, text, count, last, _opt_date(entry.get("adopted")),
                              entry.get("note_zh", ""), entry.get("note_en", ""), until))
    return tuple(result)


def _date(entry: dict, path: Path, lines: list[int], n: int) -> date:
    day = entry.get("date")
    if not isinstance(day, date):
        raise InputError(path, lines[n] if n < len(lines) else None,
                         "[[version]] needs `date = YYYY-MM-DD` (the date it enters into force)")
    return day


def _opt_date(value: object) -> date | None:
    return value if isinstance(value, date) else None


def _old_text(entry: dict, meta_path: Path, line: int | None, data_dir: Path,
              slug: str) -> tuple[str | None, int | None]:
    if not entry.get("text"):
        return None, None  # known from the preamble's history; its text is not at hand
    if not isinstance(entry["text"], str):
        raise InputError(meta_path, line, "`text` must be a file name relative to the "
                         "data folder")
    path = (data_dir / entry["text"]).resolve()
    if data_dir.resolve() not in path.parents:
        raise InputError(meta_path, line, "a version text must be inside the data folder")
    old = parse.read(path, slug=slug)
    return old.published_text(), len(old.articles)
