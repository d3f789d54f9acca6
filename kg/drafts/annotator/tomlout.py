"""Draft → TOML text in the annotation format (data/annotations/README.md)."""

from __future__ import annotations

import json

from kg.drafts.annotator.draft import Draft
from kg.source.annotations import unit_text
from kg.source.model import Regulation
from kg.source.statements import Statement

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
        lines += [*_statement(statement, _occurrence(regulation, statement)), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _occurrence(regulation: Regulation, statement: Statement) -> int | None:
    """Which occurrence of its quote a statement is, when the quote is not unique."""
    text = unit_text(regulation, statement.at) or ""
    starts = [i for i in range(len(text)) if text.startswith(statement.quote, i)]
    return starts.index(statement.start) + 1 if len(starts) > 1 else None


def _statement(st: Statement, occurrence: int | None) -> list[str]:
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
    return lines
