"""A plain text as published (also the paragraphs of a DOCX) → Document.

Its first line is the title (a heading: no closing punctuation); then the preamble
lines (dated events: ``（2003年1月11日…通过　…修正）``); then the text. A text that starts
straight with 第一章 or 第一条 has neither title nor preamble.
"""

from __future__ import annotations

from kg.errors import ParseError
from kg.source.formats import Document
from kg.source.formats.front import looks_like_preamble
from kg.source.formats.repairs import CLOSING, Line, starts_unit


def document(lines: list[Line], source: str, format: str = "plain",
             title: str | None = None) -> Document:
    filled = [line for line in lines if line.text.strip()]
    if not filled:
        return Document(format, title, [], [], 1)
    start = 0
    if title is None and not starts_unit(_stripped(filled[0])):
        head = _stripped(filled[0])
        if head.text.endswith(CLOSING):
            raise ParseError(source, head.number, f"text before the first article: "
                             f"{head.text[:30]!r} (a published text starts with its title)")
        title, start = head.text, 1
    end = start
    while end < len(filled) and looks_like_preamble(filled[end].text):
        end += 1
    body_start = filled[end].number if end < len(filled) else filled[-1].number
    return Document(format, title, filled[start:end], filled[end:], body_start)


def _stripped(line: Line) -> Line:
    return Line(line.number, line.text.strip(), line.heading)
