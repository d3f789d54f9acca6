"""A decision as the review screen sends it (JSON) → a Decision, every field checked."""

from __future__ import annotations

import dataclasses
from typing import Any

from kg.errors import ReviewError
from kg.review.decisions import VERDICTS, Decision
from kg.review.workspace import Workspace
from kg.source.annotations import unit_text
from kg.source.statements import KINDS, Anchor, Statement
from server.review import consequences

CUES = ("应当", "不得", "禁止", "可以", "鼓励", "支持", "引导", "提倡", "必须", "有权")


def decision(workspace: Workspace, reviewer: str, body: dict[str, Any]) -> Decision:
    verdict = body.get("verdict")
    if verdict not in VERDICTS:
        raise ReviewError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    if verdict == "add":
        return Decision("add", _added(workspace, body), reviewer)
    draft = workspace.find(str(body.get("key", ""))).draft
    if draft is None:
        raise ReviewError("a norm added in review is undone, not decided on")
    if verdict != "correct":
        return Decision(verdict, draft, reviewer)
    fields = body.get("fields") or {}
    corrected = _corrected(draft, fields)
    if draft.kind == "Liability":
        corrected = dataclasses.replace(
            corrected, **consequences.corrected(workspace, draft, fields))
    if dataclasses.replace(corrected, machine_made=True) == draft:
        return Decision("confirm", draft, reviewer)
    return Decision("correct", corrected, reviewer, draft=draft)


def withdraws(workspace: Workspace, body: dict[str, Any]) -> bool:
    """Whether ``body`` rejects a norm added in review: that withdraws the addition."""
    return body.get("verdict") == "reject" and workspace.find(
        str(body.get("key", ""))).draft is None


def _corrected(draft: Statement, fields: dict[str, Any]) -> Statement:
    changes: dict[str, Any] = {}
    if "class" in fields:
        changes["kind"] = _kind(fields["class"], liability=draft.kind == "Liability")
    for key, attr in (("addressee", "addressees"), ("establishes", "establishes"),
                      ("concerns", "concerns")):
        if key in fields:
            changes[attr] = _names(fields[key], key)
    for key in ("cue", "action"):
        if key in fields:
            changes[key] = _text(fields[key]) or None
    return dataclasses.replace(draft, machine_made=False, **changes)


def _added(workspace: Workspace, body: dict[str, Any]) -> Statement:
    try:
        at = Anchor.parse(str(body.get("at", "")))
    except ValueError as exc:
        raise ReviewError(str(exc)) from None
    text = unit_text(workspace.regulation, at)
    quote = _text(body.get("quote"))
    if text is None or not quote or quote not in text:
        raise ReviewError(f"the quote is not a piece of {at}: select or type text of one unit")
    start = body.get("start")
    if start is None:  # typed, not selected: it must occur once
        if text.count(quote) > 1:
            raise ReviewError(f"the quote occurs {text.count(quote)} times in {at}: "
                              "select the one you mean")
        start = text.index(quote)
    if not isinstance(start, int) or text[start:start + len(quote)] != quote:
        raise ReviewError(f"the selection is not a piece of {at}: select text of one unit")
    fields = body.get("fields") or {}
    cue = _text(fields.get("cue")) or next((c for c in CUES if c in quote), None)
    return Statement(kind=_kind(fields.get("class", "Obligation")), at=at, quote=quote,
                     start=start, end=start + len(quote), cue=cue,
                     addressees=_names(fields.get("addressee", []), "addressee"),
                     action=_text(fields.get("action")) or None,
                     establishes=_names(fields.get("establishes", []), "establishes"),
                     concerns=_names(fields.get("concerns", []), "concerns"))


def _kind(value: object, liability: bool = False) -> str:
    """A class; Liability only stays one (its penalties are not edited here)."""
    if value not in KINDS or (value == "Liability") != liability:
        raise ReviewError(f"class must be a norm or provision class, not {value!r}")
    return str(value)


def _names(value: object, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReviewError(f"{key} must be a list of designations")
    return tuple(dict.fromkeys(v.strip() for v in value if v.strip()))


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
