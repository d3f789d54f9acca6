"""Where a curated regulation's text is: data/<slug>.txt or .md, else the corpus file.

The lead ingests the corpus into data/ regulation by regulation; until a curated
regulation is there, its published Markdown in shared/corpus is found by title: the
file whose title (its name before the date) has the slug (kg.source.slugs). The corpus
folder is KG_CORPUS_DIR, by default shared/corpus beside the checkout.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from kg.config import PROJECT_ROOT, Settings
from kg.errors import InputError
from kg.source.slugs import slug_for

DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"


def corpus_dir() -> Path:
    return Path(os.environ.get("KG_CORPUS_DIR", DEFAULT_CORPUS))


def text_path(settings: Settings, slug: str) -> Path:
    """The file to parse for ``slug``: data/ first, then the corpus (InputError if none)."""
    for suffix in (".txt", ".md"):
        path = settings.data_dir / f"{slug}{suffix}"
        if path.exists():
            return path
    found = _corpus_slugs(corpus_dir()).get(slug)
    if found is None:
        raise InputError(settings.data_dir / f"{slug}.txt", None,
                         f"no text for {slug!r} in {settings.data_dir} (.txt or .md) nor a "
                         f"corpus file with that title under {corpus_dir()}")
    return found


def title_of(path: Path) -> str:
    """The title in a corpus file name: 广东省家政服务条例(2023-03-30).md → 广东省家政服务条例."""
    return path.stem.split("(")[0].split("（")[0]


@cache
def _corpus_slugs(folder: Path) -> dict[str, Path]:
    """slug → the latest version's file (file names end in the version's date)."""
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*/*.md")):
        found[slug_for(title_of(path))] = path
    return found
