"""A regulation file in any of its formats → Regulation. No RDF here.

``read`` detects the format (kg/source/formats/: the project's bookmark text, plain
text as published, the corpus Markdown, DOCX) and the encoding (UTF-8 with or without
BOM, GB18030), reads title and preamble (kg/source/preamble.py) and builds the
structure, repairing the defects of published texts with a warning for each
(``Regulation.warnings``). Errors are ParseError naming file and line.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from kg.errors import ParseError
from kg.source import preamble as preambles
from kg.source.encodings import decode
from kg.source.formats import Document, bookmark, detect_text, docx, is_docx, markdown, plain
from kg.source.formats import front as fronts
from kg.source.formats import lines as passes
from kg.source.formats.body import Body
from kg.source.formats.references import references
from kg.source.formats.repairs import Line, Repairs
from kg.source.model import Regulation
from kg.source.slugs import slug_for

__all__ = ["document", "parse_document", "parse_text", "read", "references"]

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def read(path: Path | str, slug: str | None = None) -> Regulation:
    """Parse a regulation file. Raises ParseError naming the file and line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(path, None, f"cannot read: {exc.strerror}") from None
    source = str(path)
    doc = docx.document(data, source) if is_docx(data) else document(
        decode(data, source), source)
    return parse_document(doc, source, slug, preambles.file_date(path.stem), path.stem)


def parse_text(text: str, source: str = "<text>", slug: str = "regulation") -> Regulation:
    """Parse a text already read (any text format)."""
    return parse_document(document(text.removeprefix("\ufeff"), source), source, slug)


def document(text: str, source: str) -> Document:
    """The text split into title, preamble and body lines, by its detected format."""
    kind = detect_text(text)
    if kind == "bookmark":
        return bookmark.document(text)
    if kind == "markdown":
        return markdown.document(text, source)
    return plain.document([Line(n, raw) for n, raw in enumerate(text.splitlines(), 1)], source)


def parse_document(doc: Document, source: str, slug: str | None = None,
                   dated_file: date | None = None, stem: str = "regulation") -> Regulation:
    repairs = Repairs(source)
    lines, extra_preamble, preface = doc.body, [], []
    if not doc.strict:
        lines = passes.cleaned(lines)
        if not any(passes.ARTICLE.match(line.text) for line in lines):
            raise ParseError(source, doc.body_start, "no articles (第一条 …): "
                             + fronts.no_articles_hint(lines))
        front = fronts.read(lines, doc.title, source, repairs)
        lines, extra_preamble, preface = front.body, front.preamble, front.preface
        lines = passes.split_glued_articles(lines, repairs)
        lines = passes.drop_unnumbered_headings(lines, repairs)
        lines = passes.join_wrapped(lines, repairs)
    body = Body(source, doc.strict, repairs)
    body.read(lines)
    return Regulation(
        slug=slug or _default_slug(doc, stem), source=source, chapters=tuple(body.chapters),
        articles=tuple(draft.finish() for draft in body.articles),
        sections=tuple(body.sections), title=doc.title,
        preamble=None if doc.strict else preambles.read(
            [(line.number, line.text) for line in [*doc.preamble, *extra_preamble]],
            doc.title, dated_file),
        meta={"title_zh": doc.title} if doc.title and not doc.strict else {},
        warnings=tuple(repairs.warnings), format=doc.format,
        preface=tuple(line.text for line in preface))


def _default_slug(doc: Document, stem: str) -> str:
    """The file's name when it is a slug already (data/<slug>.md), else the slug of the
    title (a corpus file is named 广东省家政服务条例(2023-03-30).md)."""
    if doc.strict or not doc.title or SLUG.fullmatch(stem):
        return stem
    return slug_for(doc.title)

