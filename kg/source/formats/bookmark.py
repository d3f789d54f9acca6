"""The project's bookmark text format → Document.

An optional ``[bookmark: …]`` prefix on heading and article lines; ``第X章　title``
headings; ``第X条　text`` starting an article with its first paragraph; each further
non-empty line a paragraph, or an item ``（一）…`` when it follows a paragraph ending in
``：``. No title and no preamble: those live in data/<slug>.meta.toml.
"""

from __future__ import annotations

import re

from kg.source.formats import Document
from kg.source.formats.repairs import Line

BOOKMARK = re.compile(r"^\s*\[bookmark:[^\]]*\]")


def document(text: str) -> Document:
    lines = [Line(number, BOOKMARK.sub("", raw, count=1))
             for number, raw in enumerate(text.splitlines(), start=1)]
    return Document("bookmark", None, [], lines, 1)
