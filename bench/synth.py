"""Synthetic corpora shaped like the seed, for benchmarks and scale tests.

Each synthetic regulation is the seed's text, metadata and curated annotations
under its own slug and title: the same shape (chapters, articles, norms, spans),
distinct IRIs, and actors shared with the seed through the one lexicon.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from kg.config import Settings

SEED_SLUG = "gd-industrial-transfer"


def make_corpus(target: Path, count: int, source: Settings | None = None,
                include_seed: bool = True) -> Path:
    """Write a data folder with ``count`` synthetic regulations; return its path."""
    source = source or Settings()
    data = target / "data"
    (data / "annotations").mkdir(parents=True, exist_ok=True)
    shutil.copy(source.lexicon_file, data / "lexicon.toml")
    text = (source.data_dir / f"{SEED_SLUG}.txt").read_bytes()
    meta = source.meta_file(SEED_SLUG).read_text(encoding="utf-8")
    notes = source.annotation_file(SEED_SLUG).read_text(encoding="utf-8")
    slugs = ([SEED_SLUG] if include_seed else []) + [f"synthetic-{i:04d}" for i in range(count)]
    for number, slug in enumerate(slugs):
        (data / f"{slug}.txt").write_bytes(text)
        (data / f"{slug}.meta.toml").write_text(_meta(meta, slug, number), encoding="utf-8")
        (data / "annotations" / f"{slug}.toml").write_text(notes, encoding="utf-8")
    return data


def _meta(meta: str, slug: str, number: int) -> str:
    if slug == SEED_SLUG:
        return meta
    lines = [ln for ln in meta.splitlines() if not ln.startswith(("title_zh", "title_en"))]
    return "\n".join([f'title_zh = "合成条例第{number}号"',
                      f'title_en = "Synthetic Regulation No. {number}"', *lines]) + "\n"
