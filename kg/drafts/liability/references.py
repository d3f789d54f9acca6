"""The norms a liability clause cites as breached, and their resolution to anchors.

    references("违反本条例第十三条第二款、第十五条规定的", context=None)
    resolve(refs, article=40, paragraph=1) → (Target(13, 2), Target(15))

A citation chain is read left to right: a bare 第Y款 or 第（Z）项 after 、 和 或者
inherits the article (and paragraph) before it, 至 and 到 make a range of every
article, paragraph or item in between, and a citation of another law
(《…》第X条) is not a norm of this regulation and is skipped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.drafts.liability.model import Reference, Target
from kg.errors import KGError
from kg.source.numerals import NUMERAL_CHARS, to_int

_N = rf"[{NUMERAL_CHARS}0-9]+"
_NS = rf"{_N}(?:、{_N})*"  # 第一、二项: one 第 for several numbers
_ITEMS = rf"[（(]?{_N}[）)]?(?:、[（(]?{_N}[）)]?)*"
_RELATIVE = "前两款|前三款|前款|前条|本条(?!例)"
_CITATION = re.compile(
    rf"(?:(?P<own>本条例|本办法|本规定|本细则|本决定)|(?P<rel>{_RELATIVE}))?"
    rf"(?:(?(own)第?|第)(?P<art>{_NS})条)?(?:第(?P<para>{_NS})款)?(?:第(?P<item>{_ITEMS})项)?")
_JOIN = re.compile(r"[、，]|和|或者|以及|及|或")
_RANGE = re.compile(r"至|到")
_PRECEDING = {"前款": 1, "前两款": 2, "前三款": 3}


class UnresolvedReference(KGError, ValueError):
    """A relative citation that does not fit where it stands (前款 in a first paragraph)."""


def references(text: str, context: Reference | None = None) -> tuple[Reference, ...]:
    """Every citation of this regulation in ``text``, in order. ``context`` is the last
    citation of the lead-in, for bare 第（一）项 that count from it."""
    chains: list[tuple[int, int, list[Reference]]] = []
    last, external = context, False
    for match in _CITATION.finditer(text):
        if not _cites(match):
            continue
        gap = text[chains[-1][1]:match.start()] if chains else None
        ranged = gap is not None and bool(_RANGE.fullmatch(gap))
        if not (ranged or (gap is not None and _JOIN.fullmatch(gap or "、"))):
            external = text[:match.start()].endswith("》")
            chains.append((match.start(), match.end(), []))
        chains[-1] = (chains[-1][0], match.end(), chains[-1][2])
        if external:
            continue
        refs = chains[-1][2]
        for n, ref in enumerate(_inherit(r, last) for r in _reference(match)):
            if ranged and refs and n == 0:
                refs[-1:] = _range(refs[-1], ref)
            else:
                refs.append(ref)
        last = refs[-1]
    return tuple(replace(r, quote=text[start:end], start=start, end=end)
                 for start, end, refs in chains for r in refs)


def _cites(match: re.Match[str]) -> bool:
    return any(match.group(g) for g in ("rel", "art", "para", "item"))


def _reference(match: re.Match[str]) -> list[Reference]:
    """One reference per number of a shared 第…条/款/项 (第一、二项 → items 1 and 2)."""
    def numbers(group: str) -> list[int | None]:
        value = match.group(group)
        if not value:
            return [None]
        return [int(n) if n.isdigit() else to_int(n)
                for n in re.findall(rf"{_N}", value.replace("（", "").replace("）", ""))]

    return [Reference(match.group(0), match.start(), match.end(), art, para, item,
                      match.group("rel"))
            for art in numbers("art") for para in numbers("para") for item in numbers("item")]


def _inherit(ref: Reference, last: Reference | None) -> Reference:
    """A bare 第Y款 takes the article before it; a bare 第（Z）项 its article and paragraph."""
    if last is None or ref.article is not None or ref.relative:
        return ref
    if ref.paragraph is not None:
        return replace(ref, article=last.article, relative=last.relative)
    return replace(ref, article=last.article, paragraph=last.paragraph, relative=last.relative)


def _range(first: Reference, last: Reference) -> list[Reference]:
    """第十条至第十二条 → 10, 11, 12 (likewise for paragraphs and items)."""
    for level in ("item", "paragraph", "article"):
        low, high = getattr(first, level), getattr(last, level)
        if low is not None and high is not None and low < high:
            return [replace(last, **{level: n}) for n in range(low, high + 1)]
    return [first, last]


def resolve(refs: tuple[Reference, ...], article: int, paragraph: int) -> tuple[Target, ...]:
    """Anchors for references read in ``article``/``paragraph``; distinct, in order.
    Raises UnresolvedReference for a relative citation with nothing before it."""
    targets: list[Target] = []
    for ref in refs:
        for target in _targets(ref, article, paragraph):
            if target not in targets:
                targets.append(target)
    return tuple(targets)


def _targets(ref: Reference, article: int, paragraph: int) -> list[Target]:
    if ref.relative in _PRECEDING:
        count = _PRECEDING[ref.relative]
        if paragraph - count < 1:
            raise UnresolvedReference(f"{ref.quote} in paragraph {paragraph} of article "
                                      f"{article} has no paragraph before it to cite")
        return [Target(article, p, ref.item) for p in range(paragraph - count, paragraph)]
    if ref.relative == "前条":
        if article < 2:
            raise UnresolvedReference(f"{ref.quote} in article 1 has no article before it")
        return [Target(article - 1, ref.paragraph, ref.item)]
    return [Target(ref.article or article, ref.paragraph, ref.item)]
