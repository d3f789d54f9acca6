"""Level expressions: 县级以上, 市、县（市、区）, 乡镇, 本级 … read at the start of a text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.source.offices.office import Context
from kg.source.offices.scheme import BASE_LEVELS, Scheme

_ABOVE = ("及以上", "以上")
_JOINERS = ("、", "和", "及", "或者", "与")
# Words after a level that add nothing: 县级以上地方各级人民政府, 市、区两级人民政府.
_FILLERS = re.compile(r"(?:地方各级|地方|[两三四]级|各级|一级)?")
_NOTE = re.compile(r"（[市县区乡镇旗街道级、]+）")
SAME = ("本级", "同级")
_JURISDICTION = ("本市", "本省", "全市", "全省")


@dataclass(frozen=True)
class Reading:
    level: str | None
    qualifier: str  # 本级 when it stays unresolved
    rest: str


@cache
def _words(scheme: Scheme, municipality: bool) -> tuple[tuple[str, str], ...]:
    words = {word: level.id for level in scheme.levels.values() for word in level.words}
    if municipality:
        words.update(scheme.municipality)
    return tuple(sorted(words.items(), key=lambda item: -len(item[0])))


def readings(text: str, context: Context, scheme: Scheme) -> list[Reading]:
    """Every way the start of ``text`` reads as a level, longest first; the last reading
    is always "no level here" (Reading(None, "", text))."""
    found = _same_level(text, context, scheme)
    for prefix in _JURISDICTION:  # 本市各级人民政府: the regulation's own area, implied
        if text.startswith(prefix) and len(text) > len(prefix):
            found += _expressions(text[len(prefix):], context, scheme)
    found += _expressions(text, context, scheme)
    found.sort(key=lambda r: len(r.rest))
    return [*found, Reading(None, "", text)]


def _same_level(text: str, context: Context, scheme: Scheme) -> list[Reading]:
    word = next((w for w in SAME if text.startswith(w)), None)
    if not word:
        return []
    rest = _skip_fillers(text[len(word):])
    if context.level in scheme.levels:
        return [Reading(context.level, "", rest)]
    return [Reading(None, "本级", rest)]


def _expressions(text: str, context: Context, scheme: Scheme) -> list[Reading]:
    words = _words(scheme, context.municipality)
    found, covers, pos = [], set(), 0
    while True:
        token = _token(text, pos, words, scheme)
        if token is None:
            return found
        more, pos = token
        covers |= more
        level = _level_of(frozenset(covers), context, scheme)
        if level:
            found.append(Reading(level, "", _skip_fillers(text[pos:])))
        joiner = next((j for j in _JOINERS if text.startswith(j, pos)), None)
        if joiner is None:
            return found
        pos += len(joiner)


def _token(text: str, pos: int, words: tuple[tuple[str, str], ...],
           scheme: Scheme) -> tuple[set[str], int] | None:
    """The base levels of one level word at ``pos`` (with 以上 and a （市、区） note)."""
    word, level = next(((w, lv) for w, lv in words if text.startswith(w, pos)), (None, None))
    if word is None or level is None:
        return None
    pos += len(word)
    note = _NOTE.match(text, pos)
    if note:
        pos = note.end()
    covers = set(scheme.levels[level].covers)
    above = next((a for a in _ABOVE if text.startswith(a, pos)), None)
    if above and len(covers) == 1 and next(iter(covers)) in BASE_LEVELS:
        covers = set(BASE_LEVELS[: BASE_LEVELS.index(next(iter(covers))) + 1])
        pos += len(above)
    return covers, pos


def _level_of(covers: frozenset[str], context: Context, scheme: Scheme) -> str | None:
    if context.municipality and {"province", "county"} <= covers:
        covers = covers | {"city"}  # a municipality has no city level between 市 and 区
    level = scheme.level_covering(covers)
    return level.id if level else None


def _skip_fillers(text: str) -> str:
    match = _FILLERS.match(text)
    return text[match.end():] if match else text
