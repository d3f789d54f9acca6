"""The page model: plain, frozen-after-load records read once from the built store.

The data never changes while one build is served, so every page reads these
records from memory instead of querying the store per request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DG = "https://w3id.org/dutygraph/ontology#"
NORM_CLASSES = ("Obligation", "Prohibition", "Permission", "Encouragement")
PROVISION_CLASSES = ("Purpose", "Scope", "Definition", "Commencement")
STATEMENT_CLASSES = NORM_CLASSES + PROVISION_CLASSES
TERM_KINDS = ("actor", "mechanism", "carrier")


@dataclass
class Term:
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
class Unit:
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
class Statement:
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
    applies_to: set[str] = field(default_factory=set)

    @property
    def is_norm(self) -> bool:
        return self.cls in NORM_CLASSES

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
class Regulation:
    iri: str
    slug: str
    zh: str
    en: str
    date_document: str = ""
    in_force: str = ""

    def label(self, lang: str) -> str:
        return (self.en if lang == "en" else self.zh) or self.zh or self.slug
