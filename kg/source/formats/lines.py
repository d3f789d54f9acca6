"""Line-level readings of a published body, before its structure is built.

Each pass takes the lines and returns new ones, logging what it repaired: the text of
every line stays an exact piece of the published line it came from.
"""

from __future__ import annotations

import re

from kg.source.formats.repairs import (
    ARTICLE,
    CLOSING,
    HEADING_LENGTH,
    ITEM,
    REFERENCE_AFTER,
    SPACE,
    Line,
    Repairs,
    is_chapter,
    is_section,
    starts_unit,
)
from kg.source.numerals import from_int, to_int

COMMENT = re.compile(r"^<!--.*-->$")
# before a glued 第X条 that is a reference in running text (本条例第X条, 依照第X条 …)
REFERENCE_BEFORE = tuple("例照据反、和或及至法》第")


def cleaned(lines: list[Line]) -> list[Line]:
    """Lines without surrounding spaces; blank lines and HTML comments left out."""
    kept = []
    for line in lines:
        text = line.text.strip(SPACE).strip()
        if text and not COMMENT.match(text):
            kept.append(Line(line.number, text, line.heading))
    return kept


def split_glued_articles(lines: list[Line], repairs: Repairs) -> list[Line]:
    """Where article numbers jump (第十三条 → 第十五条), look for the missing 第十四条
    inside the lines between them and start it there."""
    out: list[Line] = []
    since = 0  # index in ``out`` of the last article line
    expected = 1
    for line in lines:
        match = ARTICLE.match(line.text)
        if match and not match.group(2):
            number = to_int(match.group(1))
            while number > expected and (split := _split_at(out, since, expected, repairs)):
                since, expected = split, expected + 1
            if number >= expected:
                since, expected = len(out), number + 1
        out.append(line)
    return out


def _split_at(out: list[Line], since: int, ordinal: int, repairs: Repairs) -> int | None:
    """Split the first line from ``out[since]`` on that holds 第<ordinal>条 starting an
    article; the index of the article's line, or None."""
    heading = f"第{from_int(ordinal)}条"
    for index in range(since, len(out)):
        text = out[index].text
        for match in re.finditer(heading, text):
            start, end = match.start(), match.end()
            if start == 0 or text[start - 1] in REFERENCE_BEFORE:
                continue
            if end < len(text) and text[end] in REFERENCE_AFTER:
                continue
            number = out[index].number
            out[index:index + 1] = [Line(number, text[:start].strip(SPACE)),
                                    Line(number, text[start:])]
            repairs.add(number, "glued-article",
                        f"{heading} starts inside the line; the line is split before it")
            return index + 1
    return None


def drop_unnumbered_headings(lines: list[Line], repairs: Repairs) -> list[Line]:
    """Leave out headings printed without their 第X章/第X节: short lines without closing
    punctuation, just before an article or heading, after a closed sentence."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        if _unnumbered_heading(lines, index):
            repairs.add(line.number, "unnumbered-heading",
                        f"{line.text!r} looks like a heading without its number; left out")
        else:
            out.append(line)
    return out


def _unnumbered_heading(lines: list[Line], index: int) -> bool:
    run_end = index
    while run_end < len(lines) and heading_candidate(lines[run_end]):
        run_end += 1
    if run_end == index or run_end >= len(lines) or not starts_unit(lines[run_end]):
        return False
    if ITEM.match(lines[run_end].text):
        return False
    first = index
    while first > 0 and heading_candidate(lines[first - 1]):
        first -= 1
    before = lines[first - 1] if first else None
    return before is None or before.heading or before.text.endswith(CLOSING) \
        or bool(is_chapter(before) or is_section(before))


def heading_candidate(line: Line) -> bool:
    text = line.text
    if line.heading:
        return not (is_chapter(line) or is_section(line))
    return (len(text) <= HEADING_LENGTH and broken_off(text) and "。" not in text
            and not starts_unit(line))


def join_wrapped(lines: list[Line], repairs: Repairs) -> list[Line]:
    """Join a line broken inside a sentence (no closing punctuation at its end, the next
    line starting no unit) to the line before it."""
    out: list[Line] = []
    for line in lines:
        before = out[-1] if out else None
        if (before and not before.heading and _runs_on(before.text)
                and not starts_unit(line) and not _is_heading(before)):
            out[-1] = Line(before.number, before.text + line.text)
            repairs.add(line.number, "wrapped-line",
                        f"the line before breaks off inside a sentence ({before.text[-8:]!r});"
                        " joined to it")
        else:
            out.append(line)
    return out


def _runs_on(text: str) -> bool:
    """Does the unit on this line go on on the next? It breaks off inside a word, or it
    is an item number with nothing after it."""
    item = ITEM.match(text)
    return broken_off(text) or bool(item and not item.group(3))


def broken_off(text: str) -> bool:
    """Does the text end in a word (a Chinese character, letter or digit), not in
    punctuation or a bracket?"""
    last = text[-1]
    return "\u4e00" <= last <= "\u9fff" or last.isalnum()


def _is_heading(line: Line) -> bool:
    return bool(is_chapter(line) or is_section(line))
