"""Reviewers' decisions in a curated annotation file (written by `kg review`).

A reviewed statement is an ordinary ``[[statement]]`` with ``review`` (Confirmed,
Corrected or Added), ``reviewer``, ``reviewed`` (a TOML date-time) and, unless it was
added, ``draft``: the name of the draft it replaces in its unit (obligation-0-54). A
rejected draft is a ``[[rejected]]`` table naming its unit and draft. Format:
data/annotations/README.md.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from kg.errors import AnnotationError
from kg.source import tomlfile
from kg.source.statements import REVIEW_STATUSES, Anchor, Rejection, Review

KEYS = {"review", "reviewer", "reviewed", "draft"}
REJECTED_KEYS = {"at", "draft", "reviewer", "reviewed"}


class Failing(Protocol):
    def fail(self, problem: str) -> AnnotationError: ...


def of_entry(entry: dict[str, Any], ctx: Failing) -> Review | None:
    """The review of a ``[[statement]]``, or None for a statement written by hand."""
    if not KEYS & set(entry):
        return None
    status = entry.get("review")
    if status not in REVIEW_STATUSES:
        raise ctx.fail(f"`review` must be one of {', '.join(REVIEW_STATUSES)}, not {status!r}")
    draft = entry.get("draft")
    if (status == "Added") != (draft is None):
        raise ctx.fail("`draft` names the replaced draft of a Confirmed or Corrected "
                       "statement; an Added one has none")
    if draft is not None and (not isinstance(draft, str) or not draft):
        raise ctx.fail("`draft` must be the draft's name in its unit, like obligation-0-54")
    return Review(status, _reviewer(entry, ctx), _time(entry, ctx), draft)


def rejections(path: Path, data: dict[str, Any]) -> tuple[Rejection, ...]:
    """The ``[[rejected]]`` tables of a file."""
    lines = tomlfile.header_lines(path, "rejected")
    found = []
    for i, entry in enumerate(data.get("rejected", [])):
        ctx = _At(path, lines[i] if i < len(lines) else None)
        unknown = set(entry) - REJECTED_KEYS
        if unknown:
            raise ctx.fail(f"unknown key(s) {sorted(unknown)} in [[rejected]]; "
                           f"known: {sorted(REJECTED_KEYS)}")
        try:
            at = Anchor.parse(entry.get("at", ""))
        except ValueError as exc:
            raise ctx.fail(str(exc)) from None
        draft = entry.get("draft")
        if not isinstance(draft, str) or not draft:
            raise ctx.fail("`draft` must name the rejected draft, like obligation-0-54")
        found.append(Rejection(at, draft, _reviewer(entry, ctx), _time(entry, ctx), ctx.line))
    return tuple(found)


class _At:
    def __init__(self, path: Path, line: int | None) -> None:
        self.path, self.line = path, line

    def fail(self, problem: str) -> AnnotationError:
        return AnnotationError(self.path, self.line, problem)


def _reviewer(entry: dict[str, Any], ctx: Failing) -> str:
    name = entry.get("reviewer")
    if not isinstance(name, str) or not name.strip():
        raise ctx.fail("`reviewer` must be the reviewer's name")
    return name


def _time(entry: dict[str, Any], ctx: Failing) -> datetime:
    value = entry.get("reviewed")
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ctx.fail("`reviewed` must be a date-time with its offset, "
                       "like 2026-12-01T12:00:00Z")
    return value
