"""Segments and sentences of a clause, split at punctuation outside brackets.

A comma inside （包括已售出的和未售出的产品，下同） does not end a segment.
"""

from __future__ import annotations

from dataclasses import dataclass

SEGMENT_END = "，,：:；;。"
SENTENCE_END = "；;。"
_OPEN, _CLOSE = "（(", "）)"


@dataclass(frozen=True)
class Span:
    start: int
    end: int        # end of the words, before the punctuation
    closes: str     # the punctuation that ends it ('' at the end of the text)

    @property
    def ends_sentence(self) -> bool:
        return self.closes in SENTENCE_END and self.closes != ""


def split(text: str, start: int, end: int, marks: str = SEGMENT_END) -> list[Span]:
    """Spans of text[start:end] ending at any of ``marks`` at bracket depth 0."""
    found: list[Span] = []
    depth, begin = 0, start
    for pos in range(start, end):
        ch = text[pos]
        depth += (ch in _OPEN) - (ch in _CLOSE and depth > 0)
        if depth == 0 and ch in marks:
            found.append(Span(begin, pos, ch))
            begin = pos + 1
    if begin < end:
        found.append(Span(begin, end, ""))
    return found


def segments(text: str, start: int, end: int) -> list[Span]:
    return split(text, start, end, SEGMENT_END)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    return split(text, start, len(text) if end is None else end, SENTENCE_END)
