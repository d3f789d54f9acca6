"""Who a duty binds when its subject is a thing or an act (GUIDELINE §11, tests 2 and 3).

- A vehicle or vessel as subject (在用机动车应当…, 油罐车…) binds its owner, and when the
  norm is about taking it on the road (上道路行驶) its driver too: 机动车所有人, 机动车驾驶人.
- A zone as subject (…试验区应当…) binds the body that manages it (…管理机构).
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
