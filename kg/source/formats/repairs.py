"""The lines of a document, the patterns every format shares, and the repairs log.

Every repair of a published text is one ParseWarning with its file, line and kind.
The kinds (what the text had → how it is read):

- ``chapter-gap`` / ``section-gap``: a 第X章 / 第X节 heading is missing, so the numbers
  jump; the headings that are there keep their printed numbers.
- ``misnumbered-heading``: a chapter heading repeats the number of the chapter before it
  (第七章 法律责任 … 第七章 附则); read as the next chapter, its printed number kept.
- ``section-outside-chapter``: a 第X节 heading before any chapter; its articles are read
  as if it were absent.
- ``unnumbered-heading``: a heading printed without its 第X章 / 第X节 (a short line
  with no closing punctuation, just before an article or another heading); it is left
  out, and its articles stay in the chapter before it.
- ``article-gap``: article numbers jump (an article or its number is missing).
- ``glued-article``: an article starts inside the line before it; the line is split.
- ``spaced-number``: a space inside the article number (第七十五 条).
- ``not-an-article``: a line that starts like an article (第三人…, 第X条规定…) and is a
  paragraph.
- ``items-on-one-line`` / ``item-glued-to-lead-in``: the line is split before each item.
- ``ascii-brackets``: an item numbered (一) or (六）.
- ``unnumbered-items``: the first items of a list printed without numbers.
- ``lead-in-punctuation``: a list's lead-in ends in 。 or ， instead of ：.
- ``item-continued``: lines between two items of one list belong to the first.
- ``item-gap``: item numbers jump.
- ``not-an-item``: a line that starts with an item number but refers to items
  (（一）至（三）项所列…).
- ``wrapped-line``: a line broken inside a sentence is joined to the line before.
- ``title-in-body`` / ``preamble-in-body``: the title or a preamble line repeated after
  the preamble; left out (preamble lines are read as preamble).
- ``preface``: text before the first article that belongs to no article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.source.model import ParseWarning
from kg.source.numerals import NUMERAL_CHARS

N = f"[{NUMERAL_CHARS}]+"
SPACE = " \t\u3000\xa0\u200b\ufeff"  # what may surround a line's text in a published file
CLOSING = tuple("。；;：:，,、！？!?.")  # a sentence or clause ends here
ARTICLE = re.compile(rf"^第({N})(\s*)条([{SPACE}]*)(.*)$")
CHAPTER = re.compile(rf"^第({N})章[{SPACE}]*(.*)$")
SECTION = re.compile(rf"^第({N})节[{SPACE}]*(.*)$")
ITEM = re.compile(rf"^([（(][{SPACE}]*({N})[{SPACE}]*[）)])[{SPACE}]*(.*)$")
LIKE_ARTICLE = re.compile(rf"^第{N}(?![条章节{NUMERAL_CHARS}])")
# what follows 第X条 or （X） when it is a reference in running text, not a number
REFERENCE_AFTER = tuple("规第的之至、和或中所款项及以，。；：（")
HEADING_LENGTH = 30


@dataclass(frozen=True)
class Line:
    """One line of a document: its number in the file (or paragraph in a DOCX) and its
    text; ``heading`` when the format marks it as one (Markdown ``#``)."""

    number: int
    text: str
    heading: bool = False


@dataclass
class Repairs:
    """The warnings of one parse, in the order the repairs were made."""

    source: str
    warnings: list[ParseWarning] = field(default_factory=list)

    def add(self, line: int | None, kind: str, message: str) -> None:
        self.warnings.append(ParseWarning(self.source, line, kind, message))


def heading_like(line: Line, rest: str) -> bool:
    """Is ``rest`` (the words after 第X章 / 第X节) a title rather than a sentence?"""
    if line.heading:
        return True
    return len(rest) <= HEADING_LENGTH and not rest.endswith(CLOSING) and "。" not in rest


def is_chapter(line: Line) -> re.Match | None:
    match = CHAPTER.match(line.text)
    return match if match and heading_like(line, match.group(2)) else None


def is_section(line: Line) -> re.Match | None:
    match = SECTION.match(line.text)
    return match if match and heading_like(line, match.group(2)) else None


def starts_unit(line: Line) -> bool:
    """Does the line start an article, item, chapter or section (or is it a heading)?"""
    return bool(line.heading or ARTICLE.match(line.text) or ITEM.match(line.text)
                or is_chapter(line) or is_section(line))


def squeeze(text: str) -> str:
    """The text without any whitespace: to compare titles and headings as printed."""
    return re.sub(rf"[\s{SPACE}]+", "", text)
