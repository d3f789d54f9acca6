"""The formats a regulation comes in, detected from its content.

- ``bookmark``: the project's own text format (data/*.txt): ``[bookmark: …]`` markup, or
  a text that starts straight with 第一章／第一条 and a full-width space. Read strictly:
  a defect is a ParseError.
- ``markdown``: the corpus format: ``# title``, the preamble, ``<!-- INFO END -->``, then
  ``##``/``###`` headings and the text (kg/source/formats/markdown.py).
- ``plain``: a text as published: its title line, the preamble, then the text.
- ``docx``: a Word file as the national database publishes it: its paragraphs are the
  lines of a plain text.

Every format yields a Document: title, preamble lines and body lines, each line with
its number in the file (for a DOCX, its paragraph number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.source.formats.repairs import Line

BOOKMARK_MARK = "[bookmark:"
INFO_END = "<!-- INFO END -->"
PROJECT_START = re.compile(r"^\s*第[一二三四五六七八九十百千零〇两]+[章条]\u3000")
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Document:
    format: str
    title: str | None
    preamble: list[Line]
    body: list[Line]
    body_start: int  # the line where the body begins, for "no articles" errors

    @property
    def strict(self) -> bool:
        return self.format == "bookmark"


def detect_text(text: str) -> str:
    """bookmark, markdown or plain (see the module's docstring)."""
    if BOOKMARK_MARK in text:
        return "bookmark"
    first = next((line for line in text.splitlines() if line.strip()), None)
    if first is None or PROJECT_START.match(first):
        return "bookmark"
    if first.startswith("# ") or INFO_END in text:
        return "markdown"
    return "plain"


def is_docx(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)
