"""How far review has come: x of y drafts decided, per regulation and for the corpus.

Counted from the TOML files alone (no text is parsed), so the whole corpus is counted
in a moment; the open regulation's own count comes from its Workspace."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.config import Settings


@dataclass(frozen=True)
class Progress:
    slug: str
    title: str
    reviewed: int
    total: int


def corpus(settings: Settings) -> list[Progress]:
    """Every regulation whose drafts are open to review (not `complete = true`)."""
    found = []
    for text in settings.regulation_files():
        slug = text.stem
        counted = regulation(settings, slug)
        if counted is not None:
            found.append(counted)
    return found


def regulation(settings: Settings, slug: str) -> Progress | None:
    """The count for one regulation, read again only when one of its files changed (the
    corpus has thousands of drafts: the screen asks after every decision)."""
    files = (settings.draft_file(slug), settings.annotation_file(slug),
             settings.meta_file(slug))
    return _counted(slug, files, tuple(_stamp(path) for path in files))


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size, status.st_ino


@lru_cache(maxsize=4096)
def _counted(slug: str, files: tuple[Path, Path, Path],
             stamps: tuple[tuple[int, int, int] | None, ...]) -> Progress | None:
    draft_path, curated_path, meta_path = files
    drafts = _load(draft_path)
    curated = _load(curated_path)
    if not drafts or curated.get("complete") is True:
        return None
    statements = curated.get("statement", [])
    by_hand = {s.get("at") for s in statements if "review" not in s}
    total = sum(1 for d in drafts.get("statement", []) if d.get("at") not in by_hand)
    reviewed = sum(1 for s in statements if s.get("draft")) + len(curated.get("rejected", []))
    meta = _load(meta_path)
    return Progress(slug, str(meta.get("title_zh", slug)), min(reviewed, total), total)


def _load(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
