"""What a published body may hold before its first article, read away from the text.

A table of contents (the chapter headings listed once, then 第一章 again; a 目录 line),
the title printed again, preamble lines that slipped past ``<!-- INFO END -->``, and a
preface (序言) that belongs to no article. Chapter and section headings stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import ParseError
from kg.source.formats.lines import heading_candidate
from kg.source.formats.repairs import ARTICLE, Line, Repairs, is_chapter, is_section, squeeze
from kg.source.numerals import to_int

DATE = re.compile(r"[0-9０-９]{4}\s*年")
EVENT_END = re.compile(r"(通过|批准|修正|修订|公布|施行)[）)]?$")
BRACKETS = {"（", "）", "(", ")"}


@dataclass(frozen=True)
class Front:
    body: list[Line]  # the lines from the first heading or article on
    preamble: list[Line]  # preamble lines found in the body
    preface: list[Line]


def read(lines: list[Line], title: str | None, source: str, repairs: Repairs) -> Front:
    """Split off what stands before the first article (the caller checks there is an
    article line). Raises ParseError when text stands before a first article other than
    第一条."""
    first = next(i for i, line in enumerate(lines) if ARTICLE.match(line.text))
    before = _without_contents(lines[:first])
    kept, preamble, preface, loose = [], [], [], []
    for line in _without_title(before, title, repairs):
        if is_chapter(line) or is_section(line):
            kept.append(line)
        elif looks_like_preamble(line.text):
            repairs.add(line.number, "preamble-in-body",
                        "a preamble line after the preamble; read as preamble")
            preamble.append(line)
        else:
            loose.append(line)
            # an unnumbered heading is left to lines.drop_unnumbered_headings
            (kept if heading_candidate(line) else preface).append(line)
    _check_preface(preface, loose, lines[first], source, repairs)
    return Front(kept + lines[first:], preamble, preface)


def looks_like_preamble(text: str) -> bool:
    """A line of a preamble: a dated event, an event's end (…会议通过）) or a bracket."""
    text = text.strip()
    return bool(DATE.search(text) or EVENT_END.search(text)) or text in BRACKETS \
        or text == "根据"


def no_articles_hint(lines: list[Line]) -> str:
    if not lines:
        return "the file has only its title and preamble (a text published without its body?)"
    return (f"{len(lines)} lines of text but none starts with 第一条 (a decision or "
            "resolution written in points 一、二、 is not a regulation the parser reads)")


def _without_contents(lines: list[Line]) -> list[Line]:
    """Drop a table of contents: everything from the first 第一章 heading to the last one
    before the first article, and 目录 lines."""
    firsts = [i for i, line in enumerate(lines)
              if (m := is_chapter(line)) and to_int(m.group(1)) == 1]
    if len(firsts) > 1:
        lines = lines[:firsts[0]] + lines[firsts[-1]:]
    return [line for line in lines if squeeze(line.text) not in ("目录", "#目录")]


def _without_title(lines: list[Line], title: str | None, repairs: Repairs) -> list[Line]:
    """Drop lines that together print the title again (often broken over two lines)."""
    if not title:
        return lines
    wanted = squeeze(title)
    for start in range(len(lines)):
        joined = ""
        for end in range(start, len(lines)):
            joined += squeeze(lines[end].text)
            if joined == wanted:
                for line in lines[start:end + 1]:
                    repairs.add(line.number, "title-in-body", "the title printed again; left out")
                return lines[:start] + lines[end + 1:]
            if not wanted.startswith(joined):
                break
    return lines


def _check_preface(preface: list[Line], loose: list[Line], first: Line, source: str,
                   repairs: Repairs) -> None:
    if not preface:
        return
    numeral = ARTICLE.match(first.text).group(1)
    if to_int(numeral) != 1:
        raise ParseError(source, loose[0].number,
                         f"text before the first article, which is 第{numeral}条 (line "
                         f"{first.number}): the articles before it have lost their numbers; "
                         "restore 第一条 … in the text")
    for line in preface:
        repairs.add(line.number, "preface", "text before 第一条 that belongs to no article; "
                    "kept as the regulation's preface")
