"""Lines of a body → chapters, sections, articles, paragraphs and items.

One builder serves every format. In the project's own bookmark format (``strict``) a
defect is a ParseError, as it always was; in a published text it is read the way a
careful reader reads it and logged as a repair (kg/source/formats/repairs.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.errors import ParseError
from kg.source.formats import items
from kg.source.formats.drafts import ArticleDraft, ParagraphDraft
from kg.source.formats.repairs import (
    ARTICLE,
    LIKE_ARTICLE,
    REFERENCE_AFTER,
    Line,
    N,
    Repairs,
    is_chapter,
    is_section,
)
from kg.source.model import Chapter, Section
from kg.source.numerals import to_int

# the bookmark format as it always was read: one optional space after 第X条, headings
# possibly indented, a section heading followed by a space
STRICT_ARTICLE = re.compile(rf"^第({N})()条([\u3000 ]?)(.*)$")
STRICT_CHAPTER = re.compile(rf"^\s*第({N})章[\s\u3000]*(.*)$")
STRICT_SECTION = re.compile(rf"^\s*第({N})节[\s\u3000]+(.*)$")


@dataclass
class Body:
    source: str
    strict: bool
    repairs: Repairs
    chapters: list[Chapter] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    articles: list[ArticleDraft] = field(default_factory=list)

    def read(self, lines: list[Line]) -> None:
        for line in lines:
            self.line(line)
        if not self.articles:
            raise ParseError(self.source, None, "no articles found (empty file or not a "
                             "regulation)")

    def line(self, line: Line) -> None:
        if self.strict and not line.text.strip():
            return
        if chapter := self._chapter_match(line):
            self.chapter(chapter, line)
        elif section := self._section_match(line):
            self.section(section, line)
        elif line.heading:
            self.repairs.add(line.number, "unnumbered-heading",
                             f"heading {line.text!r} has no 第X章/第X节 number; left out")
        elif (article := self._article_match(line)) and self._starts_article(article, line):
            self.article(article, line)
        elif not self.articles:
            raise ParseError(self.source, line.number,
                             f"text before the first article: {line.text[:30]!r}")
        else:
            self.text(line)

    def _chapter_match(self, line: Line) -> re.Match | None:
        return STRICT_CHAPTER.match(line.text) if self.strict else is_chapter(line)

    def _article_match(self, line: Line) -> re.Match | None:
        return (STRICT_ARTICLE if self.strict else ARTICLE).match(line.text)

    def _section_match(self, line: Line) -> re.Match | None:
        return STRICT_SECTION.match(line.text) if self.strict else is_section(line)

    def chapter(self, match: re.Match, line: Line) -> None:
        """A chapter heading. Its ordinal is its position (dg:ordinal runs 1..n); where a
        heading is missing, the printed number (eli:number) jumps and a warning says so."""
        ordinal = to_int(match.group(1))
        position = len(self.chapters) + 1
        expected = _printed(self.chapters[-1].number) + 1 if self.chapters else 1
        if ordinal == expected - 1 and not self.strict and self._articles_since(self.chapters[-1]):
            self.repairs.add(line.number, "misnumbered-heading", f"a second 第{match.group(1)}章 "
                             f"after the articles of the first; read as chapter {expected}")
            ordinal = expected
        self._check_order("chapter", f"第{match.group(1)}章", ordinal, expected, line)
        title = match.group(2).replace("\u3000", "").replace(" ", "")
        self.chapters.append(Chapter(f"第{match.group(1)}章", position, title,
                                     line.text.strip(), line.number))

    def _articles_since(self, chapter: Chapter) -> bool:
        return bool(self.articles) and self.articles[-1].line > chapter.line

    def section(self, match: re.Match, line: Line) -> None:
        number = f"第{match.group(1)}节"
        if not self.chapters:
            self._defect(line, "section-outside-chapter",
                         f"{number} stands before any chapter; its articles are read without it")
            return
        chapter = self.chapters[-1].ordinal
        mine = [s for s in self.sections if s.chapter == chapter]
        ordinal = to_int(match.group(1))
        self._check_order("section", number, ordinal,
                          _printed(mine[-1].number) + 1 if mine else 1, line)
        title = match.group(2).replace("\u3000", "").replace(" ", "")
        self.sections.append(Section(number, len(mine) + 1, chapter, title, line.text.strip(),
                                     line.number))

    def _check_order(self, kind: str, number: str, ordinal: int, expected: int,
                     line: Line) -> None:
        if ordinal < expected or (ordinal > expected and self.strict):
            raise ParseError(self.source, line.number,
                             f"{kind} {number} out of order: expected {kind} {expected}")
        if ordinal > expected:
            self.repairs.add(line.number, f"{kind}-gap",
                             f"{kind} numbers jump to {number}: the heading of {kind} "
                             f"{expected} is missing")

    def _starts_article(self, match: re.Match, line: Line) -> bool:
        """Is this 第X条 line an article? Not when X is not the next number and the words
        after it run on like a reference (第十二条规定的…)."""
        if self.strict or to_int(match.group(1)) == self._next_article():
            return True
        rest = match.group(4)
        if not match.group(3) and rest.startswith(REFERENCE_AFTER):
            self.repairs.add(line.number, "not-an-article",
                             f"starts like an article ({line.text[:8]!r}) but refers to one; "
                             "read as a paragraph")
            return False
        return True

    def _next_article(self) -> int:
        return self.articles[-1].ordinal + 1 if self.articles else 1

    def article(self, match: re.Match, line: Line) -> None:
        ordinal, expected = to_int(match.group(1)), self._next_article()
        number = f"第{match.group(1)}条"
        if ordinal != expected and (self.strict or ordinal < expected):
            problem = "missing" if ordinal > expected else "out of order or repeated"
            raise ParseError(self.source, line.number, f"article {number} is {problem}: "
                             f"expected article {expected}")
        if ordinal > expected:
            self.repairs.add(line.number, "article-gap", f"article numbers jump to {number}: "
                             f"article {expected} is missing from the text")
        if match.group(2):
            self.repairs.add(line.number, "spaced-number",
                             f"a space inside the article number {line.text[:8]!r}")
        body = match.group(4)
        if not body.strip():
            raise ParseError(self.source, line.number, f"article {number} has no text")
        separator = match.group(3)
        draft = ArticleDraft(number, ordinal, line.number, self._chapter(), self._section(),
                             separator)
        draft.paragraphs.append(ParagraphDraft(body, line.number))
        self.articles.append(draft)
        if not self.strict:
            items.split_first(draft, line, self.repairs)

    def _chapter(self) -> int | None:
        return self.chapters[-1].ordinal if self.chapters else None

    def _section(self) -> int | None:
        last = self.sections[-1] if self.sections else None
        return last.ordinal if last and last.chapter == self._chapter() and \
            last.line > (self.chapters[-1].line if self.chapters else 0) else None

    def text(self, line: Line) -> None:
        if LIKE_ARTICLE.match(line.text) and not self.strict:
            self.repairs.add(line.number, "not-an-article",
                             f"starts like an article ({line.text[:4]!r}…) but is a paragraph")
        if self.strict:
            items.strict(self.articles[-1], line, self.source)
        else:
            items.lenient(self.articles[-1], line, self.repairs)

    def _defect(self, line: Line, kind: str, message: str) -> None:
        if self.strict:
            raise ParseError(self.source, line.number, message)
        self.repairs.add(line.number, kind, message)


def _printed(number: str) -> int:
    """The number a heading prints: 第四章 → 4."""
    return to_int(number[1:-1])
