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
