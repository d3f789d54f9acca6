"""Who imposes a consequence (由…) and who bears it (the violator, 对…), as designations.

Designations are split at 、 和 或者 及 the way GUIDELINE §3 reads coordinated
subjects: a member without a head noun takes the head of the next member
(邮政管理、市场监管部门 → 邮政管理部门, 市场监管部门), a bare level takes the rest of
the next designation (市、县（区）人民政府生态环境主管部门 → 市人民政府生态环境主管部门,
县（区）人民政府生态环境主管部门), X及其工作人员 gives X and X工作人员, a list closed by
等X (广播、电视等媒体) stays one designation, and 其 before and 的 or 等 after are dropped.
"""

from __future__ import annotations

import re

HEADS = ("部门", "机关", "机构", "政府", "单位", "企业", "公司", "人员", "员", "组织", "委员会",
         "团体", "办事处", "中心", "局", "处", "站", "所", "队", "院", "厅", "协会", "学校", "媒体",
         "主体", "法人", "个人", "责任人", "者", "人", "工商户", "养殖户", "农户", "住户",
         "用户", "方", "商", "社", "馆", "场", "店")
_HEAD = "|".join(sorted(HEADS, key=len, reverse=True))
_LEVEL = re.compile(r"^(?:省|设区的市|地级以上市|市|县（市、区）|县（市）|县（区）|县|区|乡镇|乡|镇"
                    r"|街道)(?:级)?")
_CONJUNCTION = re.compile(r"、|和|或者|或|以及|及其(?!他)|及|与")
# Shared heads a member without one borrows, longest first: 林业或者渔业主管部门.
_SHARED_HEADS = ("行政主管部门", "行政管理部门", "行政执法部门", "主管部门", "管理部门",
                 "执法部门", "主管机关", "管理机构")
# What follows the enforcer's name: 由公安机关责令改正 / 处… / 对单位处…
_ENFORCER_VERB = ("依法", "依照", "按照", "根据", "责令", "处", "并处", "给予", "予以", "没收",
                  "吊销", "撤销", "暂扣", "对", "可以", "可", "会同", "通报", "记入", "收缴",
                  "采取", "实施", "进行", "强制", "提请", "报请", "报", "建议", "责成", "取消",
                  "降低", "追缴", "注销")
_FOR = re.compile(r"对([^，；。：对由]{1,40}?)(?=[，,]|$|(?:可以|可|应当|并|另|分别|各|均)*"
                  r"(?:处|给予|依法|予以|没收|吊销|责令|由|按照|依照|罚款|追究))")
_SUBJECT_END = re.compile(r"违反|未经|未按|未|不按|不依|不履行|不|擅自|拒绝|拒不|有下列|有本|有第|"
                          r"在|将|以|因|利用|采用|从事|违规|非法|私自|故意|超|伪造|玩忽职守|滥用职权|"
                          r"徇私舞弊|无正当理由|无")
# A subject is a plain noun phrase: no preposition or verb of the breach inside it.
_NOT_SUBJECT = re.compile(r"^(?:将|把|对|向|在|从|为|以|因|由|经)|对|向|将|把|[，；。]")
_OPENING = re.compile(r"(.{1,20}?(?:单位|企业|公司|机构|部门|机关|人员|组织|中心|者|人|员))")
_CONTINUES = ("工作人员", "负责人", "人员", "及其", "和", "、", "或者", "的", "等", "在")
_CHARGED = re.compile(r"追究([^，；。]{2,40}?)的(?:法律)?责任")
_ORDERED = re.compile(r"责令(?!其)([^，；。、]{2,24}?)(?=限期|立即|停止|改正|恢复|拆除|补办|整改)")


def has_head(phrase: str) -> bool:
    return bool(re.search(rf"(?:{_HEAD})(?:（[^（）]*）)?$", phrase))


def designations(phrase: str) -> tuple[str, ...]:
    """Single designations from a coordinated phrase (see the module docstring)."""
    phrase = _clean(phrase)
    if not phrase:
        return ()
    its = re.search(r"及其(?!他)", phrase)  # 及其他组织 is 及 + 其他组织
    owner, own = (phrase[: its.start()], phrase[its.end():]) if its else (phrase, "")
    if its and has_head(owner) and has_head(own):
        heads = designations(owner)
        return heads + tuple(h + _clean(own) for h in heads)
    parts = [p for p in _split(phrase) if p]
    out: list[str] = []
    for index, part in enumerate(parts):
        later = next((p for p in parts[index + 1:] if has_head(p)), None)
        out.append(_complete(part, later) if later and not has_head(part) else part)
    out = _share_government(out)
    return tuple(dict.fromkeys(_clean(p) for p in out if has_head(_clean(p))))


def _share_government(parts: list[str]) -> list[str]:
    """县级以上人民政府交通运输部门、城市管理部门 → the government qualifies both."""
    government = re.match(r"[^、，]{0,12}?人民政府(?=.)", parts[0]) if parts else None
    if not government or len(parts) < 2:
        return parts
    return parts[:1] + [p if "政府" in p or p.startswith(("其他", "有关", "相关")) or
                        not has_head(p) else government.group(0) + p for p in parts[1:]]


def _split(phrase: str) -> list[str]:
    """Split at conjunctions outside brackets, keeping 甲、乙等X and a coordinated
    modifier (整改不到位或者不及时报告的单位) in one piece; 和, 及 and 与 split only after
    a full designation (城市市容和环境卫生管理执法人员 is one)."""
    spans, start = [], 0
    for match in _CONJUNCTION.finditer(phrase):
        left = phrase[start:match.start()]
        weak = match.group(0) in ("和", "及", "与", "以及")
        if phrase.count("（", 0, match.start()) == phrase.count("）", 0, match.start()) \
                and not (weak and not has_head(left) and not _LEVEL.fullmatch(left)):
            spans.append((start, match.start()))
            start = match.end()
    spans.append((start, len(phrase)))
    merged: list[tuple[int, int]] = []
    for span in spans:
        if re.search("等|的", phrase[span[0]:span[1]]):
            while merged and not has_head(phrase[merged[-1][0]:merged[-1][1]]):
                span = (merged.pop()[0], span[1])
        merged.append(span)
    return _share_staff([phrase[a:b] for a, b in merged])


def _share_staff(parts: list[str]) -> list[str]:
    """甲部门、乙机构的工作人员 → 甲部门的工作人员, 乙机构的工作人员."""
    staff = re.search(r"的(?:工作人员|负责人|主管人员)$", parts[-1])
    if staff and len(parts) > 1 and all(has_head(p) and "的" not in p for p in parts[:-1]):
        return [p + staff.group(0) for p in parts[:-1]] + parts[-1:]
    return parts


def _complete(part: str, later: str) -> str:
    """A head-less member borrows from the next full designation."""
    if _LEVEL.fullmatch(part):
        level = _LEVEL.match(later)
        return part + later[level.end():] if level else part
    shared = next((h for h in _SHARED_HEADS if later.endswith(h)), None)
    head = re.search(rf"(?:{_HEAD})$", later)
    return part + (shared or (head.group(0) if head else ""))


def _clean(phrase: str) -> str:
    phrase = phrase.strip().removeprefix("对")
    if phrase.startswith("其") and not phrase.startswith("其他"):
        phrase = phrase[1:]
    while phrase.endswith(("的", "等")):
        phrase = phrase[:-1]
    return phrase


def enforcers(text: str) -> tuple[str, ...]:
    """由X处… / 由X责令… → X, for each 由 in the text."""
    found: list[str] = []
    for match in re.finditer(r"由", text):
        name = _enforcer_at(text, match.end())
        if name:
            found.extend(designations(name))
    return tuple(dict.fromkeys(found))


def _enforcer_at(text: str, pos: int) -> str | None:
    end = len(text)
    for cut in "，；。：":
        found = text.find(cut, pos)
        end = found if 0 <= found < end else end
    for stop in range(pos + 2, min(end, pos + 60) + 1):
        if text.startswith(_ENFORCER_VERB, stop) and has_head(text[pos:stop]):
            return text[pos:stop]
    return None


def parties(text: str) -> tuple[str, ...]:
    """对X处 / 对X，由…处 / 责令X限期改正 / 追究X的责任 → X (whom consequences hit)."""
    found = [d for m in _FOR.finditer(text) if has_head(_clean(m.group(1)))
             for d in designations(m.group(1))]
    found += [d for pattern in (_ORDERED, _CHARGED) for m in pattern.finditer(text)
              if has_head(m.group(1)) for d in designations(m.group(1))]
    return tuple(dict.fromkeys(found))


def subject(segment: str) -> tuple[str, ...]:
    """The violator named before the breach: 施工监控单位违反本条例… → 施工监控单位;
    failing a cue word, a breach ending in 的 that opens with a plain designation:
    监理单位转让监理业务的 → 监理单位."""
    for match in _SUBJECT_END.finditer(segment):
        head = segment[:match.start()]
        if 0 < match.start() <= 40 and has_head(head) and not _NOT_SUBJECT.search(head):
            return designations(head)
    opening = _OPENING.match(segment) if segment.endswith("的") else None
    if opening and not _NOT_SUBJECT.search(opening.group(1)) \
            and not segment.startswith(_CONTINUES, opening.end()):
        return designations(opening.group(1))
    return ()
