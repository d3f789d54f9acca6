"""Draft → TOML text in the annotation format (data/annotations/README.md)."""

from __future__ import annotations

import json

from kg.drafts.annotator.draft import Draft
from kg.source.annotations import unit_text
from kg.source.model import Regulation
from kg.source.statements import Anchor, Penalty, Statement

HEADER = """\
# Machine-made draft annotations of {slug} — written by `kg ingest`; do not edit.
# Statements built from this file are marked prov:wasGeneratedBy the rule annotator
# and dg:machineMade true. To curate a unit, copy its statements into
# data/annotations/{slug}.toml and correct them there: curated annotations win per unit.
# New designations are defined below; `kg ingest --promote-actors {slug}` moves the
# curated ones into the shared data/lexicon.toml.
"""


def _s(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(_s(v) for v in values) + "]"


def render(draft: Draft, regulation: Regulation) -> str:
    lines = [HEADER.format(slug=draft.slug)]
    for (kind, zh), term in sorted(draft.terms.items()):
        lines += [f"[{kind}.{_s(zh)}]", f"id = {_s(term.id)}", f"en = {_s(term.en)}"]
        if kind != "mechanism":
            lines.append(f"class = {_s(term.cls)}")
        lines.append("")
    for statement in draft.statements:
        lines += [*_statement(statement, _occurrence(regulation, statement),
                              _texts(regulation, statement)), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def statement_lines(statement: Statement, regulation: Regulation) -> list[str]:
    """One statement as a ``[[statement]]`` table (its penalties last), as drafts write it;
    `kg review` writes reviewed statements the same way."""
    return _statement(statement, _occurrence(regulation, statement),
                      _texts(regulation, statement))


def _texts(regulation: Regulation, statement: Statement) -> tuple[str, str]:
    """The unit's text and, for an item, its paragraph's (a penalty may quote either)."""
    at = statement.at
    lead = unit_text(regulation, Anchor(at.article, at.paragraph)) if at.item else ""
    return unit_text(regulation, at) or "", lead or ""


def _occurrence(regulation: Regulation, statement: Statement) -> int | None:
    """Which occurrence of its quote a statement is, when the quote is not unique."""
    text = unit_text(regulation, statement.at) or ""
    starts = [i for i in range(len(text)) if text.startswith(statement.quote, i)]
    return starts.index(statement.start) + 1 if len(starts) > 1 else None


def _statement(st: Statement, occurrence: int | None,
               unit_or_lead_in: tuple[str, str] = ("", "")) -> list[str]:
    lines = ["[[statement]]", f"at = {_s(str(st.at))}", f"class = {_s(st.kind)}"]
    if st.cue:
        lines.append(f"cue = {_s(st.cue)}")
    lines.append(f"quote = {_s(st.quote)}")
    if occurrence:
        lines.append(f"occurrence = {occurrence}")
    for key, values in (("addressee", st.addressees), ("establishes", st.establishes),
                        ("concerns", st.concerns), ("promoter", st.promoters)):
        if values:
            lines.append(f"{key} = {_list(values)}")
    if st.action:
        lines.append(f"action = {_s(st.action)}")
    if st.kind == "Liability":
        lines.append(f"enforces = {_list(tuple(str(c) for c in st.enforces))}")
    for key, values in (("enforced_by", st.enforced_by), ("liable", st.liable)):
        if values:
            lines.append(f"{key} = {_list(values)}")
    if st.rule:
        lines.append(f"rule = {_s(st.rule)}")
    if st.confidence is not None:
        lines.append(f"confidence = {st.confidence:.2f}")
    for penalty in st.penalties:
        lines += _penalty(penalty, unit_or_lead_in)
    return lines


def _penalty(penalty: Penalty, texts: tuple[str, str]) -> list[str]:
    lines = ["", "[[statement.penalty]]", f"kind = {_s(penalty.kind)}",
             f"quote = {_s(penalty.quote)}"]
    text = texts[1] if penalty.in_lead_in and penalty.quote not in texts[0] else texts[0]
    starts = [i for i in range(len(text)) if text.startswith(penalty.quote, i)]
    if len(starts) > 1 and penalty.start in starts:
        lines.append(f"occurrence = {starts.index(penalty.start) + 1}")
    for key, value in (("min", penalty.min_amount), ("max", penalty.max_amount),
                       ("min_multiple", penalty.min_multiple),
                       ("max_multiple", penalty.max_multiple)):
        if value is not None:
            lines.append(f"{key} = {value.normalize():f}")
    for key, text_value in (("basis", penalty.basis), ("tier", penalty.tier)):
        if text_value:
            lines.append(f"{key} = {_s(text_value)}")
    return lines
