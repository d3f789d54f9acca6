"""The regulation as parsed from text: frozen dataclasses, no RDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Reference:
    """A cross-reference in the text: 第X条, 本条例第X条第Y款, 前款, 本条第一款."""

    quote: str
    start: int
    article: int
    paragraph: int | None = None


@dataclass(frozen=True)
class ParseWarning:
    """A defect of the published text that the parser repaired, and how (never printed
    by the library: the CLI or a reviewer decides what to do with it)."""

    file: str
    line: int | None
    kind: str  # e.g. "items-on-one-line", "chapter-gap" (kg/source/formats/repairs.py)
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.kind}: {self.message}"


@dataclass(frozen=True)
class Event:
    """One step of a regulation's history as its preamble prints it."""

    kind: str  # adopted | revised | amended | approved | promulgated | effective
    date: date | None
    text: str  # the body, session and act as printed, without the date
    line: int


@dataclass(frozen=True)
class Preamble:
    """What the lines between the title and the text say about the regulation."""

    title: str | None
    adopted: date | None = None
    adopted_by: str | None = None  # the body and session as printed
    events: tuple[Event, ...] = ()
    file_date: date | None = None  # title(YYYY-MM-DD).md: the version's date

    @property
    def version_date(self) -> date | None:
        """The date of this version: the latest dated event, else the file name's date."""
        dated = [e.date for e in self.events if e.date and e.kind != "effective"]
        return max(dated) if dated else self.file_date


@dataclass(frozen=True)
class Item:
    number: str  # as printed: （一）; "" for an item printed without its number
    ordinal: int
    text: str
    line: int
    references: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    ordinal: int
    text: str
    line: int
    items: tuple[Item, ...] = ()
    references: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class Article:
    number: str  # as printed: 第九条
    ordinal: int
    line: int
    paragraphs: tuple[Paragraph, ...]
    chapter: int | None = None
    section: int | None = None  # ordinal of its 节 within the chapter
    separator: str = "\u3000"  # what stands between the number and the text, as printed


@dataclass(frozen=True)
class Chapter:
    number: str  # as printed: 第二章
    ordinal: int
    title: str
    heading: str  # the heading line as printed, spacing kept
    line: int


@dataclass(frozen=True)
class Section:
    """A 节: part of its chapter; its articles are part of it."""

    number: str  # as printed: 第一节
    ordinal: int  # within its chapter
    chapter: int  # the chapter's ordinal
    title: str
    heading: str
    line: int


@dataclass(frozen=True)
class Regulation:
    slug: str
    source: str  # file the text came from, for error messages
    chapters: tuple[Chapter, ...]
    articles: tuple[Article, ...]
    meta: dict = field(default_factory=dict, compare=False, hash=False)
    sections: tuple[Section, ...] = ()
    title: str | None = None
    preamble: Preamble | None = None
    warnings: tuple[ParseWarning, ...] = ()
    format: str = "bookmark"  # bookmark | plain | markdown | docx
    preface: tuple[str, ...] = ()  # text before the first article that no unit holds

    def article(self, ordinal: int) -> Article:
        """The article printed with this number (第N条 → N). Where a published text lacks
        an article (warning ``article-gap``), asking for it raises KeyError."""
        if 0 < ordinal <= len(self.articles) and self.articles[ordinal - 1].ordinal == ordinal:
            return self.articles[ordinal - 1]
        for article in self.articles:
            if article.ordinal == ordinal:
                return article
        raise KeyError(f"{self.source}: no article {ordinal}")

    def paragraphs(self) -> list[tuple[Article, Paragraph]]:
        return [(a, p) for a in self.articles for p in a.paragraphs]

    def published_text(self) -> str:
        """The body as published, one unit a line: each article's number and separator as
        printed before its first paragraph, then each paragraph and item (number + text).
        Headings, blank lines and markup are left out. Where the parser repaired the text,
        the lines are those of its reading: units that shared a line stand on lines of
        their own (the whitespace between them dropped), a line broken inside a sentence
        is joined, and no character of any unit is changed."""
        lines: list[str] = []
        for article, paragraph in self.paragraphs():
            prefix = article.number + article.separator if paragraph.ordinal == 1 else ""
            lines.append(prefix + paragraph.text)
            lines.extend(item.number + item.text for item in paragraph.items)
        return "\n".join(lines)
