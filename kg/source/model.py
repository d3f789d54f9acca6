"""The regulation as parsed from text: frozen dataclasses, no RDF."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reference:
    """A cross-reference in the text: 第X条, 本条例第X条第Y款, 前款, 本条第一款."""

    quote: str
    start: int
    article: int
    paragraph: int | None = None


@dataclass(frozen=True)
class Item:
    number: str  # as printed: （一）
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


@dataclass(frozen=True)
class Chapter:
    number: str  # as printed: 第二章
    ordinal: int
    title: str
    heading: str  # the heading line as printed, spacing kept
    line: int


@dataclass(frozen=True)
class Regulation:
    slug: str
    source: str  # file the text came from, for error messages
    chapters: tuple[Chapter, ...]
    articles: tuple[Article, ...]
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    def article(self, ordinal: int) -> Article:
        return self.articles[ordinal - 1]

    def paragraphs(self) -> list[tuple[Article, Paragraph]]:
        return [(a, p) for a in self.articles for p in a.paragraphs]

    def published_text(self) -> str:
        """Paragraphs and items in order, one per line: the body as published."""
        lines: list[str] = []
        for article, paragraph in self.paragraphs():
            prefix = f"{article.number}\u3000" if paragraph.ordinal == 1 else ""
            lines.append(prefix + paragraph.text)
            lines.extend(item.number + item.text for item in paragraph.items)
        return "\n".join(lines)
