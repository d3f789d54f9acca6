"""Who a duty binds when its subject is a thing or an act (GUIDELINE §11, tests 2 and 3).

- A vehicle or vessel as subject (在用机动车应当…, 油罐车…) binds its owner, and when the
  norm is about taking it on the road (上道路行驶) its driver too: 机动车所有人, 机动车驾驶人.
- A zone as subject (…试验区应当…) binds the body that manages it (…管理机构).
- A thing the regulation names a party after binds that party (建筑垃圾消纳场应当… →
  建筑垃圾消纳场运营单位, where the text says so); a project binds its 建设单位 where the
  text names one (具备…条件的建设工程，应当… → 建设单位).
- An act with its object as subject binds the party the regulation gives that act to
  (运输建筑垃圾应当… → 建筑垃圾运输单位, where the text names 建筑垃圾运输单位 or a 运输单位).
- 禁止 followed by acts (禁止生产、销售、进口…) binds the parties named after the acts:
  生产者, 销售者, 进口者.
- An act as subject (起草…政策措施，应当…) binds the body that performs it, named by a
  designation of our own (GUIDELINE §2: 政策措施起草单位).
Temporal qualifiers of the thing (新建, 在用, 延长使用年限的) stay out of the designation.
"""

from __future__ import annotations

import re

from kg.drafts.annotator import wellformed

VEHICLES = ("油罐车", "机动车", "非道路移动机械", "船舶", "车辆")
ROAD = re.compile(r"上道路行驶|上路行驶|驾驶")
ACT_PARTIES = {"生产": "生产者", "销售": "销售者", "进口": "进口者", "经营": "经营者",
               "使用": "使用者", "制造": "制造者", "出售": "出售者", "收购": "收购者",
               "加工": "加工者", "运输": "运输者"}
_ACTS = re.compile(r"^(?:{0})(?:、(?:{0}))*".format("|".join(ACT_PARTIES)))


def vehicle_parties(subject: str, sentence: str) -> tuple[str, ...]:
    """机动车所有人 (and 机动车驾驶人 on the road) when ``subject`` names a vehicle."""
    vehicle = next((v for v in VEHICLES if subject.rstrip("，").endswith(v)), None)
    if vehicle is None:
        return ()
    owner = f"{vehicle}所有人"
    return (owner, f"{vehicle}驾驶人") if ROAD.search(sentence) else (owner,)


CARRIERS = ("开发区", "园区", "试验区", "合作区", "景区", "产业园", "高新区", "示范区", "自贸区")


def carrier_body(subject: str) -> tuple[str, ...]:
    """A zone as subject binds its managing body (GUIDELINE §4): 义乌试验区 → 义乌试验区管理机构."""
    subject = subject.rstrip("，")
    return (f"{subject}管理机构",) if 2 < len(subject) <= 16 and subject.endswith(CARRIERS) \
        else ()


PARTY_ROLES = ("运营单位", "经营单位", "管理单位", "建设单位", "所有人", "管理人", "经营者")
# A subject ending in an act (革命遗址保护应当坚持…) names work to be done, not a thing.
_ACT_ENDINGS = ("保护", "管理", "工作", "建设", "发展", "利用")
PROJECTS = ("建设工程", "建设项目", "工程项目")


# After the cue, the thing undergoes the act (道路运输站场应当纳入…规划): nobody is named.
_PASSIVE = ("纳入", "列入", "由", "经", "予以", "依法纳入", "被")


def named_party(subject: str, regulation_text: str, after_cue: str = "") -> tuple[str, ...]:
    """The party the regulation names after the thing ``subject`` names, if it names one."""
    thing = subject.strip("，").rsplit("的", 1)[-1]  # 具备…条件的建设工程 → 建设工程
    if not 2 <= len(thing) <= 16 or thing.endswith(_ACT_ENDINGS) \
            or after_cue.startswith(_PASSIVE) \
            or not wellformed.is_designation(thing):
        return ()
    role = next((r for r in PARTY_ROLES if thing + r in regulation_text), None)
    if role:
        return (thing + role,)
    return ("建设单位",) if thing.endswith(PROJECTS) and "建设单位" in regulation_text else ()


HANDLING_VERBS = ("运输", "处置", "收集", "贮存", "储存", "经营", "生产", "销售", "利用",
                  "排放", "施工", "运营", "消纳", "回收")


def acting_party(subject: str, regulation_text: str) -> tuple[str, ...]:
    """建筑垃圾运输单位 for 运输建筑垃圾, when the regulation names that party or a 运输单位."""
    clause = subject.strip("，")
    verb = next((v for v in HANDLING_VERBS if clause.startswith(v)), None)
    obj = clause[len(verb):] if verb else ""
    if not verb or not 2 <= len(obj) <= 10 or not wellformed.is_designation(obj):
        return ()
    party = f"{obj}{verb}单位"
    return (party,) if party in regulation_text or f"{verb}单位" in regulation_text else ()


def act_parties(after_cue: str) -> tuple[str, ...]:
    """生产者, 销售者 … for 禁止生产、销售…; () when the cue is not followed by acts."""
    match = _ACTS.match(after_cue)
    if not match:
        return ()
    return tuple(ACT_PARTIES[act] for act in match.group(0).split("、"))


PERFORMING_VERBS = ("起草", "制定", "编制", "修改", "修订", "组织实施", "举办", "开展")


def performer(before: str) -> str | None:
    """政策措施起草单位 for 起草…政策措施， (an act with its object, then the cue)."""
    clause = before.strip("，")
    verb = next((v for v in PERFORMING_VERBS if clause.startswith(v)), None)
    if verb is None or "，" in clause or not before.endswith("，"):
        return None
    words = wellformed.words(clause)
    obj = words[-1] if len(words) > 1 and len(words[-1]) >= 2 else None
    return f"{obj}{verb}单位" if obj else None
