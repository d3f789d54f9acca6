"""Move the actors and carriers a person has curated for one regulation into the shared
lexicon (data/lexicon.toml)."""

from __future__ import annotations

from kg.config import Settings
from kg.drafts.ingest import journal
from kg.errors import InputError
from kg.source import lexicon, tomlfile


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
    kept = "\n".join(x for x in lines if x is not None).rstrip("\n") + "\n"
    journal.write_together(settings.data_dir, {curated: kept})
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
