"""The rules that make draft statements, and how far each is to be trusted.

Every draft statement names the rule that made it (``rule``) and carries that rule's
confidence (``confidence``, 0..1), written into the .draft.toml and emitted as dg:rule
and dg:confidence, so that a reviewer can sort drafts by doubt. The figures are set by
hand, ordered by how much each rule has to infer (a subject read before the cue, one
carried over from the sentence before, one implied by a thing, none at all); they cannot
be fitted on the development regulations, where every rule is right almost always
(in-sample). ``kg eval --held-out`` reports each rule's precision on the held-out
regulations, the check on these figures. A statement naming a designation the lexicon
lacks is less sure (its designation may be badly cut).
"""

from __future__ import annotations

from dataclasses import replace

from kg.source.statements import Statement

RULES = {
    "cue-with-subject": 0.9,        # 应当/不得/可以 with a subject read before the cue
    "cue-continued-subject": 0.75,  # a sentence without subject continues the one before
    "encouragement-object": 0.9,    # 鼓励/支持 + the parties encouraged
    "nested-encouragement": 0.75,   # 支持 inside 应当: the party supported
    "list-item": 0.85,              # an item of a 下列 list: its lead-in's cue and subject
    "indicative-office": 0.6,       # an office 实施监督管理 without a modal (§12)
    "province-acts": 0.7,           # 本省 + verb: an obligation of 省人民政府 (§12)
    "cue-article-subject": 0.55,    # no subject: the offices of the article's paragraph before
    "act-performer": 0.5,           # 起草…，应当: the body performing the act (§2)
    "carrier-subject": 0.7,         # a thing as subject binds the party answerable for it
    "conditional-permission": 0.6,  # …的，可以…: a power of the party named
    "unstated-subject": 0.4,        # no subject in the text: 未明示主体 (GUIDELINE §11)
    "provision-purpose": 0.95,
    "provision-scope": 0.8,
    "provision-definition": 0.85,
    "provision-commencement": 0.95,
    "liability-clause": 0.8,        # scaled by kg.drafts.liability's own confidence
}
NEW_DESIGNATION = 0.9  # factor when an addressee is not in the lexicon


def rated(statement: Statement, rule: str, known: bool = True,
          factor: float = 1.0) -> Statement:
    """The statement with its rule and confidence; ``known``: every designation it
    names is in the lexicon."""
    score = RULES[rule] * factor * (1.0 if known else NEW_DESIGNATION)
    return replace(statement, rule=rule, confidence=round(min(score, 1.0), 2))
