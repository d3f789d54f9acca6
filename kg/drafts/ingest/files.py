"""Which files an ingest reads, and the UTF-8 text each becomes in data/.

A folder stands for every regulation file under it. Markdown and plain text are kept
as published, re-encoded as UTF-8 when they came as GB18030; a DOCX becomes the plain
text of its paragraphs, one a line, which the parser reads as it read the DOCX."""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError
from kg.source.encodings import decode
from kg.source.formats import docx, is_docx

SUFFIXES = (".md", ".txt", ".docx")


def discover(paths: list[Path]) -> list[Path]:
    """The regulation files named, folders expanded (sorted, no repeats)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES
                            and p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(path, None, "no such file or folder")
    return list(dict.fromkeys(found))


def stored_text(path: Path) -> tuple[str, str]:
    """(the text to keep in data/, its file suffix there)."""
    data = path.read_bytes()
    if is_docx(data):
        doc = docx.document(data, str(path))
        lines = [doc.title] if doc.title else []
        lines += [line.text for line in (*doc.preamble, *doc.body)]
        return "\n".join(lines) + "\n", ".txt"
    text = decode(data, path)
    return text, ".md" if path.suffix.lower() == ".md" else ".txt"
