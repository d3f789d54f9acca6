"""What a liability clause says, as frozen values (no RDF, no I/O).

Offsets are character offsets into the text that was read (``Penalty.from_lead_in``
says when that is the lead-in rather than the unit itself).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# dg:penaltyKind concepts (vocabulary.md, "Consequences"), plus Criminal and Other.
PENALTY_KINDS = ("Warning", "Fine", "Confiscation", "Rectification", "Suspension",
                 "Revocation", "Discipline", "Compensation", "Criminal", "Other")


@dataclass(frozen=True)
class Reference:
    """One norm a clause cites as breached: 第十一条, 第十三条第二款, 前款, 第X条第（一）项.

    ``relative`` is 前款, 前两款, 本条 or 前条 when the citation counts from where it
    stands; ``article`` is None then, and for a bare 第（一）项 whose article the text
    leaves to its context. A list or range (第十条至第十二条) gives one Reference per
    article, paragraph or item, all with the quote of the whole citation.
    """

    quote: str
    start: int
    end: int
    article: int | None = None
    paragraph: int | None = None
    item: int | None = None
    relative: str | None = None


@dataclass(frozen=True)
class Target:
    """A resolved reference: the article, and the paragraph and item where stated."""

    article: int
    paragraph: int | None = None
    item: int | None = None


@dataclass(frozen=True)
class Penalty:
    """One consequence (dg:Penalty): its kind, the words stating it and, for a fine,
    the bounds as stated. ``tier`` is the condition it is subject to (情节严重的,
    逾期不改正的 …), None when it applies to the breach as such. ``liable`` names whom
    this one penalty falls on when the text says (对单位处… → 单位). ``amount_problem``
    says why a fine's amount could not be read (its bounds are then None)."""

    kind: str
    quote: str
    start: int
    end: int
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    min_multiple: Decimal | None = None
    max_multiple: Decimal | None = None
    basis: str | None = None
    per_unit: str | None = None
    daily: bool = False
    tier: str | None = None
    liable: tuple[str, ...] = ()
    amount_problem: str | None = None
    from_lead_in: bool = False

    @property
    def has_bounds(self) -> bool:
        return any(v is not None for v in (self.min_amount, self.max_amount,
                                           self.min_multiple, self.max_multiple))


@dataclass(frozen=True)
class Liability:
    """One liability clause (dg:Liability): the norms it enforces (as references),
    who imposes and who bears the consequences, and the consequences in text order.
    ``rules`` names the reading rules that fired; ``confidence`` is 0..1."""

    references: tuple[Reference, ...]
    enforced_by: tuple[str, ...]
    liable: tuple[str, ...]
    penalties: tuple[Penalty, ...]
    start: int
    end: int
    rules: tuple[str, ...] = ()
    confidence: float = 1.0

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end
