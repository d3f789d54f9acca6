"""The slice of the graph one page shows: the regulations, units, statements and terms
that its queries returned (server/pages/reads.py), with the indexes and navigation the
views need. A slice is never the whole graph: each page loads only what it shows.
"""

from __future__ import annotations

from collections import defaultdict

from kg.source.statements import NORM_KINDS
from server.pages.viewmodel import (
    LiabilityView,
    RegulationView,
    StatementView,
    TermView,
    UnitView,
)

LINK_PROPS = ("addressee", "promoter", "establishes", "concerns")


class Slice:
    def __init__(self, class_labels: dict[str, tuple[str, str]]) -> None:
        self.regulations: dict[str, RegulationView] = {}
        self.units: dict[str, UnitView] = {}
        self.statements: dict[str, StatementView] = {}
        self.terms: dict[str, TermView] = {}
        self.class_labels = class_labels
        self.liabilities: dict[str, LiabilityView] = {}  # with their penalties
        self.sanctions: dict[str, list[str]] = defaultdict(list)  # norm → its liabilities
        self.by_unit: dict[str, list[StatementView]] = defaultdict(list)
        self.by_term: dict[str, list[StatementView]] = defaultdict(list)

    def link(self, subject: str, prop: str, obj: str) -> None:
        statement = self.statements.get(subject)
        if statement is None:
            return
        if prop == "appliesTo":
            statement.applies_to.add(obj)
        elif obj not in statement.links.setdefault(prop, []):
            statement.links[prop].append(obj)

    def index(self) -> Slice:
        """Children, broader/narrower terms and statements by unit and by term (again
        after more was loaded)."""
        self.by_unit.clear()
        self.by_term.clear()
        for unit in sorted(self.units.values(), key=lambda u: u.ordinal):
            parent = self.units.get(unit.parent or "")
            if parent is not None and unit.iri not in parent.children:
                parent.children.append(unit.iri)
        for term in self.terms.values():
            term.broader = direct_broader(term.within, self.terms)
        for term in self.terms.values():
            for broader in term.broader:
                if term.iri not in self.terms[broader].narrower:
                    self.terms[broader].narrower.append(term.iri)
        for st in sorted(self.statements.values(), key=self.order):
            self.by_unit[st.source].append(st)
            for obj in dict.fromkeys(o for prop in LINK_PROPS for o in st.linked(prop)):
                self.by_term[obj].append(st)
        return self

    # ── navigation helpers ────────────────────────────────────────────────
    def ancestor(self, iri: str, kind: str) -> UnitView | None:
        unit = self.units.get(iri)
        while unit is not None and unit.kind != kind:
            unit = self.units.get(unit.parent or "")
        return unit

    def article_of(self, st: StatementView) -> UnitView | None:
        return self.ancestor(st.source, "article")

    def chapter_of(self, st: StatementView) -> UnitView | None:
        return self.ancestor(st.source, "chapter")

    def in_text_order(self, iris: list[str]) -> list[StatementView]:
        """The statements of the slice among ``iris``, in the text's order (a store
        answers rows in an order of its own)."""
        return sorted((self.statements[i] for i in iris if i in self.statements),
                      key=self.order)

    def order(self, st: StatementView) -> tuple[str, int, str, int]:
        article = self.article_of(st)
        return (st.slug, article.ordinal if article else 0, st.source, st.start)

    def norms(self) -> list[StatementView]:
        return sorted((s for s in self.statements.values() if s.is_norm), key=self.order)

    def chapters(self, slug: str) -> list[UnitView]:
        reg = self.regulations.get(slug)
        return [self.units[c] for c in self._children_of(reg.iri if reg else "")
                if self.units[c].kind == "chapter"]

    def articles(self, slug: str) -> list[UnitView]:
        return sorted((u for u in self.units.values() if u.kind == "article" and u.slug == slug),
                      key=lambda u: u.ordinal)

    def _children_of(self, iri: str) -> list[str]:
        return sorted((u.iri for u in self.units.values() if u.parent == iri),
                      key=lambda i: self.units[i].ordinal)

    def terms_of(self, kind: str) -> list[TermView]:
        return sorted((t for t in self.terms.values() if t.kind == kind), key=lambda t: t.zh)

    def class_label(self, cls: str, lang: str) -> str:
        zh, en = self.class_labels.get(cls, ("", ""))
        return (en if lang == "en" else zh) or zh or en or cls


def direct_broader(within: set[str], terms: dict[str, TermView]) -> list[str]:
    """Within X, and not within anything that is itself within X."""
    return sorted(b for b in within if b in terms and not any(
        b in terms[m].within for m in within if m in terms and m != b))


__all__ = ["LINK_PROPS", "NORM_KINDS", "Slice", "direct_broader"]
