"""Mechanisms a norm requires to be built (建立/健全/完善…机制) and carriers it names."""

from __future__ import annotations

import re

from kg.drafts.annotator.subjects.heads import Matcher

_VERB = r"建立健全|建立完善|健全完善|建立|健全|完善|优化|构建|探索开展|探索建立|创新|形成"
_MECHANISM = re.compile(rf"(?:{_VERB})([^，。；：]*?(?:体制机制|机制))")
_MORE = re.compile(r"(?:和|、|及|以及)([^，。；：]*?机制)")


def mechanisms(text: str) -> list[str]:
    """Names of the mechanisms ``text`` says to build or improve, as printed."""
    found: list[str] = []
    for match in _MECHANISM.finditer(text):
        name = _clean(match.group(1))
        if name:
            found.append(name)
        tail = _MORE.match(text, match.end())
        if tail and _clean(tail.group(1)):
            found.append(_clean(tail.group(1)))
    return list(dict.fromkeys(found))


def _clean(name: str) -> str:
    name = re.sub(rf"^(?:{_VERB})", "", name)
    return "" if name in ("机制", "体制机制") or len(name) < 3 else name


def carriers(text: str, matcher: Matcher) -> list[str]:
    """Carriers of the lexicon named in ``text`` (longest match, no overlaps)."""
    names = [t.zh for t in matcher.lexicon.all("carrier")]
    found, pos = [], 0
    while pos < len(text):
        name = next((n for n in sorted(names, key=len, reverse=True)
                     if text.startswith(n, pos)), None)
        if name:
            found.append(name)
            pos += len(name)
        else:
            pos += 1
    return list(dict.fromkeys(found))
