"""Who is addressed: noun phrases naming actors, split into single designations.

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
from kg.source import offices
from kg.source.lexicon import Lexicon

HEADS = ("人民政府", "政府", "部门", "机构", "单位", "企业", "组织", "学校", "协会",
         "商会", "委员会", "主体", "法人", "公民", "个人", "会员", "居民", "村民", "人员",
         "经营者", "开办者", "管理者", "所有人", "使用人", "权利人", "责任人", "办事处",
         "管理处", "中心", "机关", "公司", "团体", "医院", "幼儿园", "基金会", "工商户",
         "生产者", "销售者", "进口者", "驾驶人", "申请人", "当事人", "监护人", "投资者",
         "消费者", "从业者", "举办者", "承包人", "所有权人", "经营户", "检察院",
         "自然人", "各方", "社会力量", "业主", "人", "用户", "者",
         "法院")
# a member of a coordination ending so names a party itself: it takes no shared head
PARTY_ENDINGS = (*HEADS, "联", "会", "场", "所", "院", "馆", "园", "厂", "社", "队", "校",
                 "头", "店", "行", "台", "处", "局", "厅", "者", "人", "户", "方", "地", "团", "党",
                 "区", "室", "体", "网", "频", "站", "学", "事",
                 "师")
_HEAD = "|".join(sorted(HEADS, key=len, reverse=True))
_GENERIC = re.compile(rf"[\u4e00-\u9fff（）]{{0,12}}?(?:{_HEAD})")
_CONJ = re.compile(r"以及|及其(?!他)|或者|及|和|与")
# 与 is not chained in an object: 支持A与B开展合作 supports A, with B as the partner.
_SEP = re.compile(r"等?(、|以及|及其(?!他)|或者|及|和)")
_LEADING_LEVELS = re.compile(r"^(?:(?:省|市|县|区)、)+(?=(?:县|区|市)(?:（|级))")
_RELATED = re.compile(r"(?:及其|及|和)(?:有关|相关)部门$")
_ADVERBIAL = re.compile(r"(?<!所)在|对|依照|按照|根据|依法|结合|通过|向|从|应|要|可|不")
_STRIP = ("各类", "各")
_QUANTIFIERS = ("各级各类", "各类", "任何", "所有", "其他", "其它")


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
    for clause in reversed(clauses[1:]):  # the nearest clause naming an actor
        clause = _after_agent_marker(clause)
        found = _leading(clause)
        if found and has_head(found) and not clause.endswith("的"):
            return found
    return _leading(_after_agent_marker(clauses[0]))


def _after_agent_marker(clause: str) -> str:
    """X由Y负责 (GUIDELINE §12): the duty is Y's, the body after 由."""
    head, marker, tail = clause.rpartition("由")
    return tail if marker and head and has_head(_leading(tail)) else clause


def _leading(phrase: str) -> str:
    """The noun phrase a clause starts with: up to an adverbial (在, 对, 依法 …), else up
    to the last head on a word boundary before a verb (街道办事处受理申请后… → …办事处)."""
    for match in _ADVERBIAL.finditer(phrase):
        if match.start() > 0 and has_head(phrase[: match.start()]):
            return phrase[: match.start()]
    if has_head(phrase):
        return phrase
    cuts = wellformed.boundaries(phrase)
    ends = [end for end in sorted(cuts, reverse=True) if 1 < end < len(phrase)
            and has_head(phrase[:end]) and "的" not in phrase[:end]
            and all(wellformed.is_designation(m) for m in _enumeration(phrase[:end]))]
    return phrase[: ends[0]] if ends else phrase


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
    if generic and not _CONJ.search(generic.group(0)) \
            and generic.end() - pos in wellformed.boundaries(text[pos: generic.end() + 8]):
        end = generic.end()
        longer = next((h for h in HEADS if text.startswith(h, end)), None)
        return text[pos: end + len(longer)] if longer else generic.group(0)  # 非法人组织
    return None


def split(phrase: str, matcher: Matcher) -> list[str]:
    """Single designations from a coordinated noun phrase."""
    phrase = re.sub(r"县（(?:市、)?区）|县（市）区?", "县级", phrase.strip().removesuffix("等"))
    if _one_modified_party(phrase):
        return [_normal(phrase)]
    levels = _LEADING_LEVELS.match(phrase)
    if levels and "人民政府" in phrase[levels.end():]:  # 市、县（区）人民政府A、B等部门
        base = split(phrase[levels.end():], matcher)
        extra = [lv + b[b.index("人民政府"):] for lv in levels.group(0).split("、") if lv
                 for b in base if "人民政府" in b]
        return list(dict.fromkeys(extra + base))
    own = re.search(r"及其(?!有关|相关|工作人员)", phrase)
    if own and matcher.qualifier(phrase[: own.start()] + "X") is not None:
        # X及其A、B等部门: X and X's A and B departments (GUIDELINE §8)
        owner = split(phrase[: own.start()], matcher)
        members = split(phrase[own.end():], matcher)
        return owner + [owner[-1] + m if not matcher.qualifier(m) and _owned(m) else m
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
    groups = [[_normal(group)] if _one_modified_party(group) else _chain(group, matcher)
              for group in _groups(phrase, matcher)]
    members = [(i, part) for i, group in enumerate(groups) for part in _distribute_heads(group)]
    return [_normal(d) for d in _qualify(members, matcher) if d]


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


def _enumeration(group: str) -> list[str]:
    """The members of a 、 list, not splitting inside brackets."""
    parts, start = [], 0
    for i, ch in enumerate(group):
        if ch == "、" and _depth_zero(group, i):
            parts.append(group[start:i])
            start = i + 1
    return [*parts, group[start:]]


def _groups(phrase: str, matcher: Matcher) -> list[str]:
    groups, start = [], 0
    for match in _CONJ.finditer(phrase):
        if not _depth_zero(phrase, match.start()) or not _word_at(phrase, match):
            continue
        left, right = phrase[start: match.start()], phrase[match.end():]
        last = _enumeration(left)[-1]
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
    parts = [_category_closer(_drop_closer(p)) for p in _enumeration(group) if p]
    return [_normal(p if matcher.known_at(p) == p else _drop_inner_closer(p)) for p in parts]


def _category_closer(part: str) -> str:
    """公证机构等鉴定意见书使用单位: the members stand before 等; the category after it
    only sums them up (a 等 followed by a bare head is _drop_inner_closer's)."""
    cuts = wellformed.boundaries(part)
    for match in re.finditer("等", part):
        after = part[match.end():]
        if match.start() >= 2 and match.start() in cuts and match.end() in cuts \
                and not re.fullmatch(rf"(?:有关|相关)?(?:行政主管|主管|管理)?(?:{_HEAD})", after) \
                and part[: match.start()].endswith(PARTY_ENDINGS):
            return part[: match.start()]
    return part


def _drop_closer(part: str) -> str:
    """A trailing 等 closes the list, unless it ends a word (高等, 中等)."""
    if part.endswith("等") and len(part) - 1 in wellformed.boundaries(part):
        return part[:-1]
    return part


def _drop_inner_closer(part: str) -> str:
    """X等部门 → X部门 where 等 is a word of its own (not 高等学校)."""
    match = re.search(rf"等(?:有关|相关)?(?=(?:行政主管|行政管理|主管|管理|行政)?(?:{_HEAD})$)",
                      part)
    if match and match.start() >= 2 and match.start() in wellformed.boundaries(part) \
            and match.end() in wellformed.boundaries(part):
        before = part[: match.start()]
        # 机场、车站等单位: the head only sums up parties already named
        return before if before.endswith(PARTY_ENDINGS) else before + part[match.end():]
    return part


LEVEL_WORDS = ("省", "市", "县", "区", "乡", "镇", "县级", "市级", "设区的市", "地级以上市")


# heads a coordination's members share: generic nouns of bodies (公安、交通运输等部门,
# 生产、销售单位), never a noun of its own kind (小学、幼儿园 is no 小学幼儿园)
SHARED_HEADS = ("部门", "机构", "单位", "企业", "组织", "人员", "机关", "经营者", "责任人",
                "委员会", "协会", "中心", "主体", "管理者", "使用人", "所有人", "人民政府",
                "政府")


def _distribute_heads(parts: list[str]) -> list[str]:
    """Members share the last one's head; a bare level (市、县（区）人民政府市场监管部门)
    shares its whole government-and-department tail."""
    tail = parts[-1][parts[-1].find("人民政府"):] if "人民政府" in parts[-1] else ""
    parts = [p + tail if tail and p in LEVEL_WORDS else p for p in parts]
    head = None
    for i in range(len(parts) - 1, -1, -1):
        bare = re.sub(r"（[^（）]*）$", "", parts[i])
        own = next((h for h in sorted(HEADS, key=len, reverse=True) if bare.endswith(h)), None)
        if own:
            head = _shared_head(parts[i], own, parts[:i])
        elif head and not bare.endswith(PARTY_ENDINGS) and head.endswith(SHARED_HEADS):
            parts[i] += head
    return parts


def _common_suffix(members: list[str]) -> str:
    if not members:
        return ""
    suffix = members[0]
    for member in members[1:]:
        while suffix and not member.endswith(suffix):
            suffix = suffix[1:]
    return suffix


def _shared_head(part: str, head: str, others: list[str] | None = None) -> str:
    """The head a list's last member lends the others: 有关部门 lends 部门 as well; after
    one-word members the member's words after its first (有害垃圾、湿垃圾处置单位 →
    有害垃圾处置单位; 兰山区、河东区供热主管部门 → 兰山区供热主管部门)."""
    common = _common_suffix(others or [])
    if (len(common) >= 2 or common in ("区", "县", "市", "镇", "乡")) \
            and common in part[:-len(head)]:
        # 兰山区、河东区供热主管部门: the places share 供热主管部门
        # 有害垃圾、湿垃圾、干垃圾处置单位: the members name kinds of 垃圾; 处置单位 is shared
        return part[part.rindex(common, 0, len(part) - len(head)) + len(common):]
    for longer in ("有关主管部门", "主管部门", "行政主管部门", "管理部门", "有关部门"):
        if part.endswith(longer) and head in longer:
            return longer.removeprefix("有关")
    return head


def _owned(member: str) -> bool:
    """A member after X及其 that is X's own: a department or body, 各部门, 工作人员."""
    return _bare_office(member) or member.endswith(("部门", "工作人员")) or \
        member.startswith("所属")


def _bare_office(part: str) -> bool:
    """A department named without level after a levelled one (X主管部门和Y部门)."""
    office = offices.parse(part)
    return bool(office and office.organ_kind == "department" and office.level is None
                and not office.qualifier_text)


ROLES = ("所有人", "驾驶人", "使用人", "经营者", "管理者", "管理人")


def _qualify(members: list[tuple[int, str]], matcher: Matcher) -> list[str]:
    """Each member takes the qualifier of the one before it in its group; across a
    conjunction only 有关部门 (X和有关部门: X's level) and a bare role (机动车所有人或者驾驶人)
    do."""
    current, group_of, owner, out = None, -1, None, []
    for group, part in members:
        own = matcher.qualifier(part)
        role = next((r for r in ROLES if part.endswith(r)), None)
        if own:
            current, group_of = own, group
        elif part.endswith(("人民政府", "政府")) and (current or "").endswith("政府"):
            pass  # 省、市、县人民政府: each member is a government of its own
        elif current and current.endswith("人民政府") \
                and not (_bare_office(part) or part.startswith("有关")):
            pass  # 各级人民政府及其各部门、企业事业单位: a government qualifies only its offices
        elif current and (group == group_of or part.startswith("有关") or _bare_office(part)):
            part = current + part
        if role and part != role:
            owner = part[: -len(role)]
        elif role and owner:
            part = owner + part
        out.append(part)
    return out


def _normal(designation: str) -> str:
    """Quantifiers dropped (GUIDELINE §3, §9: 各类, 任何, 所有, 其他), 县（市、区） → 县级 (§8),
    a noun's 的 before a person's role dropped (机动车的所有人 → 机动车所有人)."""
    for prefix in _QUANTIFIERS:
        if designation.startswith(prefix) and len(designation) > len(prefix) + 1 \
                and designation not in ("其他组织", "其他直接责任人员"):
            designation = designation[len(prefix):]
            break
    designation = re.sub(r"县（(?:市、)?区）|县（市）区?", "县级", designation)
    designation = re.sub(r"（以下(?:简|统)?称[^（）]*）$", "", designation)
    designation = re.sub(r"^(?:工程|项目)?(?:所在地|当地|本地)(?=.{2})", "", designation)  # §8
    designation = re.sub(r"^(?:在用|新登记)(?=.*(?:车|船))", "", designation)  # 在用机动车…
    return re.sub(r"^([\u4e00-\u9fff]{2,6})的(所有人|驾驶人|使用人|经营者|管理者)$", r"\1\2",
                  designation)
