"""All the files of one regulation change together, or none does.

Each file is first written beside its target under a temporary name; a journal then
lists the renames; the renames follow and the journal goes. An ingest interrupted
after the journal is rolled forward by the next one (``complete``), one interrupted
before it leaves only temporary files, which the next one removes: data/ never holds
a regulation whose text, metadata and draft disagree."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

JOURNAL = ".ingest-journal.json"


def write_together(data_dir: Path, contents: dict[Path, str]) -> list[Path]:
    """Write each path's content (UTF-8); return the paths whose content changed."""
    changed = {path: text for path, text in contents.items() if _differs(path, text)}
    if not changed:
        return []
    renames = []
    for path, text in changed.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.ingest")
        tmp.write_text(text, encoding="utf-8")
        renames.append((str(tmp), str(path)))
    _write_journal(data_dir, renames)
    complete(data_dir)
    return list(changed)


def move_together(data_dir: Path, moves: list[tuple[Path, Path]]) -> None:
    """Rename files (an old text becoming a version) under the same journal."""
    for _, target in moves:
        target.parent.mkdir(parents=True, exist_ok=True)
    _write_journal(data_dir, [(str(a), str(b)) for a, b in moves])
    complete(data_dir)


def complete(data_dir: Path) -> None:
    """Finish the renames of an interrupted ingest, and drop its stray temporary files."""
    journal = data_dir / JOURNAL
    if journal.exists():
        for source, target in json.loads(journal.read_text(encoding="utf-8")):
            if Path(source).exists():
                os.replace(source, target)
        journal.unlink()
    for stray in data_dir.rglob(".*.ingest"):
        stray.unlink()


def _write_journal(data_dir: Path, renames: list[tuple[str, str]]) -> None:
    tmp = data_dir / f"{JOURNAL}.{uuid.uuid4().hex[:8]}"
    tmp.write_text(json.dumps(renames, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, data_dir / JOURNAL)


def _differs(path: Path, text: str) -> bool:
    return not path.exists() or path.read_text(encoding="utf-8") != text
