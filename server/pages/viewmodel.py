"""The pages' view model: plain records made from the rows of the page queries
(server/pages/reads.py). They are what a page shows, not the build's model: the
statements themselves are kg/source/statements.py's, whose kinds are used here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.source.statements import NORM_KINDS


@dataclass
class TermView:
    """An actor, carrier or mechanism designation."""

    iri: str
    kind: str
    id: str
    zh: str
    en: str
    within: set[str] = field(default_factory=set)
    broader: list[str] = field(default_factory=list)
    narrower: list[str] = field(default_factory=list)

    def label(self, lang: str) -> str:
        return (self.en if lang == "en" else self.zh) or self.zh or self.en or self.id


@dataclass
class UnitView:
    """A regulation, chapter, article, paragraph or item."""

    iri: str
    kind: str
    slug: str
    eid: str
    ordinal: int = 0
    number: str = ""
    title: str = ""
    zh: str = ""
    en: str = ""
    text: str = ""
    parent: str | None = None
    children: list[str] = field(default_factory=list)

    def label(self, lang: str) -> str:
        return (self.en if lang == "en" else self.zh) or self.zh or self.en or self.eid


@dataclass
class StatementView:
    """A norm or provision with its evidence span and links."""

    iri: str
    cls: str
    source: str
    start: int = 0
    end: int = 0
    exact: str = ""
    cue: str = ""
    action: str = ""
    zh: str = ""
    en: str = ""
    links: dict[str, list[str]] = field(default_factory=dict)
    review: str = ""  # dg:reviewStatus, local name (Draft, Confirmed …); "" curated by hand
    applies_to: set[str] = field(default_factory=set)

    @property
    def is_norm(self) -> bool:
        return self.cls in NORM_KINDS

    @property
    def slug(self) -> str:
        return self.iri.split("/reg/", 1)[1].split("/", 1)[0]

    @property
    def path(self) -> str:
        """slug/eid/name: the part of the IRI after reg/."""
        return self.iri.split("/reg/", 1)[1]

    def linked(self, prop: str) -> list[str]:
        return self.links.get(prop, [])

    def label(self, lang: str) -> str:
        return (self.en if lang == "en" else self.zh) or self.zh or self.iri


@dataclass
class RegulationView:
    iri: str
    slug: str
    zh: str
    en: str
    date_document: str = ""
    in_force: str = ""

    def label(self, lang: str) -> str:
        return (self.en if lang == "en" else self.zh) or self.zh or self.slug


@dataclass
class PenaltyView:
    """One consequence of a breach: its kind (a concept of dg:penaltyKinds), amounts in
    yuan or multiples of a basis, the condition of its own tier, the words stating it."""

    kind: str
    kind_zh: str
    kind_en: str
    exact: str = ""
    minimum: str = ""
    maximum: str = ""
    min_multiple: str = ""
    max_multiple: str = ""
    basis: str = ""
    condition: str = ""

    def label(self, lang: str) -> str:
        return (self.kind_en if lang == "en" else self.kind_zh) or self.kind_zh or self.kind

    def amounts(self, lang: str) -> str:
        """The fine's range as a reader says it: 200–500 元, ≤ 5,000 元, 1–3 × 违法所得."""
        unit = " yuan" if lang == "en" else " 元"
        money = _range(self.minimum, self.maximum)
        times = _range(self.min_multiple, self.max_multiple)
        if money:
            return money + unit
        return f"{times} × {self.basis}".strip() if times else ""


def _range(low: str, high: str) -> str:
    def shown(value: str) -> str:
        number = float(value)
        return f"{number:,.0f}" if number == int(number) else f"{number:g}"
    if low and high:
        return shown(low) if float(low) == float(high) else f"{shown(low)}–{shown(high)}"
    if high:
        return f"≤ {shown(high)}"
    return f"≥ {shown(low)}" if low else ""


@dataclass
class LiabilityView:
    """A liability provision as the duties it enforces show it: where it is stated and
    its penalties in the order of the text."""

    iri: str
    source: str
    penalties: dict[str, PenaltyView] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return self.iri.split("/reg/", 1)[1]

    def ordered(self) -> list[PenaltyView]:
        return [self.penalties[p] for p in sorted(
            self.penalties, key=lambda p: int(p.rsplit("-", 1)[-1]))]
