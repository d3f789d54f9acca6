"""The corpus Markdown format → Document.

``# title``; the preamble (adoption, revisions, amendments) up to ``<!-- INFO END -->``;
then the text, where ``##`` / ``###`` mark chapter and section headings (either level
may hold either: the heading's words decide) and some files list the chapter headings
once as a table of contents before the text (kg/source/formats/front.py drops it).
Fenced code blocks are not read.
"""

from __future__ import annotations

import re

from kg.source.formats import INFO_END, Document, plain
from kg.source.formats.repairs import Line

HEADING = re.compile(r"^#{1,6}[ \t\u3000]+")


FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")


def document(text: str, source: str) -> Document:
    lines = _outside_fences(
        [Line(number, raw) for number, raw in enumerate(text.splitlines(), start=1)])
    filled = [line for line in lines if line.text.strip()]
    if not filled or not filled[0].text.startswith("# "):
        return plain.document(lines, source, "markdown")
    title_line = filled[0]
    after = [line for line in lines if line.number > title_line.number]
    marker = next((line.number for line in after if line.text.strip() == INFO_END), None)
    if marker is None:  # no preamble marker: read the rest as a plain text's
        return plain.document(after, source, "markdown", title=_title(title_line))
    preamble = [line for line in after if line.number < marker]
    body = [_unmarked(line) for line in after if line.number > marker]
    return Document("markdown", _title(title_line), preamble, body, marker)


def _outside_fences(lines: list[Line]) -> list[Line]:
    """The lines outside fenced code blocks: a regulation has none, and a document
    about regulations (the corpus README) quotes one there, which is not its text."""
    kept, fenced = [], False
    for line in lines:
        if FENCE.match(line.text):
            fenced = not fenced
        elif not fenced:
            kept.append(line)
    return kept


def _title(line: Line) -> str:
    return line.text[2:].strip()


def _unmarked(line: Line) -> Line:
    """A ``##`` heading line → its words, marked as a heading."""
    match = HEADING.match(line.text)
    return Line(line.number, line.text[match.end():], heading=True) if match else line
