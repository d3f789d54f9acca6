"""A liability unit's text → its clauses: breach (trigger) first, then the consequences.

A unit may hold several clauses: 违反第十一条第（一）项规定的，…；违反第十一条第（二）项
规定的，… is two. A new clause starts at a sentence or ；-part whose breach cites a
norm (违反…第X条, 有本条例第X条…行为) or names a new breach answered by a new 由…;
other sentences continue the clause before them (拒不改正的，按日连续处罚).
The consequences start at the first segment that opens with 由, 责令, 处, 给予, 对X处 …
or, after a segment ending in 的, at the first segment stating a consequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.drafts.liability import parties, spans
from kg.drafts.liability.kinds import cues
from kg.drafts.liability.model import Liability, Penalty, Reference
from kg.drafts.liability.penalties import penalties
from kg.drafts.liability.references import references

_ASCII = str.maketrans(",;:()", "，；：（）")
_STARTER = re.compile(
    r"(?:可以|可|应当|并|另|均|一律)?(?:由|责令|处以?(?!分|理|置|罚(?!款))|并处|给予|予以|没收|吊销"
    r"|撤销|暂扣|依法|依照|按照|追究|对[^，；。]*?(?:处|给予|依法|予以|没收|吊销|责令|罚款))")
_BREACH = re.compile(r"违反|有本(?:条例|办法|规定)第|有第[^，；。]*?(?:行为|情形)")
# Conditions of a heavier consequence, not new breaches: 不停止试生产的, 逾期不改正的.
_TIER_START = re.compile(r"(?:不|未|仍不|仍未)(?:停止|改正|拆除|恢复|缴纳|履行|整改|补办|执行)|仍|"
                         r"法律|逾期|拒不|情节|造成|构成|致使|引起|导致|有违法所得|没有违法所得|"
                         r"违法所得|屡|多次|再次|经责令|一年内|二年内|两年内|三年内")


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    consequence: int  # where the consequences start (== end when none are stated)


def clauses(text: str) -> list[_Clause]:
    """The clauses of a unit's text, each with the offset where its consequences start."""
    found: list[_Clause] = []
    for part in spans.sentences(text):
        start, end = part.start, part.end + len(part.closes)
        if not text[start:part.end].strip():
            continue
        consequence = _consequence_start(text, start, end)
        if found and not _opens_clause(text, start, consequence):
            found[-1] = _Clause(found[-1].start, end, found[-1].consequence)
        else:
            found.append(_Clause(start, end, consequence))
    return found


def _consequence_start(text: str, start: int, end: int) -> int:
    after_de = False
    for segment in spans.segments(text, start, end):
        body = text[segment.start:segment.end]
        if body.endswith("的"):
            after_de = True
            continue
        if _STARTER.match(body) or _addressed(body) or (
                after_de and cues(text, segment.start, segment.end)):
            return segment.start
    return end


def _addressed(body: str) -> bool:
    """对直接负责的主管人员和其他直接责任人员，由…: a segment naming whom what follows hits."""
    return body.startswith("对") and parties.has_head(body[1:])


def _opens_clause(text: str, start: int, consequence: int) -> bool:
    """A part opens a new clause when its breach cites a norm, or is a new breach (not a
    condition like 情节严重的) answered by 由…."""
    breach = text[start:consequence]
    if _BREACH.search(breach) or references(breach):
        return True
    return bool(breach.strip()) and not _TIER_START.match(breach.strip()) \
        and text.startswith(("由", "可以由", "并由"), consequence)


def read(text: str, lead_in: str | None = None) -> tuple[Liability, ...]:
    """The liability clauses of a paragraph or item. With ``lead_in`` (the paragraph text
    before a list of items: 有下列行为之一的，由…处…：), ``text`` is one item: each of its
    clauses has its own references, enforcer, liable party and penalties where it states
    them, else the lead-in's (penalties then have ``from_lead_in`` and, like inherited
    references, offsets into the lead-in). A later clause citing nothing inherits the
    references of the clause before it (违反第X条规定，A的，由…；B的，由…)."""
    plain = text.translate(_ASCII)
    found = clauses(plain)
    lead = _whole(lead_in) if lead_in is not None else None
    if lead is not None and len(found) < 2:
        found = [_Clause(0, len(plain), found[0].consequence if found else len(plain))]
    context = lead.references[-1] if lead and lead.references else None
    out: list[Liability] = []
    for clause in found:
        liability = _restore(_liability(plain, clause, context), text)
        if not liability.references and out and out[-1].references:
            liability = replace(liability, references=out[-1].references,
                                rules=(*liability.rules, "references:inherited"))
        out.append(_with_lead_in(liability, lead) if lead else liability)
    return tuple(out)


def _whole(text: str) -> Liability:
    """A lead-in read as one clause."""
    plain = text.translate(_ASCII)
    found = clauses(plain)
    consequence = found[0].consequence if found else len(plain)
    return _restore(_liability(plain, _Clause(0, len(plain), consequence)), text)


def _restore(liability: Liability, text: str) -> Liability:
    """Quotes as printed: the text was read with ASCII ,;:() as their full-width forms."""
    plain = text.translate(_ASCII)
    if plain == text:
        return liability
    refs = tuple(replace(r, quote=text[r.start:r.end]) for r in liability.references)
    found = tuple(replace(p, quote=text[p.start:p.end], tier=_printed(p.tier, p.start, text,
                                                                       plain))
                  for p in liability.penalties)
    return replace(liability, references=refs, penalties=found)


def _printed(tier: str | None, before: int, text: str, plain: str) -> str | None:
    at = plain.rfind(tier, 0, before) if tier else -1
    return text[at:at + len(tier)] if tier and at >= 0 else tier


def _liability(text: str, clause: _Clause, context: Reference | None = None) -> Liability:
    breach = text[clause.start:clause.consequence]
    offset = clause.start
    refs = tuple(_shift(r, offset) for r in references(breach, context))
    found = penalties(text, clause.consequence, clause.end)
    enforcers = parties.enforcers(text[clause.consequence:clause.end])
    liable = _liable(breach, text[clause.consequence:clause.end], found)
    rules = _rules(breach, refs, enforcers, liable, found)
    return Liability(refs, enforcers, liable, tuple(found), clause.start,
                     _trimmed_end(text, clause), rules, _confidence(rules, found))


def _shift(ref: Reference, offset: int) -> Reference:
    return replace(ref, start=ref.start + offset, end=ref.end + offset)


def _liable(breach: str, consequence: str, found: list[Penalty]) -> tuple[str, ...]:
    """The violator named before the breach, then the parties of the consequences."""
    segments = [breach[s.start:s.end] for s in spans.segments(breach, 0, len(breach))]
    named = parties.subject(segments[0]) if segments else ()
    if not named and len(segments) > 1 and _BREACH.match(segments[0]):
        named = parties.subject(segments[1])
    more = [d for p in found for d in p.liable] + list(parties.parties(consequence))
    return tuple(dict.fromkeys([*named, *more]))


def _rules(breach: str, refs: tuple[Reference, ...], enforcers: tuple[str, ...],
           liable: tuple[str, ...], found: list[Penalty]) -> tuple[str, ...]:
    names = ["breach:违反" if "违反" in breach else "breach:implicit"]
    names += ["references"] if refs else []
    names += ["enforcer:由"] if enforcers else []
    names += ["liable"] if liable else []
    names += sorted({f"penalty:{p.kind}" for p in found})
    names += ["tier"] if any(p.tier for p in found) else []
    names += ["amount:unparsed"] if any(p.amount_problem for p in found) else []
    return tuple(names)


def _confidence(rules: tuple[str, ...], found: list[Penalty]) -> float:
    if not found:
        return 0.3
    score = 0.9 if "breach:违反" in rules else 0.8
    score -= 0.3 if "amount:unparsed" in rules else 0.0
    score -= 0.1 if all(p.from_lead_in for p in found) else 0.0
    return round(score, 2)


def _trimmed_end(text: str, clause: _Clause) -> int:
    return clause.start + len(text[clause.start:clause.end].rstrip("；;。 "))


def _with_lead_in(own: Liability, lead: Liability) -> Liability:
    """An item under a lead-in: the lead-in's consequences apply to it, except a bare
    fine or 按照下列规定处罚 that the item's own consequences spell out."""
    inherited = [replace(p, from_lead_in=True) for p in lead.penalties]
    if own.penalties:
        inherited = [p for p in inherited if not _spelt_out_by_items(p)]
    taken = (*inherited, *own.penalties)
    result = replace(own, references=own.references or lead.references,
                     enforced_by=own.enforced_by or lead.enforced_by,
                     liable=own.liable or lead.liable, penalties=taken)
    rules = own.rules + ("lead-in",) + (() if own.references else ("lead-in:references",))
    return replace(result, rules=rules, confidence=_confidence(rules, list(taken)))


def _spelt_out_by_items(penalty: Penalty) -> bool:
    if penalty.kind == "Fine":
        return not penalty.has_bounds and not penalty.daily
    return penalty.kind == "Other" and "下列" in penalty.quote
