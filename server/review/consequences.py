"""A liability's correction: who enforces, who is liable, the units it sanctions, and
each consequence (kind, span, amounts), from the review screen's JSON."""

from __future__ import annotations

import dataclasses
from decimal import Decimal, InvalidOperation
from typing import Any

from kg.errors import ReviewError
from kg.review.workspace import Workspace
from kg.source.annotations import unit_text
from kg.source.statements import PENALTY_KINDS, Anchor, Cited, Penalty, Statement

KIND_ZH = {"Warning": "警告", "Fine": "罚款", "Confiscation": "没收", "Rectification": "责令改正",
           "Suspension": "责令停产停业", "Revocation": "吊销", "Discipline": "处分",
           "Compensation": "赔偿", "Criminal": "刑事责任", "Other": "其他"}


def corrected(workspace: Workspace, draft: Statement, fields: dict[str, Any]) -> dict:
    """The Statement fields a liability's correction changes."""
    changes: dict[str, Any] = {}
    for key in ("enforced_by", "liable"):
        if key in fields:
            changes[key] = _names(fields[key], key)
    if "enforces" in fields:
        changes["enforces"] = tuple(_cited(v) for v in _names(fields["enforces"], "enforces"))
    if "penalties" in fields:
        changes["penalties"] = tuple(_penalty(workspace, draft, i, p)
                                     for i, p in enumerate(_rows(fields["penalties"])))
    return changes


def shown(statement: Statement) -> dict:
    return {"enforced_by": list(statement.enforced_by), "liable": list(statement.liable),
            "enforces": [str(c) for c in statement.enforces],
            "penalties": [{"kind": p.kind, "kind_zh": KIND_ZH[p.kind], "quote": p.quote,
                           "min": _plain(p.min_amount), "max": _plain(p.max_amount)}
                          for p in statement.penalties]}


def _penalty(workspace: Workspace, draft: Statement, index: int, row: dict) -> Penalty:
    kind, quote = row.get("kind"), str(row.get("quote", "")).strip()
    if kind not in PENALTY_KINDS:
        raise ReviewError(f"a consequence's kind is one of {', '.join(PENALTY_KINDS)}")
    amounts = {"min_amount": _amount(row.get("min")), "max_amount": _amount(row.get("max"))}
    old = draft.penalties[index] if index < len(draft.penalties) else None
    if old is not None and old.quote == quote:
        return dataclasses.replace(old, kind=kind, **amounts)
    text = unit_text(workspace.regulation, draft.at) or ""
    lead = unit_text(workspace.regulation, Anchor(draft.at.article, draft.at.paragraph)) \
        if draft.at.item else None
    if quote and quote in text:
        start, in_lead_in = text.index(quote), False
    elif quote and lead and quote in lead:
        start, in_lead_in = lead.index(quote), True
    else:
        raise ReviewError(f"consequence {quote!r} is not in {draft.at} (or its lead-in)")
    return Penalty(kind, quote, start, start + len(quote), in_lead_in, **amounts)


def _rows(value: object) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ReviewError("penalties must be a list of consequences")
    return [v for v in value if str(v.get("quote", "")).strip()]


def _names(value: object, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReviewError(f"{key} must be a list")
    return tuple(dict.fromkeys(v.strip() for v in value if v.strip()))


def _cited(value: str) -> Cited:
    try:
        return Cited.parse(value)
    except ValueError as exc:
        raise ReviewError(str(exc)) from None


def _amount(value: object) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise ReviewError(f"an amount is a number of yuan, not {value!r}") from None
    if amount < 0:
        raise ReviewError("an amount cannot be negative")
    return amount


def _plain(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"
