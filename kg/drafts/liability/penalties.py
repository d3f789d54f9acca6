"""The consequences of a clause, in text order, each with its condition (tier) and party.

The consequence part is walked segment by segment (segments end at ，：；。). A
segment ending in 的 (情节严重的, 逾期不改正的, 有违法所得的) or made only of a
condition (逾期不改正, 情节严重，构成犯罪的) sets the tier of the penalties after it;
对X sets their party. Both hold until the sentence ends at ； or 。.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.drafts.liability import parties, spans
from kg.drafts.liability.fines import read_fine
from kg.drafts.liability.kinds import Cue, cues
from kg.drafts.liability.model import Penalty

_CONDITION = re.compile(
    r"^(?:逾期(?:仍)?(?:不|未)(?:予以)?(?:改正|整改|拆除|恢复(?:原状)?|补办|缴纳|履行|治理|清除|办理"
    r"|补种|消除|采取[^，；。]*)?|拒不(?:改正|整改|执行|拆除|履行|缴纳|停止[^，；。]*)?"
    r"|情节(?:较重|严重|特别严重|恶劣|轻微|较轻)|经责令[^，；。]*?(?:仍|拒)[^，；。]*"
    r"|构成犯罪|(?:没有|无)违法所得|造成[^，；。]*|致使[^，；。]*|引起[^，；。]*)")


@dataclass
class _State:
    tier: tuple[int, int] | None = None   # span of the condition in force
    pending: tuple[int, int] | None = None  # a condition without 的, until what follows
    party: tuple[str, ...] = ()


def penalties(text: str, start: int, end: int, from_lead_in: bool = False) -> list[Penalty]:
    """Penalties stated in text[start:end] (offsets stay those of ``text``)."""
    found: list[Penalty] = []
    state = _State()
    for segment in spans.segments(text, start, end):
        found.extend(_segment(text, segment.start, segment.end, state, from_lead_in))
        if segment.ends_sentence:
            state = _State()
    return found


def _segment(text: str, a: int, b: int, state: _State, lead: bool) -> list[Penalty]:
    body = text[a:b]
    if body.endswith("的"):
        state.tier = (a if state.pending is None else state.pending[0], b)
        state.pending = None
        return []
    condition = _CONDITION.match(body)
    begin = a + (condition.end() if condition else 0)
    if condition and begin == b:
        state.pending = (a, b) if state.pending is None else (state.pending[0], b)
        return []
    if state.pending or condition:
        state.tier = state.pending or (a, begin)
        state.pending = None
    state.party = parties.parties(body) or state.party
    tier = text[state.tier[0]:state.tier[1]] if state.tier else None
    return [_penalty(text, cue, lower, tier, state.party, lead)
            for cue, lower in _with_previous(cues(text, begin, b), begin)]


def _with_previous(found: list[Cue], begin: int) -> list[tuple[Cue, int]]:
    """Each cue with the end of the cue before it in the segment (or the segment start)."""
    return [(cue, found[i - 1].end if i else begin) for i, cue in enumerate(found)]


def _penalty(text: str, cue: Cue, lower: int, tier: str | None,
             party: tuple[str, ...], lead: bool) -> Penalty:
    if cue.kind != "Fine" or cue.daily:
        return Penalty(cue.kind, text[cue.start:cue.end], cue.start, cue.end, daily=cue.daily,
                       tier=tier, liable=party, from_lead_in=lead)
    fine = read_fine(text, lower, cue.start, cue.end)
    amount = fine.amount
    values = {} if amount is None else {
        "min_amount": amount.min_amount, "max_amount": amount.max_amount,
        "min_multiple": amount.min_multiple, "max_multiple": amount.max_multiple,
        "basis": amount.basis, "per_unit": amount.per_unit, "daily": amount.daily}
    return Penalty("Fine", text[fine.start:fine.end], fine.start, fine.end, tier=tier,
                   liable=party, amount_problem=fine.problem, from_lead_in=lead, **values)
