"""Cue words of each kind of consequence (dg:penaltyKind), found in text order.

Judgement calls (documented here once): 通报批评 counts as a Warning (行政处罚法
puts it in one class with 警告); 责令关闭 and 停业、关闭 close a business for good without
revoking a licence, so they are Other (GUIDELINE §17), while 拆除或者关闭 a facility is
Rectification; 停产, 停业, 停工, 暂停, 限制生产 and 暂扣 are Suspension; 承担民事责任 counts
as Compensation; 对责任人员给予处理 is Discipline, its nearest kind; 依法处罚,
依照…规定处罚, 治安管理处罚, 从其规定, 记入信用档案, 通报, 批评教育, 强制… and 代为改正 (the
authority acts at the violator's cost) are Other. A 警告 inside
给予警告、记过处分 is disciplinary (Discipline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TO_BOUNDARY = r"(?:(?!并处|并可|并没收|并予)[^，；。：])*"
CUES = {
    "Criminal": r"追究[^，；。]{0,8}?刑事责任",
    "Discipline": r"(?:依法)?(?:给予|予以)[^，；。]{0,16}?处分|处分(?!决定)|(?:依法)?给予处理",
    "Compensation": r"(?:依法)?(?:承担|负)[^，；。]{0,10}?(?:赔偿|民事)责任"
                    r"|赔偿[^，；。]{0,10}?损失|赔偿",
    "Warning": r"(?:给予|予以|处以?|并处)?警告|(?:给予|予以)?通报批评",
    "Confiscation": rf"(?:并|予以|依法)?没收(?!的){_TO_BOUNDARY}",
    "DailyFine": r"(?:按照?原(?:处罚|罚款)数额)?按日连续处罚",
    # 罚款 as a noun is no fine: 受到罚款处罚的, 罚款总额不得超过…, 不得重复罚款, 收缴罚款.
    "Fine": r"(?<!不得)(?<!重复)(?<!乱)(?<!收缴)(?<!缴纳)(?<!抵缴)"
            r"罚款(?!决定|数额|总额|额|一律|票据|限额|由|处罚|的行政处罚|最高|幅度|的限额)",
    "Substitute": r"代为[^，；。]*|代履行[^，；。]*",
    "Order": rf"(?<![自从])责令{_TO_BOUNDARY}",
    "Suspension": r"暂扣[^，；。、]*|暂停[^，；。、]*|停止(?:从事|执业|营业)[^，；。、]*"
                  r"|(?:停产|停业)(?:停业|整顿|整治)?|限制生产",
    "Revocation": r"吊销[^，；。]*|撤销[^，；。]*|降低[^，；。]{0,10}?等级"
                  r"|取消[^，；。]{0,12}?(?:资格|资质|许可|称号|备案)"
                  r"|注销[^，；。]{0,12}?(?:许可|登记|证|资格)",
    "Rectification": r"限期(?:改正|整改|治理|拆除|恢复|补办|清理|清除|采取|完成|补种|迁出|补建"
                     r"|办理|缴纳|补缴|消除|履行|纠正|退还)[^，；。、]*"
                     r"|恢复原状|采取(?:其他)?补救措施|停止违法行为|立即改正|改正(?!之日)"
                     r"|消除(?:影响|危害|隐患)",
    "Other": r"(?:依法)?(?:给予|予以|处以)?治安管理处罚|(?:依法)?(?:给予|予以)行政处罚"
             r"|(?:依照|依据|按照)[^，；。]*?(?:处罚|处理|查处)(?![法》])|追究[^，；。]*?(?<!直接)责任(?!人)"
             r"|依法(?:予以|给予)?(?:处罚|处理|查处)|予以处罚|给予处罚|从其规定|(?:予以)?关闭|记入[^，；。]*(?:信用|档案)[^，；。]*"
             r"|(?:纳入|列入)[^，；。]*(?:信用|名单)[^，；。]*|(?:予以)?通报[^，；。]*"
             r"|(?:强制|强行)[^，；。]*|批评教育|(?:依法)?承担(?:相应的)?(?:法律)?责任",
}
_CUE = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in CUES.items()))
_ORDER_PARTS = re.compile(r"、|或者|和|或|并")
_SUSPEND = re.compile(r"停产|停业|停工|暂停|限制生产|限产|停止营业|整顿")
_REVOKE = re.compile(r"吊销|撤销")


@dataclass(frozen=True)
class Cue:
    kind: str  # a PENALTY_KINDS name
    start: int
    end: int
    daily: bool = False


def cues(text: str, start: int, end: int) -> list[Cue]:
    """The consequences stated in text[start:end], one Cue each, in text order."""
    found: list[Cue] = []
    for match in _CUE.finditer(text, start, end):
        kind = match.lastgroup or "Other"
        if kind == "Order":
            found.extend(_order(text, match.start(), match.end()))
        elif kind == "DailyFine":
            found.append(Cue("Fine", match.start(), match.end(), daily=True))
        elif kind == "Substitute":
            found.append(Cue("Other", match.start(), match.end()))
        else:
            found.append(Cue(kind, match.start(), match.end()))
    return _merge(text, found)


def _order(text: str, start: int, end: int) -> list[Cue]:
    """责令停业、关闭 → Suspension + Revocation; 责令停止违法行为、限期改正 → one Rectification."""
    parts, pos = [], start
    for match in _ORDER_PARTS.finditer(text, start, end):
        parts.append((pos, match.start()))
        pos = match.end()
    parts.append((pos, end))
    found: list[Cue] = []
    for a, b in parts:
        kind = _order_kind(text[a:b], found[-1].kind if found else None)
        found.append(Cue(kind, a, b))
    return found


def _order_kind(action: str, before: str | None) -> str:
    if "赔偿" in action:
        return "Compensation"
    if "关闭" in action:  # of a facility after 拆除: undo the breach; of a business: close it
        return "Rectification" if before == "Rectification" else "Other"
    if _REVOKE.search(action):
        return "Revocation"
    return "Suspension" if _SUSPEND.search(action) else "Rectification"


def _merge(text: str, found: list[Cue]) -> list[Cue]:
    """Neighbours of one kind joined by 、 or 或者 state one consequence."""
    merged: list[Cue] = []
    for cue in found:
        last = merged[-1] if merged else None
        gap = text[last.end:cue.start] if last else ""
        if last and last.kind == cue.kind and cue.kind != "Fine" \
                and re.fullmatch(r"、|或者|和|或|并", gap):
            merged[-1] = Cue(cue.kind, last.start, cue.end, last.daily or cue.daily)
        else:
            merged.append(cue)
    return merged
