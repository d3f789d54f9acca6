"""A reviewer's decision on a draft (confirm, correct, reject) or a norm they add, as the
block of the curated file that records it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from kg.drafts.ingest.drafttoml import statement_lines
from kg.errors import ReviewError
from kg.review import blocks
from kg.source.model import Regulation
from kg.source.statements import NORM_KINDS, Statement

VERDICTS = ("confirm", "correct", "reject", "add")
STATUS = {"confirm": "Confirmed", "correct": "Corrected", "add": "Added"}


@dataclass(frozen=True)
class Decision:
    verdict: str  # one of VERDICTS
    statement: Statement  # the draft decided on; for correct and add, the new statement
    reviewer: str
    draft: Statement | None = None  # the draft a correction replaces
    time: datetime | None = None  # now, unless given

    @property
    def key(self) -> str:
        """The block's key: the unit and the draft decided on (or the added norm)."""
        if self.verdict == "add":
            return f"{self.statement.at} added {self.statement.name}"
        replaced = self.draft or self.statement
        return f"{replaced.at} {replaced.name}"


def decision_key(statement: Statement) -> str:
    """The key a decision on this draft is stored under."""
    return f"{statement.at} {statement.name}"


def render(decision: Decision, regulation: Regulation) -> str:
    """The block recording ``decision``."""
    if decision.verdict not in VERDICTS:
        raise ReviewError(f"a decision is one of {', '.join(VERDICTS)}, not "
                          f"{decision.verdict!r}")
    if not decision.reviewer.strip():
        raise ReviewError("a decision needs the reviewer's name")
    when = (decision.time or datetime.now(UTC)).astimezone(UTC)
    stamp = when.isoformat(timespec="seconds").replace("+00:00", "Z")
    review = [f"reviewer = {blocks.s(decision.reviewer)}", f"reviewed = {stamp}"]
    target = decision.draft or decision.statement
    if decision.verdict == "reject":
        lines = ["[[rejected]]", f"at = {blocks.s(str(target.at))}",
                 f"draft = {blocks.s(target.name)}", *review]
        return blocks.block(decision.key, lines)
    statement = decision.statement
    if statement.kind in NORM_KINDS and not statement.addressees:
        raise ReviewError(f"a {statement.kind} needs at least one addressee")
    status = STATUS[decision.verdict]
    review = [f"review = {blocks.s(status)}", *review]
    if decision.verdict != "add":
        review.append(f"draft = {blocks.s(target.name)}")
    return blocks.block(decision.key, _with_review(statement_lines(statement, regulation),
                                                   review))


def _with_review(lines: list[str], review: list[str]) -> list[str]:
    """The review keys belong to the statement, before its [[statement.penalty]] tables."""
    if "[[statement.penalty]]" in lines:
        cut = lines.index("[[statement.penalty]]") - 1  # the blank line before it
        return lines[:cut] + review + lines[cut:]
    return lines + review


def names(statement: Statement) -> list[tuple[str, str]]:
    """(kind, designation) of every name a statement uses, for the terms it needs;
    ``concerns`` may be any kind (`?`)."""
    found = [("actor", n) for n in (*statement.addressees, *statement.promoters,
                                    *statement.enforced_by, *statement.liable)]
    found += [("mechanism", n) for n in statement.establishes]
    found += [("?", n) for n in statement.concerns]
    return found
