"""法律责任 clauses drafted as class = "Liability" statements, not as obligations.

A unit is a liability unit when its article stands in a chapter titled 法律责任, or,
in a regulation without such a chapter, when its text names a breach (违反…) and a
consequence. kg.drafts.liability reads each clause; this module turns it into the
annotation format (kg/source/annotations/liabilities.py): ``enforces`` from the cited
units that exist, ``enforced_by`` and ``liable`` as designations, one penalty per
consequence with its exact quote (in the unit, or for an item in its lead-in).
"""

from __future__ import annotations

import re

from kg.drafts import liability as reader
from kg.drafts.annotator import confidence, wellformed
from kg.drafts.annotator.draft import Resolver
from kg.drafts.annotator.subjects import coordination
from kg.source.model import Article, Paragraph, Regulation
from kg.source.statements import Anchor, Cited, Penalty, Statement, draft

CHAPTER = "法律责任"
_BREACH_AND_CONSEQUENCE = re.compile(r"违反[^。]*?(?:处|罚款|责令|给予|追究|吊销|没收)")


def is_liability_unit(regulation: Regulation, article: Article, paragraph: Paragraph) -> bool:
    titles = {c.ordinal: c.title for c in regulation.chapters}
    if any(CHAPTER in t for t in titles.values()):
        return article.chapter is not None and CHAPTER in titles.get(article.chapter, "")
    return bool(_BREACH_AND_CONSEQUENCE.search(paragraph.text))


def statements(regulation: Regulation, article: Article, paragraph: Paragraph,
               res: Resolver) -> list[Statement]:
    """The liability statements of a paragraph ([] when no clause states a consequence)."""
    lead_in = paragraph.text if paragraph.items and "：" in paragraph.text[-2:] else None
    if lead_in is None:
        at = Anchor(article.ordinal, paragraph.ordinal)
        return [s for clause in reader.read(paragraph.text)
                if (s := _statement(regulation, at, paragraph.text, clause, res))]
    out = []
    for item in paragraph.items:
        at = Anchor(article.ordinal, paragraph.ordinal, item.ordinal)
        for clause in reader.read(item.text, lead_in=lead_in):
            found = _statement(regulation, at, item.text, clause, res)
            out += [found] if found else []
    return out


def _statement(regulation: Regulation, at: Anchor, text: str, clause: reader.Liability,
               res: Resolver) -> Statement | None:
    if not clause.penalties:
        return None
    quote = text[clause.start:clause.end].rstrip("；，")
    if not quote.strip():
        return None
    enforced_by = _designations(clause.enforced_by, res, text)
    liable = _designations(clause.liable, res, text)
    statement = draft(at, "Liability", quote, clause.start,
                      enforces=_enforces(regulation, clause, at),
                      enforced_by=enforced_by, liable=liable,
                      penalties=tuple(_penalty(p) for p in clause.penalties))
    known = all(res.lexicon.get("actor", d) for d in (*enforced_by, *liable))
    return confidence.rated(statement, "liability-clause", known, clause.confidence)


def _designations(names: tuple[str, ...], res: Resolver, text: str) -> tuple[str, ...]:
    """The parties a clause names, each ending where a word of the text ends (流动人口 is
    no 流动人, 用人单位 no 用人)."""
    found: list[str] = []
    cuts = wellformed.boundaries(text)
    for name in names:
        at = text.find(name)
        if at >= 0 and at + len(name) not in cuts:
            continue
        found += res.actors(coordination.split(name, res.matcher))[0]
    return tuple(dict.fromkeys(found))


def _enforces(regulation: Regulation, clause: reader.Liability, at: Anchor
              ) -> tuple[Cited, ...]:
    try:
        targets = reader.resolve(clause.references, at.article, at.paragraph)
    except reader.UnresolvedReference:
        return ()
    cited = [Cited(t.article, t.paragraph or _listing(regulation, t), t.item) for t in targets]
    return tuple(dict.fromkeys(c for c in cited if _exists(regulation, c)))


def _listing(regulation: Regulation, target: reader.Target) -> int | None:
    """第N条第I项 without its paragraph: the paragraph that holds the items (§17)."""
    if target.item is None:
        return None
    try:
        paragraphs = regulation.article(target.article).paragraphs
    except KeyError:
        return None
    return next((p.ordinal for p in paragraphs if p.items), 1)


def _exists(regulation: Regulation, cited: Cited) -> bool:
    try:
        paragraphs = regulation.article(cited.article).paragraphs
    except KeyError:
        return False
    if cited.paragraph is None:
        return True
    if not 1 <= cited.paragraph <= len(paragraphs):
        return False
    items = paragraphs[cited.paragraph - 1].items
    return cited.item is None or 1 <= cited.item <= len(items)


def _penalty(p: reader.Penalty) -> Penalty:
    return Penalty(p.kind, p.quote, p.start, p.end, p.from_lead_in, p.min_amount,
                   p.max_amount, p.min_multiple, p.max_multiple, p.basis, p.tier)
