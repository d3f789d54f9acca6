"""Who is addressed: noun phrases naming actors, split into single designations.

Coordinated subjects are split and completed the way GUIDELINE §3 reads them:
``产业承接地地级以上市、县级人民政府`` → 产业承接地地级以上市人民政府 +
产业承接地县级人民政府 (the shared head and the regional qualifier are
distributed); ``X及有关部门`` → X + X有关部门.
"""

from __future__ import annotations

import re

from kg.source.lexicon import Lexicon

HEADS = ("人民政府", "政府", "部门", "机构", "单位", "企业", "组织", "学校", "协会",
         "商会", "委员会", "主体", "法人", "公民", "个人", "会员", "居民", "村民", "人员",
         "经营者", "开办者", "管理者", "所有人", "使用人", "权利人", "责任人", "办事处",
         "管理处", "中心")
_HEAD = "|".join(sorted(HEADS, key=len, reverse=True))
_GENERIC = re.compile(rf"[\u4e00-\u9fff（）]{{0,12}}?(?:{_HEAD})")
_CONJ = re.compile(r"以及|及其|或者|及|和|与")
# 与 is not chained in an object: 支持A与B开展合作 supports A, with B as the partner.
_SEP = re.compile(r"等?(、|以及|及其|或者|及|和)")
_RELATED = re.compile(r"(?:及其|及|和)(?:有关|相关)部门$")
_ADVERBIAL = re.compile(r"(?<!所)在|对|依照|按照|根据|依法|结合|通过|向|从|应|要|可|不")
_STRIP = ("各类", "各")


def has_head(text: str) -> bool:
    return re.sub(r"（[^（）]*）$", "", text).endswith(HEADS)


class Matcher:
    """Longest-match look-ups in the lexicon, and the qualifiers it implies."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        actors = [t.zh for t in lexicon.all("actor")]
        self.names = sorted({*actors, *(t.zh for t in lexicon.all("carrier"))},
                            key=len, reverse=True)
        self.qualifiers = sorted({a for a in actors
                                  if any(b != a and b.startswith(a) for b in actors)},
                                 key=len)

    def known_at(self, text: str, pos: int = 0) -> str | None:
        return next((n for n in self.names if text.startswith(n, pos)), None)

    def qualifier(self, part: str) -> str | None:
        """The (shortest) regional or governmental qualifier a designation starts with."""
        found = next((q for q in self.qualifiers if part.startswith(q)), None)
        generic = re.match(r".{1,12}?人民政府(?=.)", part)
        return found or (generic.group(0) if generic else None)


def subject_phrase(before: str) -> str:
    """The subject of a cue, given the sentence text before it: the clause of the cue
    when it starts with an actor (对前款规定的举报，X应当…), else the first clause
    (X、Y等部门，应当…)."""
    clauses = [c.strip() for c in before.split("，")]
    last = _leading(clauses[-1]) if len(clauses) > 1 else ""
    return last if last and has_head(last) else _leading(clauses[0])


def _leading(phrase: str) -> str:
    for match in _ADVERBIAL.finditer(phrase):
        if match.start() > 0 and has_head(phrase[: match.start()]):
            return phrase[: match.start()]
    return phrase


def object_phrase(text: str, matcher: Matcher) -> str:
    """The actor noun phrase right after an encouragement cue ('' if none)."""
    pos, end = 0, 0
    while True:
        skip = next((s for s in _STRIP if text.startswith(s, pos)), "")
        item = _item_at(text, pos + len(skip), matcher)
        if not item:
            return text[:end]
        end = pos + len(skip) + len(item)
        sep = _SEP.match(text, end)
        if not sep:
            return text[:end + 1] if text.startswith("等", end) else text[:end]
        pos = sep.end()


def _item_at(text: str, pos: int, matcher: Matcher) -> str | None:
    known = matcher.known_at(text, pos)
    generic = _GENERIC.match(text, pos)
    if known and text.startswith(("有关部门", "管理机构"), pos + len(known)):
        known += text[pos + len(known): pos + len(known) + 4]
    if known:
        return known
    if generic and not _CONJ.search(generic.group(0)):
        return generic.group(0)
    return None


def split(phrase: str, matcher: Matcher) -> list[str]:
    """Single designations from a coordinated noun phrase."""
    phrase = phrase.strip().removesuffix("等")
    related = _RELATED.search(phrase)
    if related:
        base = split(phrase[: related.start()], matcher)
        return base + [b + "有关部门" for b in base if not b.endswith("部门")]
    groups = [_chain(group, matcher) for group in _groups(phrase, matcher)]
    _distribute_heads([p for g in groups for p in g])
    designations: list[str] = []
    for group in groups:
        designations.extend(_qualify(_distribute_heads(group), matcher))
    return [_normal(d) for d in designations if d]


def _groups(phrase: str, matcher: Matcher) -> list[str]:
    groups, start = [], 0
    for match in _CONJ.finditer(phrase):
        left, right = phrase[start: match.start()], phrase[match.end():]
        last = left.split("、")[-1]
        if has_head(last) or matcher.known_at(last) == last or matcher.known_at(right):
            groups.append(left)
            start = match.end()
    groups.append(phrase[start:])
    return [g for g in groups if g]


def _chain(group: str, matcher: Matcher) -> list[str]:
    parts = [p.removesuffix("等") for p in group.split("、") if p]
    return [p if matcher.known_at(p) == p else re.sub(rf"(?<=..)等(?=(?:{_HEAD})$)", "", p)
            for p in parts]


def _distribute_heads(parts: list[str]) -> list[str]:
    head = None
    for i in range(len(parts) - 1, -1, -1):
        bare = re.sub(r"（[^（）]*）$", "", parts[i])
        own = next((h for h in sorted(HEADS, key=len, reverse=True) if bare.endswith(h)), None)
        if own:
            head = own
        elif head:
            parts[i] += head
    return parts


def _qualify(parts: list[str], matcher: Matcher) -> list[str]:
    current, out = None, []
    for part in parts:
        own = matcher.qualifier(part)
        if own:
            current = own
        elif current:
            part = current + part
        out.append(part)
    return out


def _normal(designation: str) -> str:
    for prefix in ("各类", "各级各类"):
        if designation.startswith(prefix) and len(designation) > len(prefix) + 1:
            return designation[len(prefix):]
    return designation
