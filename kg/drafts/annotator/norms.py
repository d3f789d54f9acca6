"""Norms of one unit: cue → modality, subject or object → addressees, clause → span."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.drafts.annotator import actors, confidence, cues, mechanisms
from kg.drafts.annotator.cues import Cue
from kg.drafts.annotator.draft import Resolver
from kg.drafts.annotator.subjects import coordination, heads, implied
from kg.source import offices
from kg.source.statements import Anchor, Statement, draft

BACK_REFERENCES = ("前款", "上述", "前述", "本条")


@dataclass
class Unit:
    at: Anchor
    text: str
    inherited: tuple[str, ...] = ()  # the previous paragraph's addressees (前款…)
    previous: tuple[str, ...] = ()  # the addressees of this paragraph's sentence before


def sentence_norms(unit: Unit, span: tuple[int, int], res: Resolver) -> list[Statement]:
    """The norms of one sentence."""
    start, end = span
    found = cues.cues(unit.text, start, end)
    if not found:
        return _indicative(unit, span, res)
    if any(c.kind != "Encouragement" for c in found):
        return _deontic(unit, span, found, res)
    return _encouragements(unit, span, found, res)


def _deontic(unit: Unit, span: tuple[int, int], found: list[Cue],
             res: Resolver) -> list[Statement]:
    text, (start, end) = unit.text, span
    heads = [c for c in found if c.kind != "Encouragement"]
    out: list[Statement] = []
    subject: tuple[str, ...] = ()
    heads = [c for i, c in enumerate(heads) if i == 0 or c.kind != heads[i - 1].kind
             or cues.clause_start(text, c.start, start) > heads[i - 1].start]
    for i, cue in enumerate(heads):
        first = i == 0
        left = start if first else cues.clause_start(text, cue.start, start)
        right = cues.clause_start(text, heads[i + 1].start, start) if i + 1 < len(heads) else end
        own, carriers = _subject(text[left:cue.start], res)
        if own:
            subject, rule = tuple(own), "cue-with-subject"
        elif first:
            subject, rule = _implied(unit, text[left:cue.start], text[cue.end:end], res)
        if not subject:
            continue
        out.append(_norm(unit, cue, left, max(right, cue.end), subject, res, carriers,
                         rule=rule))
        out.extend(_nested(unit, found, cue, right, subject, res))
    return out


def _implied(unit: Unit, before: str, after: str,
             res: Resolver) -> tuple[tuple[str, ...], str]:
    """The addressees of a cue with no subject of its own (GUIDELINE §11): the previous
    sentence's subject (承前省略), 本省 → 省人民政府, else 未明示主体 — never none."""
    if unit.previous and (_continues(before) or not _names_party(before)):
        return unit.previous, "cue-continued-subject"
    if unit.inherited and before.startswith(BACK_REFERENCES):
        return unit.inherited, "cue-continued-subject"
    if before.lstrip("，").startswith("本省") and res.lexicon.get("actor", "省人民政府"):
        return ("省人民政府",), "province-acts"
    last = before.rstrip("，").split("，")[-1]
    thing = (implied.vehicle_parties(last, unit.text)
             or implied.carrier_body(last)
             or implied.named_party(last, res.text, after)
             or implied.acting_party(last, res.text)
             or implied.act_parties(after)
             or (not before.strip("，") and implied.vehicle_parties(
                 re.split(r"上道路|上路", after)[0], unit.text)))
    if thing:
        return tuple(res.actors(list(thing))[0]), "carrier-subject"
    performer = implied.performer(before)
    if performer and res.actors([performer])[0]:
        return (performer,), "act-performer"
    if unit.inherited and all(offices.parse(a) for a in unit.inherited) \
            and not _names_party(before):
        return unit.inherited, "cue-article-subject"
    return res.unstated(), "unstated-subject"


def _names_party(before: str) -> bool:
    """Whether the text before a cue names something that acts (a thing or a party)."""
    return heads.has_head(actors.subject_phrase(before))


def _indicative(unit: Unit, span: tuple[int, int], res: Resolver) -> list[Statement]:
    """GUIDELINE §12: an office that, in the indicative, 实施监督管理 or 做好 a task has
    that duty; the cue is the light verb with its object (实施统一监督管理)."""
    match = cues.INDICATIVE.search(unit.text, *span)
    if not match:
        return []
    own, carriers = _subject(unit.text[span[0]:match.start()], res)
    if not own or not all(offices.parse(a) for a in own):
        return []
    cue = Cue("Obligation", match.group(0), match.start(), match.end())
    return [_norm(unit, cue, span[0], span[1], tuple(own), res, carriers,
                  rule="indicative-office")]


def _continues(before: str) -> bool:
    """A subject-less clause that only refers back (前款所称…，应当…) keeps the
    previous addressees."""
    return not before.strip("，") or before.startswith(BACK_REFERENCES)


def _subject(before: str, res: Resolver) -> tuple[list[str], list[str]]:
    phrase = actors.subject_phrase(before)
    if not phrase or phrase.startswith(BACK_REFERENCES):
        return [], []
    return res.actors(coordination.split(phrase, res.matcher))


def _nested(unit: Unit, found: list[Cue], head: Cue, right: int, subject: tuple[str, ...],
            res: Resolver) -> list[Statement]:
    """Encouragements inside an obligation (应当…支持、引导龙头企业…): one more norm
    for the party encouraged, with the obliged body as promoter."""
    out = []
    for cue in found:
        if cue.kind != "Encouragement" or not head.end <= cue.start < right:
            continue
        if cue.start != head.end and not cues.is_clause_initial(unit.text, cue, head.end):
            continue
        addressees, carriers = _object(unit.text, cue, res)
        if addressees:
            stop = cues.clause_end(unit.text, cue.end, right)
            out.append(_norm(unit, cue, cue.start, stop, tuple(addressees), res, carriers,
                             promoters=subject, rule="nested-encouragement"))
    return out


def _object(text: str, cue: Cue, res: Resolver) -> tuple[list[str], list[str]]:
    phrase = actors.object_phrase(text[cue.end:], res.matcher)
    return res.actors(coordination.split(phrase, res.matcher)) if phrase else ([], [])


def _after_object(text: str, cue: Cue, res: Resolver) -> Cue:
    """The encouraged act starts after the named parties: a cue-like marker there."""
    phrase = actors.object_phrase(text[cue.end:], res.matcher)
    end = cue.end + len(phrase)
    end += len(text[end:]) - len(text[end:].lstrip("，"))
    return Cue(cue.kind, cue.text, cue.start, end)


def _encouragements(unit: Unit, span: tuple[int, int], found: list[Cue],
                    res: Resolver) -> list[Statement]:
    text, (start, end) = unit.text, span
    starts: list[tuple[Cue, list[str], list[str]]] = []
    for cue in found:
        if starts and not cues.is_clause_initial(text, cue, start):
            continue
        addressees, carriers = _object(text, cue, res)
        if addressees:
            starts.append((cue, addressees, carriers))
    promoter, _ = _subject(text[start:found[0].start], res)
    promoters = tuple(promoter) or res.implied_promoter()
    if not starts and (promoter or not text[start:found[0].start].strip("，")):
        # 鼓励 + a place or a bare act: the party is not named (GUIDELINE §11)
        return [_norm(unit, found[0], start, end, res.unstated(), res, [],
                      promoters=promoters, rule="unstated-subject")]
    out = []
    for i, (cue, addressees, carriers) in enumerate(starts):
        left = start if i == 0 else cues.clause_start(text, cue.start, start)
        right = (cues.clause_start(text, starts[i + 1][0].start, start)
                 if i + 1 < len(starts) else end)
        out.append(_norm(unit, cue, left, right, tuple(addressees), res, carriers,
                         promoters=promoters, rule="encouragement-object"))
    return out


def _norm(unit: Unit, cue: Cue, left: int, right: int, addressees: tuple[str, ...],
          res: Resolver, carriers: list[str], promoters: tuple[str, ...] = (),
          rule: str = "cue-with-subject") -> Statement:
    text = unit.text
    quote = text[left:right].rstrip("，")
    act_from = _after_object(text, cue, res).end if cue.kind == "Encouragement" else cue.end
    action = text[act_from:right].rstrip("，。；：").lstrip("，") or None
    found = mechanisms.mechanisms(quote)
    named = [c for c in mechanisms.carriers(quote, res.matcher) if c not in carriers]
    return confidence.rated(draft(
        unit.at, cue.kind, quote, left, cue=cue.text,
        addressees=addressees, action=action,
        establishes=tuple(res.ensure("mechanism", m) for m in found),
        concerns=tuple(dict.fromkeys([*carriers, *named])),
        promoters=tuple(p for p in promoters if p not in addressees)),
        rule, res.known(addressees))
