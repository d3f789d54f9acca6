"""Articles, paragraphs and items while they are being read (mutable), and the frozen
model they become."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.source.formats.references import references
from kg.source.model import Article, Item, Paragraph


@dataclass
class ItemDraft:
    number: str
    ordinal: int
    text: str
    line: int


@dataclass
class ParagraphDraft:
    text: str
    line: int
    items: list[ItemDraft] = field(default_factory=list)


@dataclass
class ArticleDraft:
    number: str
    ordinal: int
    line: int
    chapter: int | None
    section: int | None
    separator: str
    paragraphs: list[ParagraphDraft] = field(default_factory=list)

    def finish(self) -> Article:
        paragraphs = tuple(_paragraph(self.ordinal, ordinal, draft)
                           for ordinal, draft in enumerate(self.paragraphs, start=1))
        return Article(self.number, self.ordinal, self.line, paragraphs, self.chapter,
                       self.section, self.separator)


def _paragraph(article: int, ordinal: int, draft: ParagraphDraft) -> Paragraph:
    items = tuple(Item(i.number, i.ordinal, i.text, i.line, references(i.text, article, ordinal))
                  for i in draft.items)
    return Paragraph(ordinal, draft.text, draft.line, items,
                     references(draft.text, article, ordinal))

