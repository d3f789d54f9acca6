"""Statements: norms and provisions anchored to exact spans of a unit's text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

NORM_KINDS = ("Obligation", "Prohibition", "Permission", "Encouragement")
DUTY_KINDS = NORM_KINDS[:2]  # the norms that can be breached
PROVISION_KINDS = ("Purpose", "Scope", "Definition", "Commencement", "Liability")
KINDS = NORM_KINDS + PROVISION_KINDS
# the consequences of a breach (vocabulary: dg:penaltyKinds; Criminal and Other are ours)
PENALTY_KINDS = ("Warning", "Fine", "Confiscation", "Rectification", "Suspension",
                 "Revocation", "Discipline", "Compensation", "Criminal", "Other")


@dataclass(frozen=True)
class Anchor:
    """Where a statement sits: article, paragraph and optional item ordinals."""

    article: int
    paragraph: int
    item: int | None = None

    @classmethod
    def parse(cls, text: str) -> Anchor:
        message = ("`at` must be ARTICLE.PARAGRAPH or ARTICLE.PARAGRAPH.ITEM, "
                   f"like 3.2 or 12.1.4, not {text!r}")
        try:
            parts = [int(p) for p in str(text).split(".")]
        except ValueError:
            raise ValueError(message) from None
        if not 2 <= len(parts) <= 3 or min(parts) < 1:
            raise ValueError(message)
        return cls(*parts)

    def __str__(self) -> str:
        return ".".join(str(p) for p in (self.article, self.paragraph, self.item) if p)


@dataclass(frozen=True)
class Cited:
    """A unit a liability clause cites: an article, a paragraph or an item."""

    article: int
    paragraph: int | None = None
    item: int | None = None

    @classmethod
    def parse(cls, text: str) -> Cited:
        message = f"a cited unit is ARTICLE, ARTICLE.PARAGRAPH or ARTICLE.PARAGRAPH.ITEM, " \
                  f"like 11, 13.2 or 13.2.3, not {text!r}"
        try:
            parts = [int(p) for p in str(text).split(".")]
        except ValueError:
            raise ValueError(message) from None
        if not 1 <= len(parts) <= 3 or min(parts) < 1:
            raise ValueError(message)
        return cls(*parts)

    def covers(self, anchor: Anchor) -> bool:
        """Whether a statement at ``anchor`` stands in this unit."""
        return (anchor.article == self.article
                and self.paragraph in (None, anchor.paragraph)
                and self.item in (None, anchor.item))

    def __str__(self) -> str:
        return ".".join(str(p) for p in (self.article, self.paragraph, self.item) if p)


@dataclass(frozen=True)
class Penalty:
    """One consequence of a breach, anchored to the span that states it."""

    kind: str  # one of PENALTY_KINDS
    quote: str
    start: int
    end: int
    in_lead_in: bool = False  # stated in the lead-in paragraph of the liability's item
    min_amount: Decimal | None = None  # yuan
    max_amount: Decimal | None = None
    min_multiple: Decimal | None = None
    max_multiple: Decimal | None = None
    basis: str | None = None  # what a multiple is of: 违法所得
    tier: str | None = None  # the condition of a tier of its own: 情节严重的


REVIEW_STATUSES = ("Confirmed", "Corrected", "Added")  # dg:Draft is every other draft


@dataclass(frozen=True)
class Review:
    """Who decided on a machine-made statement, how and when (the draft it replaces is
    named by its unit and name; an added norm replaces none)."""

    status: str  # one of REVIEW_STATUSES
    reviewer: str
    time: datetime
    draft: str | None = None  # the replaced draft's name in the unit: obligation-0-54


@dataclass(frozen=True)
class Rejection:
    """A draft a reviewer rejected: it is left out of the graph."""

    at: Anchor
    draft: str
    reviewer: str
    time: datetime
    line: int | None = None


@dataclass(frozen=True)
class Statement:
    kind: str
    at: Anchor
    quote: str
    start: int
    end: int
    cue: str | None = None
    addressees: tuple[str, ...] = ()
    action: str | None = None
    establishes: tuple[str, ...] = ()
    concerns: tuple[str, ...] = ()
    promoters: tuple[str, ...] = ()
    machine_made: bool = False
    line: int | None = None
    note: str | None = None
    rule: str | None = None  # for a machine-made statement: the rule that made it
    confidence: float | None = None  # and how sure that rule is, 0..1
    enforces: tuple[Cited, ...] = ()  # a liability: the units whose norms it sanctions
    enforced_by: tuple[str, ...] = ()
    liable: tuple[str, ...] = ()
    penalties: tuple[Penalty, ...] = ()
    review: Review | None = None  # a reviewer's decision on a draft, or a norm they added

    @property
    def is_norm(self) -> bool:
        return self.kind in NORM_KINDS

    @property
    def name(self) -> str:
        """Its name within its unit (class and span): the last segment of its IRI."""
        return f"{self.kind.lower()}-{self.start}-{self.end}"


def draft(at: Anchor, kind: str, quote: str, start: int, **fields: object) -> Statement:
    """A machine-made statement: the span is ``quote`` at ``start`` of the unit's text."""
    return Statement(kind=kind, at=at, quote=quote, start=start, end=start + len(quote),
                     machine_made=True, **fields)  # type: ignore[arg-type]
