"""Bookmark text format → Regulation. No RDF here.

The format, as published: an optional ``[bookmark: …]`` prefix on heading and
article lines; ``第X章　title`` headings; ``第X条　text`` starting an article
with its first paragraph; each further non-empty line a paragraph, or an item
``（一）…`` when it follows a paragraph ending in ``：``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ParseError
from kg.source.model import Article, Chapter, Item, Paragraph, Reference, Regulation
from kg.source.numerals import NUMERAL_CHARS, to_int

N = f"[{NUMERAL_CHARS}]+"
BOOKMARK = re.compile(r"^\s*\[bookmark:[^\]]*\]")
CHAPTER = re.compile(rf"^\s*(第({N})章)[\s\u3000]*(.*)$")
SECTION = re.compile(rf"^\s*第{N}节[\s\u3000]")
ARTICLE = re.compile(rf"^(第({N})条)[\u3000 ]?(.*)$")
ITEM = re.compile(rf"^(（({N})）)(.*)$")
REFERENCE = re.compile(rf"(?:本条例)?第({N})条(?:第({N})款)?|本条第({N})款|前款")


@dataclass
class _ArticleDraft:
    number: str
    ordinal: int
    line: int
    chapter: int | None
    paragraphs: list[Paragraph] = field(default_factory=list)


def read(path: Path | str, slug: str | None = None) -> Regulation:
    """Parse a regulation file. Raises ParseError naming the file and line."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ParseError(path, line, f"not UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise ParseError(path, None, f"cannot read: {exc.strerror}") from None
    return parse_text(text, source=str(path), slug=slug or path.stem)


def parse_text(text: str, source: str = "<text>", slug: str = "regulation") -> Regulation:
    text = text.removeprefix("\ufeff")
    chapters: list[Chapter] = []
    drafts: list[_ArticleDraft] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = BOOKMARK.sub("", raw, count=1).rstrip("\r\n")
        if not line.strip() or SECTION.match(line):
            continue
        if chapter := CHAPTER.match(line):
            chapters.append(_chapter(chapter, number, source, len(chapters)))
        elif article := ARTICLE.match(line):
            drafts.append(_start_article(article, number, source, drafts, chapters))
        elif not drafts:
            raise ParseError(source, number, f"text before the first article: {line[:30]!r}")
        else:
            _add_line(drafts[-1], line, number, source)
    if not drafts:
        raise ParseError(source, None, "no articles found (empty file or not a regulation)")
    return Regulation(slug=slug, source=source, chapters=tuple(chapters),
                      articles=tuple(_finish(d) for d in drafts))


def _chapter(match: re.Match, number: int, source: str, seen: int) -> Chapter:
    ordinal = to_int(match.group(2))
    if ordinal != seen + 1:
        raise ParseError(source, number, f"chapter {match.group(1)} out of order: "
                         f"expected chapter {seen + 1}")
    title = match.group(3).replace("\u3000", "").replace(" ", "")
    return Chapter(number=match.group(1), ordinal=ordinal, title=title,
                   heading=match.group(0).strip(), line=number)


def _start_article(match: re.Match, number: int, source: str,
                   drafts: list[_ArticleDraft], chapters: list[Chapter]) -> _ArticleDraft:
    ordinal = to_int(match.group(2))
    expected = len(drafts) + 1
    if ordinal != expected:
        problem = "missing" if ordinal > expected else "out of order or repeated"
        raise ParseError(source, number, f"article {match.group(1)} is {problem}: "
                         f"expected article {expected}")
    body = match.group(3)
    if not body.strip():
        raise ParseError(source, number, f"article {match.group(1)} has no text")
    draft = _ArticleDraft(match.group(1), ordinal, number,
                          chapters[-1].ordinal if chapters else None)
    draft.paragraphs.append(_paragraph(1, body, number, ordinal))
    return draft


def _add_line(draft: _ArticleDraft, line: str, number: int, source: str) -> None:
    last = draft.paragraphs[-1]
    item = ITEM.match(line)
    if item and (last.items or last.text.rstrip().endswith(("：", ":"))):
        ordinal = to_int(item.group(2))
        if ordinal != len(last.items) + 1:
            raise ParseError(source, number, f"item {item.group(1)} out of order in "
                             f"{draft.number}: expected item {len(last.items) + 1}")
        new = Item(item.group(1), ordinal, item.group(3), number,
                   references(item.group(3), draft.ordinal, last.ordinal))
        draft.paragraphs[-1] = Paragraph(last.ordinal, last.text, last.line,
                                         (*last.items, new), last.references)
        return
    draft.paragraphs.append(_paragraph(len(draft.paragraphs) + 1, line, number,
                                       draft.ordinal))


def _paragraph(ordinal: int, text: str, line: int, article: int = 0) -> Paragraph:
    return Paragraph(ordinal, text, line, (), references(text, article, ordinal))


def _finish(draft: _ArticleDraft) -> Article:
    return Article(draft.number, draft.ordinal, draft.line, tuple(draft.paragraphs),
                   draft.chapter)


def references(text: str, article: int, paragraph: int) -> tuple[Reference, ...]:
    """Find 第X条(第Y款), 本条第Y款 and 前款 in a unit's text, resolved to numbers."""
    found = []
    for match in REFERENCE.finditer(text):
        quote = match.group(0)
        if quote == "前款":
            if paragraph > 1:
                found.append(Reference(quote, match.start(), article, paragraph - 1))
        elif match.group(3):
            found.append(Reference(quote, match.start(), article, to_int(match.group(3))))
        else:
            para = to_int(match.group(2)) if match.group(2) else None
            found.append(Reference(quote, match.start(), to_int(match.group(1)), para))
    return tuple(found)
