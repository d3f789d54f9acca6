"""What the members of a coordination share: a head noun (公安、交通运输等部门 →
公安部门, 交通运输部门) and a regional or governmental qualifier (产业承接地地级以上市、
县级人民政府 → 产业承接地县级人民政府)."""

from __future__ import annotations

import re

from kg.drafts.annotator.subjects.heads import HEADS, PARTY_ENDINGS, Matcher
from kg.source import offices

_QUANTIFIERS = ("各级各类", "各类", "任何", "所有", "其他", "其它")
# 县（市、区）, 县（市）, 区县（市） (宁波: 市和区县（市）教育主管部门) are the county level (§8)
COUNTY_FORMS = r"区?县（(?:市、)?区）|区?县（市）区?"
LEVEL_WORDS = ("省", "市", "县", "区", "乡", "镇", "县级", "市级", "设区的市", "地级以上市")


# heads a coordination's members share: generic nouns of bodies (公安、交通运输等部门,
# 生产、销售单位), never a noun of its own kind (小学、幼儿园 is no 小学幼儿园)
SHARED_HEADS = ("部门", "机构", "单位", "企业", "组织", "人员", "机关", "经营者", "责任人",
                "委员会", "协会", "中心", "主体", "管理者", "使用人", "所有人", "人民政府",
                "政府")


def distribute_heads(parts: list[str]) -> list[str]:
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
    for longer in ("有关主管部门", "主管部门", "行政主管部门", "管理部门", "有关部门",
                   # 卫生、动物防疫监督机构 → 卫生监督机构
                   "主管机构", "监督机构", "管理机构", "主管机关", "行政机关"):
        if part.endswith(longer) and head in longer:
            return longer.removeprefix("有关")
    return head


def owned(member: str) -> bool:
    """A member after X及其 that is X's own: a department or body, 各部门, 工作人员."""
    return _bare_office(member) or member.endswith(("部门", "工作人员")) or \
        member.startswith("所属")


def _bare_office(part: str) -> bool:
    """A department named without level after a levelled one (X主管部门和Y部门)."""
    office = offices.parse(part)
    return bool(office and office.organ_kind == "department" and office.level is None
                and not office.qualifier_text)


ROLES = ("所有人", "驾驶人", "使用人", "经营者", "管理者", "管理人")
# Persons named by their trade alone take the trade of the body before them:
# 地方传统特色小吃企业和从业者 → 地方传统特色小吃从业者.
TRADE_ROLES = ("从业者", "从业人员")
_BODIES = ("企业", "单位", "机构")
# A condition on the first member holds for the whole list: 有条件的博物馆、方志馆.
_CONDITION = re.compile(r"^(?:有条件的|符合条件的)")


def qualify(members: list[tuple[int, str]], matcher: Matcher) -> list[str]:
    """Each member takes the qualifier of the one before it in its group; across a
    conjunction only 有关部门 (X和有关部门: X's level) and a bare role (机动车所有人或者驾驶人)
    do."""
    current, group_of, owner, out = None, -1, None, []
    condition, trade = "", ""
    for group, part in members:
        part, condition = _conditioned(part, condition)
        trade = part[: -2] if part.endswith(_BODIES) and len(part) > 4 else trade
        if part in TRADE_ROLES and trade:
            part = trade + part
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


def _conditioned(part: str, condition: str) -> tuple[str, str]:
    """The member with the list's condition, and the condition the next members take."""
    found = _CONDITION.match(part)
    if found:
        return part, found.group(0)
    if condition and "的" not in part and len(part) <= 6:
        return condition + part, condition
    return part, ""


def normal(designation: str) -> str:
    """Quantifiers dropped (GUIDELINE §3, §9: 各类, 任何, 所有, 其他), 县（市、区） → 县级 (§8),
    a noun's 的 before a person's role dropped (机动车的所有人 → 机动车所有人)."""
    for prefix in _QUANTIFIERS:
        if designation.startswith(prefix) and len(designation) > len(prefix) + 1 \
                and designation not in ("其他组织", "其他直接责任人员"):
            designation = designation[len(prefix):]
            break
    designation = re.sub(COUNTY_FORMS, "县级", designation)
    designation = re.sub(r"（以下(?:简|统)?称[^（）]*）$", "", designation)
    designation = re.sub(r"^(?:工程|项目)?(?:所在地|当地|本地)(?=.{2})", "", designation)  # §8
    designation = re.sub(r"^(?:在用|新登记)(?=.*(?:车|船))", "", designation)  # 在用机动车…
    return re.sub(r"^([\u4e00-\u9fff]{2,6})的(所有人|驾驶人|使用人|经营者|管理者)$", r"\1\2",
                  designation)
