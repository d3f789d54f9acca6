"""Who is addressed: the noun phrase naming the actors of a cue (subjects/coordination
splits it into single designations)."""

from __future__ import annotations

import re

from kg.drafts.annotator import wellformed
from kg.drafts.annotator.subjects.coordination import enumeration
from kg.drafts.annotator.subjects.heads import CONJUNCTION, HEAD_PATTERN, HEADS, Matcher, has_head

_GENERIC = re.compile(rf"[\u4e00-\u9fff（）]{{0,12}}?(?:{HEAD_PATTERN})")
# 与 is not chained in an object: 支持A与B开展合作 supports A, with B as the partner.
_SEP = re.compile(r"等?(、|以及|及其(?!他)|或者|及|和)")
# 第三方 names a party and also qualifies one: 第三方检测机构, 第三方评估机构
_LATER_HEAD = re.compile(r"(?<=第三方)[\u4e00-\u9fff]{1,4}?(?:机构|单位|企业|组织|中心|公司)")
# 银行、保险、信托等金融机构: fields and parties listed before 等 and the category's head
_FIELD_LIST = re.compile(rf"(?:[\u4e00-\u9fff]{{2,6}}、)+[\u4e00-\u9fff]{{2,6}}等"
                         rf"[\u4e00-\u9fff]{{0,4}}?(?:{HEAD_PATTERN})")
# 是 (X是…的主管部门，负责…) and 会同 (X会同Y负责…, GUIDELINE §10) end the subject too
_ADVERBIAL = re.compile(r"(?<!所)在|对|依照|按照|根据|依法|结合|通过|向|从|应|要|可|不|是(?!否)"
                        r"|会同")
_STRIP = ("各类", "各")


def subject_phrase(before: str) -> str:
    """The subject of a cue, given the sentence text before it: the clause of the cue
    when it starts with an actor (对前款规定的举报，X应当…), else the first clause
    (X、Y等部门，应当…)."""
    clauses = [_connective_dropped(c.strip()) for c in before.split("，")]
    for raw, clause in reversed(list(zip(before.split("，"), clauses, strict=True))[1:]):
        clause = _after_agent_marker(clause)  # the nearest clause naming an actor
        found = _leading(clause)
        # 但当事人未申请…的: a concession names another party than the one bound
        conceded = raw.strip() != clause and clause.endswith("的")
        if found and has_head(found) and not conceded and (
                not clause.endswith("的") or _condition_subject(clause, found)):
            return found
    first = _leading(_after_agent_marker(clauses[0]))
    # 完善…法律顾问等制度，…必须: an act, not a party, opens the sentence (从事…的单位 and
    # 使用方或者第三方 are parties)
    opens_with_act = bool(first) and wellformed.words(first)[0] in wellformed.LEADING_VERBS
    if opens_with_act and "的" not in first \
            and not all(wellformed.is_designation(m) for m in _members(first)):
        return ""
    return first


def _condition_subject(clause: str, found: str) -> bool:
    """X…的，应当: a condition opened by its subject, the party bound (承租人需要继续承租的，
    应当…); not a verb read as a head (组织实施…项目的), nor a party inside the condition
    (变更名称、主要负责人的)."""
    return found != clause and clause.startswith(found) and not wellformed.is_verb(found) \
        and all(wellformed.is_designation(m) for m in _members(found))


def _connective_dropped(clause: str) -> str:
    """但是当事人…, 同时X…: a connective opens the clause, the subject follows it."""
    return re.sub(r"^(?:但是|但|并且|同时)(?=.{2})", "", clause)


def _after_agent_marker(clause: str) -> str:
    """X由Y负责, 由Y负责 (GUIDELINE §12): the duty is Y's, the body after 由 (a word of its
    own: not the 由 of 自由职业者)."""
    head, marker, tail = clause.rpartition("由")
    cuts = wellformed.boundaries(clause)
    word = len(head) in cuts and len(head) + 1 in cuts
    return tail if marker and word and has_head(_leading(tail)) else clause


def _leading(phrase: str) -> str:
    """The noun phrase a clause starts with: up to an adverbial (在, 对, 依法 …), else up
    to the last head on a word boundary before a verb (街道办事处受理申请后… → …办事处)."""
    for match in _ADVERBIAL.finditer(phrase):
        if match.start() > 0 and has_head(phrase[: match.start()]):
            return phrase[: match.start()]
    cuts = wellformed.boundaries(phrase)
    ends = [end for end in sorted(cuts, reverse=True) if 1 < end < len(phrase)
            and has_head(phrase[:end]) and "的" not in phrase[:end]
            and wellformed.words(phrase[:end])[-1] not in wellformed.CONJUNCTIONS
            and _predicate_starts(phrase[end:])
            and all(wellformed.is_designation(m) for m in _members(phrase[:end]))]
    if has_head(phrase):
        # 司法鉴定机构招用鉴定辅助人员: a party, its verb, an object with a head;
        # 基层医疗卫生机构的医师 (no verb, so no relative clause): the body answers (§11)
        return next((phrase[:end] for end in ends if not wellformed.is_designation(phrase)
                     and wellformed.words(phrase[end:])[0] in {*wellformed.LEADING_VERBS, "的"}),
                    phrase)
    return phrase[: ends[0]] if ends else phrase


def _predicate_starts(rest: str) -> bool:
    """A word follows the subject (…办事处受理, 经营者为消费者…, …委员会每年), not the rest
    of a word (河长制工作 is no 河长 + 制工作: jieba leaves 制 a character of its own)."""
    first = wellformed.words(rest)[0]
    # 幼儿园的招生: its owner (§11); 管理人、清算组应当: the members with a head
    return len(first) > 1 or wellformed.is_verb(first) or first in wellformed.FUNCTION_WORDS \
        or first in wellformed.CONJUNCTIONS or first in ("的", "、")


def _members(phrase: str) -> list[str]:
    """The conjuncts of a coordination (、 and the conjunctions), for checking each."""
    return [m for part in enumeration(phrase) for m in CONJUNCTION.split(part) if m]


def object_phrase(text: str, matcher: Matcher) -> str:
    """The actor noun phrase right after an encouragement cue ('' if none)."""
    listed = _FIELD_LIST.match(text)
    closer = listed.group(0).rindex("等") if listed else -1
    if listed and closer in wellformed.boundaries(listed.group(0)) \
            and wellformed.is_designation(listed.group(0)[closer + 1:]):  # not 高等学校
        return listed.group(0)
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
    if generic and not CONJUNCTION.search(generic.group(0)) \
            and generic.end() - pos in wellformed.boundaries(text[pos: generic.end() + 8]):
        end = generic.end()
        # 旅游相关企业事业单位, 村民委员会: a head right after a head makes one
        longer = next((h for h in ("事业单位", *HEADS) if text.startswith(h, end)), None)
        if longer:
            return text[pos: end + len(longer)]
        # 第三方检测机构: a head a few characters on is the phrase's own (heads come last)
        later = _LATER_HEAD.match(text, end)
        if later and later.end() - pos in wellformed.boundaries(text[pos: later.end() + 8]):
            return text[pos: later.end()]
        return generic.group(0)  # 非法人组织
    return None


