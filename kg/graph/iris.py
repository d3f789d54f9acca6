"""Stable, readable IRIs. The same input always gives the same IRIs.

Units use Akoma Ntoso-style eIds (art_9__para_2__item_3) under the regulation;
statements are named by class and character span, so adding an annotation
elsewhere never renames one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from rdflib import URIRef

from kg.namespaces import DEFAULT_BASE
from kg.source.statements import Anchor, Statement


def chapter_eid(ordinal: int) -> str:
    return f"chp_{ordinal}"


def section_eid(chapter: int, ordinal: int) -> str:
    """A 节 within its 章: chp_2__sec_1 (sections are numbered within their chapter)."""
    return f"{chapter_eid(chapter)}__sec_{ordinal}"


def unit_eid(anchor: Anchor) -> str:
    eid = f"art_{anchor.article}__para_{anchor.paragraph}"
    return eid if anchor.item is None else f"{eid}__item_{anchor.item}"


def iri_segment(text: str) -> str:
    """A path segment of an IRI (RFC 3987): Chinese and other non-ASCII characters as
    they are; ASCII other than unreserved characters percent-encoded."""
    return "".join(c if ord(c) >= 0xA0 else quote(c, safe="-_.~") for c in text)


def iri_path(path: str) -> str:
    """The IRI path of a decoded request path, each segment as iri_segment writes it, so
    that an IRI dereferences whether it was asked for as IRI or as URI."""
    return "/".join(iri_segment(part) for part in path.split("/"))


def as_uri(iri: str) -> str:
    """The URI an IRI maps to where it travels as one (an HTTP header, RFC 3987 §3.1):
    each non-ASCII character as its percent-encoded UTF-8."""
    return "".join(quote(c, safe="") if ord(c) > 127 else c for c in iri)


@dataclass(frozen=True)
class Iris:
    base: str = DEFAULT_BASE

    def regulation(self, slug: str) -> URIRef:
        return URIRef(f"{self.base}reg/{slug}")

    def chapter(self, slug: str, ordinal: int) -> URIRef:
        return URIRef(f"{self.base}reg/{slug}/{chapter_eid(ordinal)}")

    def section(self, slug: str, chapter: int, ordinal: int) -> URIRef:
        return URIRef(f"{self.base}reg/{slug}/{section_eid(chapter, ordinal)}")

    def article(self, slug: str, ordinal: int) -> URIRef:
        return URIRef(f"{self.base}reg/{slug}/art_{ordinal}")

    def unit(self, slug: str, anchor: Anchor) -> URIRef:
        return URIRef(f"{self.base}reg/{slug}/{unit_eid(anchor)}")

    def statement(self, slug: str, statement: Statement) -> URIRef:
        return URIRef(f"{self.unit(slug, statement.at)}/{statement.name}")

    def evidence(self, slug: str, statement: Statement) -> URIRef:
        return URIRef(f"{self.statement(slug, statement)}/evidence")

    def term(self, kind: str, term_id: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{iri_segment(term_id)}")

    def version(self, slug: str, day: date) -> URIRef:
        return URIRef(f"{self.regulation(slug)}/version/{day.isoformat()}")

    def law(self, title: str) -> URIRef:
        """A law a regulation cites, named by its title."""
        return self.term("law", title)

    def graph(self, name: str) -> URIRef:
        return URIRef(f"{self.base}graph/{name}")

    def jurisdiction(self, name: str) -> URIRef:
        return URIRef(f"{self.base}jurisdiction/{name}")

    def agent(self, name: str) -> URIRef:
        return URIRef(f"{self.base}agent/{name}")

    def reviewer(self, name: str) -> URIRef:
        """The prov:Agent of a person who reviewed drafts, by the name they gave."""
        return URIRef(f"{self.base}agent/reviewer/{iri_segment(name)}")
