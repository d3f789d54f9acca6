"""Coordinated designations split into single ones.

Coordinated subjects are split and completed the way GUIDELINE §3 and §8 read them:
``产业承接地地级以上市、县级人民政府`` → 产业承接地地级以上市人民政府 +
产业承接地县级人民政府 (the shared head and the regional qualifier are
distributed); ``X及有关部门`` → X + X有关部门. Splitting respects the language:
a 、 or conjunction inside brackets (县（市、区）) splits nothing; 等 closes a list only
when it is a word of its own (never inside 高等学校, 等级: wellformed.words); a shared
head goes to a member only when that member is a field or an act (公安、交通运输等部门,
生产、销售单位), never to a member that already names a party (社会团体、学校 → 社会团体,
学校; 机场、车站等单位 → 机场, 车站).
"""

from __future__ import annotations

import re

from kg.drafts.annotator import wellformed
from kg.drafts.annotator.subjects.heads import (
    CONJUNCTION,
    HEAD_PATTERN,
    PARTY_ENDINGS,
    Matcher,
    has_head,
)
from kg.drafts.annotator.subjects.shared import (
    COUNTY_FORMS,
    LEVEL_WORDS,
    distribute_heads,
    normal,
    owned,
    qualify,
)

_LEVEL = r"(?:省辖市|省|市|县|区|镇|乡|村)(?:（[^（）]*）)?级?"
# 市、区（县）、镇人民政府 / 市、区（县）河长制工作机构: bare levels sharing the tail of the last
_LEADING_LEVELS = re.compile(rf"^(?:{_LEVEL}、)+(?=(?:县|区|市|镇|乡|村)(?:（|级|人民政府))")
_LEVEL_PREFIX = re.compile(rf"^{_LEVEL}")
_FULL_WIDTH = str.maketrans("()", "（）")
_RELATED = re.compile(r"(?:及其|及|和)(?:有关|相关)部门$")


def split(phrase: str, matcher: Matcher) -> list[str]:
    """Single designations from a coordinated noun phrase."""
    phrase = phrase.translate(_FULL_WIDTH)  # 县(市、区): ASCII brackets as printed in some texts
    phrase = re.sub(COUNTY_FORMS, "县级", phrase.strip().removesuffix("等"))
    # 法律、法规授权组织: one party (organisations a law or regulation empowers), not two
    phrase = re.sub(r"法律、法规(?:、规章)?授权", "法律法规授权", phrase)
    if _one_modified_party(phrase):
        return [normal(phrase)]
    levels = _LEADING_LEVELS.match(phrase)
    if levels:  # 市、县（区）人民政府A、B等部门: each level takes what follows the last one
        base = split(phrase[levels.end():], matcher)
        extra = [_with_level(lv, b, prefix.group(0)) for lv in enumeration(levels.group(0))
                 if lv for b in base if (prefix := _LEVEL_PREFIX.match(b))]
        return list(dict.fromkeys(extra + base))
    own = re.search(r"及其(?!有关|相关|工作人员)", phrase)
    if own and matcher.qualifier(phrase[: own.start()] + "X") is not None:
        # X及其A、B等部门: X and X's A and B departments (GUIDELINE §8)
        owner = split(phrase[: own.start()], matcher)
        members = split(phrase[own.end():], matcher)
        return owner + [owner[-1] + m if not matcher.qualifier(m) and owned(m) else m
                         for m in members]
    staff = re.search(r"及其工作人员$", phrase)
    if staff:  # X及其工作人员 → X and X工作人员 for each X (GUIDELINE §8)
        base = split(phrase[: staff.start()], matcher)
        return base + [b + "工作人员" for b in base]
    related = _RELATED.search(phrase)
    if related:
        base = split(phrase[: related.start()], matcher)
        related_of = [b if b.endswith(("人民政府", "政府")) else matcher.qualifier(b)
                      for b in base]
        return list(dict.fromkeys(base + [q + "有关部门" for q in related_of if q]))
    groups = [[normal(group)] if _one_modified_party(group) else _chain(group, matcher)
              for group in _groups(phrase, matcher)]
    members = [(i, part) for i, group in enumerate(groups) for part in distribute_heads(group)]
    return [normal(d) for d in qualify(members, matcher) if d]


def _with_level(level: str, member: str, its_level: str) -> str:
    """镇（街道）、村（社区）级河长: 镇（街道） takes 级河长, the last level's 级 too."""
    tail = member[len(its_level):]
    bracketed = level.endswith("）") and its_level.endswith("）级")
    return level + ("级" if bracketed else "") + tail


def _one_modified_party(phrase: str) -> bool:
    """从事建设工程勘察、设计的单位; 历史文化名镇、名村所在地乡镇人民政府: the list is
    inside the modifier of one party, not a list of parties."""
    modifier = max(phrase.rfind("的"), phrase.rfind("所在地"))
    if modifier <= 0:
        return False
    for conj in re.finditer(r"、|和|及|或者|以及", phrase[:modifier]):
        before = phrase[: conj.start()]
        if has_head(before) and not before.endswith(("人员", "个人")):
            return False  # X部门和其他负有…职责的部门: a list of parties
    head = phrase[modifier:]
    return not re.search(r"、|和|及|或者|以及", head) and bool(re.search(r"、|和|或者",
                                                                      phrase[:modifier]))


def _level_tail(member: str) -> str:
    """What follows the level in 地级以上市生态环境主管部门: 生态环境主管部门 (a bare level
    before 和 shares it: 省和地级以上市…)."""
    level = next((w for w in sorted((*LEVEL_WORDS, "县级以上"), key=len, reverse=True)
                  if member.startswith(w)), "")
    rest = re.sub(r"^（[^（）]*）", "", member[len(level):])  # 区（市）河道主管机关
    return rest if level and rest.endswith(("部门", "人民政府", "机关")) else ""


def _depth_zero(phrase: str, position: int) -> bool:
    return phrase.count("（", 0, position) == phrase.count("）", 0, position)


def enumeration(group: str) -> list[str]:
    """The members of a 、 list, not splitting inside brackets."""
    parts, start = [], 0
    for i, ch in enumerate(group):
        if ch == "、" and _depth_zero(group, i):
            parts.append(group[start:i])
            start = i + 1
    return [*parts, group[start:]]


def _groups(phrase: str, matcher: Matcher) -> list[str]:
    groups, start = [], 0
    for match in CONJUNCTION.finditer(phrase):
        if not _depth_zero(phrase, match.start()) or not _word_at(phrase, match):
            continue
        left, right = phrase[start: match.start()], phrase[match.end():]
        last = enumeration(left)[-1]
        if last in LEVEL_WORDS and _level_tail(right):
            groups.append(left + _level_tail(right))
            start = match.end()
            continue
        if has_head(last) or last.endswith(PARTY_ENDINGS) or matcher.known_at(last) == last \
                or matcher.known_at(right):
            groups.append(left)
            start = match.end()
    groups.append(phrase[start:])
    return [g for g in groups if g]


def _word_at(phrase: str, match: re.Match[str]) -> bool:
    """A conjunction is one only where it is a word of its own (和 not in 和谐)."""
    cuts = wellformed.boundaries(phrase)
    if phrase.startswith("及其他", match.start()):  # 及 + 其他, not 及其
        return match.start() in cuts
    return match.start() in cuts and match.end() in cuts


def _chain(group: str, matcher: Matcher) -> list[str]:
    parts = [_category_closer(_drop_closer(p)) for p in enumeration(group) if p]
    return [normal(p if matcher.known_at(p) == p else _drop_inner_closer(p)) for p in parts]


def _category_closer(part: str) -> str:
    """公证机构等鉴定意见书使用单位: the members stand before 等; the category after it
    only sums them up (a 等 followed by a bare head is _drop_inner_closer's)."""
    cuts = wellformed.boundaries(part)
    for match in re.finditer("等", part):
        after = part[match.end():]
        if match.start() >= 2 and match.start() in cuts and match.end() in cuts \
                and not re.fullmatch(rf"(?:有关|相关)?(?:行政主管|主管|管理)?(?:{HEAD_PATTERN})",
                                     after) \
                and part[: match.start()].endswith(PARTY_ENDINGS):
            return part[: match.start()]
    return part


def _drop_closer(part: str) -> str:
    """A trailing 等 closes the list, unless it ends a word (高等, 中等)."""
    if part.endswith("等") and len(part) - 1 in wellformed.boundaries(part):
        return part[:-1]
    return part


def _drop_inner_closer(part: str) -> str:
    """X等部门 → X部门 where 等 is a word of its own (not 高等学校); X等金融机构 → X机构:
    the category between 等 and the head sums the members up, each takes only the head
    (银行、保险、信托等金融机构 → 银行, 保险机构, 信托机构)."""
    cuts = wellformed.boundaries(part)
    for category in ("", "[\u4e00-\u9fff]{1,4}?"):
        match = re.search(rf"等(?:有关|相关)?{category}(?=(?:行政主管|行政管理|主管|管理|行政)?"
                          rf"(?:{HEAD_PATTERN})$)", part)
        # a category and its head may be one word (金融机构): only the 等 must be one
        if match and match.start() >= 2 and match.start() in cuts \
                and (match.start() + 1 in cuts if category else match.end() in cuts):
            before = part[: match.start()]
            # 机场、车站等单位: the head only sums up parties already named
            return before if before.endswith(PARTY_ENDINGS) else before + part[match.end():]
    return part
