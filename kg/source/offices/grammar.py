"""parse(): a designation → its Office (level, organ kind, sector, area, qualifier)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from kg.source.offices import labels, levels
from kg.source.offices.office import Context, Office
from kg.source.offices.scheme import Head, Scheme, default_scheme

_STATE = ("government", "department")
_LEVELLED = ("government", "department", "public-body", "judicial")
# Quantifiers and pointers that change nothing: 任何个人 is 个人, 各有关部门 is 有关部门.
_DROPPED = re.compile(r"(?:任何|各类|各(?!级)|其(?![他它])|有关|相关)")
_MARKERS = ("有关", "相关")
_GOVERNMENT = ("人民政府", "政府")
# Departments named by their duty: 负责畜禽养殖污染防治监督管理工作的部门.
_RESPONSIBLE = re.compile(r"(?:负责|负有|管理|主管|行使|承担|依法作出|作出|接受|实施)"
                          r"[\u4e00-\u9fff、（）]{1,28}?的")
_TRAILING = ("行政管理", "行政", "管理", "工作")
_NOTE = re.compile(r"（[^（）]*）$")
_COORDINATED = re.compile(r"、|和|及|或|与|并")
_FREE_MAX = 12
# Words that show a free text is a clause, not a restrictive qualifier (鼓励企业, 是指企业).
_CLAUSE = re.compile(r"^(?:是|由|经|对|在|将|向|鼓励|支持|引导|（)|由|应当|可以|期间|是指")
# An area named by what lies in it: 饮用水水源所在地, 铁路沿线, 南四湖流域.
_NAMED_AREA = re.compile(r"(?:[\u4e00-\u9fff]{0,10}?(?:所在地|沿线|流域|沿岸))+的?")


@dataclass(frozen=True)
class _Rest:
    """What follows 人民政府 in a designation: 其他有关 / 确定的, a field, free words."""

    qualifier: str
    sector: str | None
    free: str
    marked: bool  # 有关 / 相关 was written


def parse(designation: str, context: Context | None = None,
          scheme: Scheme | None = None) -> Office | None:
    """The Office a designation names, or None when it names no organ this grammar knows
    (a coordination of two designations, a role such as 帮扶方, an unknown head noun)."""
    scheme = scheme or default_scheme()
    context = context or Context()
    text = _normalise(designation)
    if not text or text in scheme.coordinations:
        return None
    found = _whole_government(text, scheme) or _by_head(text, context, scheme)
    note = _NOTE.search(text)
    if found is None and note and note.start() > 0:  # 职业学校（含技工学校）
        found = _by_head(text[: note.start()], context, scheme)
        if found and found.organ_kind not in _STATE:
            return _make(scheme, found, qualifier_text=found.qualifier_text + note.group(0))
        return None
    return found


def _normalise(text: str) -> str:
    text = re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")
    return text.removesuffix("等")


def _by_head(text: str, context: Context, scheme: Scheme) -> Office | None:
    for word, head in _heads(scheme):
        if text.endswith(word):
            office = _with_head(text[: -len(word)], head, context, scheme)
            if office:
                return office
    return None


@cache
def _heads(scheme: Scheme) -> tuple[tuple[str, Head], ...]:
    pairs = [(word, head) for head in scheme.heads.values() for word in (head.zh, *head.synonyms)]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def _sector_words(scheme: Scheme) -> tuple[tuple[str, str], ...]:
    """(wording, sector id), longest wording first."""
    pairs = [(word, s.id) for s in scheme.sectors.values() for word in (s.zh, *s.synonyms)]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def _areas(scheme: Scheme) -> tuple[tuple[str, str], ...]:
    pairs = [(word, a.zh) for a in scheme.areas.values() for word in (a.zh, *a.synonyms)]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def _whole_government(text: str, scheme: Scheme) -> Office | None:
    """国务院: a level's government written without 人民政府."""
    level = next((lv for lv in scheme.levels.values()
                  if lv.government == text and not text.endswith("人民政府")), None)
    return _make(scheme, Office("government", "人民政府", level=level.id)) if level else None


def _with_head(stem: str, head: Head, context: Context, scheme: Scheme) -> Office | None:
    area, stem = _take_area(stem, scheme)
    if head.kind in _LEVELLED:
        office = next(_levelled(stem, head, context, scheme), None)
        if office:
            return _make(scheme, office, area=area)
    if head.kind in _STATE:
        return None
    qualifier = _free(_drop(stem)[0])
    if qualifier is None:
        return None
    return _make(scheme, Office(head.kind, head.zh, level=head.level, area=area,
                                qualifier_text=qualifier))


def _levelled(stem: str, head: Head, context: Context, scheme: Scheme) -> Iterator[Office]:
    """Readings of ``stem`` + head as [qualifier][level][人民政府][qualifier][sector]."""
    stem, marked = _drop(stem)
    before = ""
    if not stem.startswith(levels.SAME):  # 本级 / 同级 are read as a level in context
        before, stem = _take_qualifier(stem, scheme, before=True)
    for reading in levels.readings(stem, context, scheme):
        level = reading.level or head.level
        qualifier = before or reading.qualifier
        text, government = _take_government(reading.rest)
        if head.kind == "government":
            if not text and government is False:
                yield Office("government", "人民政府", level=level, qualifier_text=qualifier)
            continue
        rest = _rest(text, head, scheme)
        if rest is None or (qualifier and rest.qualifier):
            continue
        qualifier = qualifier or rest.qualifier + rest.free
        if head.kind == "department":
            # 市交通运输主管部门 names its field; a bare 市部门 is a fragment, not an office
            if rest.free or not (rest.sector or government or qualifier or marked
                                 or rest.marked):
                continue
            yield Office("department", "部门", level=level, sector=rest.sector,
                         qualifier_text=qualifier)
        else:  # a body set up by a government keeps 人民政府 in its qualifier
            yield Office(head.kind, head.zh, level=level, sector=rest.sector,
                         qualifier_text=("人民政府" if government else "") + qualifier)


def _take_government(text: str) -> tuple[str, bool]:
    text = text.removeprefix("的") if text.startswith("的" + _GOVERNMENT[0]) else text
    for word in _GOVERNMENT:
        if text.startswith(word):
            return text[len(word):].removeprefix("的"), True
    return text, False


def _rest(text: str, head: Head, scheme: Scheme) -> _Rest | None:
    text, marked = _drop(text)
    qualifier, text = _take_qualifier(text, scheme, before=False)
    text, marked_too = _drop(text)
    related = text.endswith(_MARKERS) and len(text) > 2  # 交通运输有关部门
    text = text[:-2] if related else text
    marked = marked or marked_too or related
    if head.kind == "department" and _RESPONSIBLE.fullmatch(text):
        return _Rest(qualifier + text, None, "", marked)
    sector = _sector(text, scheme)
    if sector or not text:
        return None if head.needs_sector and not sector else _Rest(qualifier, sector, "", marked)
    if head.needs_sector or head.kind == "department":
        return None
    for word, sector_id in _sector_words(scheme):  # 城市管理综合执法 + 机构: field + free
        if text.startswith(word) and _free(text[len(word):]) is not None:
            return _Rest(qualifier, sector_id, text[len(word):], marked)
    free = _free(text)
    return None if free is None else _Rest(qualifier, None, free, marked)


def _sector(text: str, scheme: Scheme) -> str | None:
    words = dict(_sector_words(scheme))
    if text in words:
        return words[text]
    for trailing in _TRAILING:
        if text.endswith(trailing) and text[: -len(trailing)] in words:
            return words[text[: -len(trailing)]]
    return None


def _take_area(text: str, scheme: Scheme) -> tuple[str | None, str]:
    for word, area in _areas(scheme):
        if text.startswith(word):
            return area, text[len(word):].removeprefix("的")
    named = _NAMED_AREA.match(text)
    if named and named.end() < len(text):
        return named.group(0).removesuffix("的"), text[named.end():]
    return None, text


def _take_qualifier(text: str, scheme: Scheme, before: bool) -> tuple[str, str]:
    for qualifier in scheme.qualifiers.values():
        if qualifier.before != before:
            continue
        for word in sorted((qualifier.zh, *qualifier.synonyms), key=len, reverse=True):
            if text.startswith(word):
                return qualifier.zh, text[len(word):]
    return "", text


def _drop(text: str) -> tuple[str, bool]:
    """``text`` without its leading quantifiers, and whether 有关 / 相关 was among them."""
    marked = False
    while match := _DROPPED.match(text):
        marked = marked or match.group(0) in _MARKERS
        text = text[match.end():]
    return text, marked


def _free(text: str) -> str | None:
    """A free restrictive text (龙头 of 龙头企业), or None if it cannot be one."""
    if len(text) > _FREE_MAX or _COORDINATED.search(text) or _CLAUSE.search(text) \
            or "人民政府" in text:
        return None
    return text


def _make(scheme: Scheme, office: Office, **changes: object) -> Office:
    office = replace(office, **changes)  # type: ignore[arg-type]
    return replace(office, canonical=labels.canonical(office, scheme))
