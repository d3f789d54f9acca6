"""Load the page model from a read-only store with a few bounded SPARQL queries.

Each query is bounded by the size of the regulations (no user input reaches it),
and runs once per served build; the resulting `Corpus` is cached by the app.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from urllib.parse import unquote

import pyoxigraph

from server.pages.model import (
    DG,
    NORM_CLASSES,
    STATEMENT_CLASSES,
    TERM_KINDS,
    Regulation,
    Statement,
    Term,
    Unit,
)

PREFIXES = """PREFIX dg: <https://w3id.org/dutygraph/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
LINK_PROPS = ("addressee", "promoter", "establishes", "concerns")
_CLASSES = " ".join(f"dg:{c}" for c in STATEMENT_CLASSES)

Q_REGULATIONS = PREFIXES + """SELECT ?r ?zh ?en ?date ?force WHERE { ?r a dg:Regulation .
 OPTIONAL { ?r skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }
 OPTIONAL { ?r skos:prefLabel ?en FILTER(LANG(?en) = "en") }
 OPTIONAL { ?r eli:date_document ?date } OPTIONAL { ?r eli:first_date_entry_in_force ?force } }"""
Q_UNITS = PREFIXES + """SELECT ?u ?kind ?eid ?ord ?parent ?number ?title ?text ?zh ?en WHERE {
 VALUES ?kind { dg:Chapter dg:Article dg:Paragraph dg:Item } ?u a ?kind ; dg:eId ?eid .
 OPTIONAL { ?u dg:ordinal ?ord } OPTIONAL { ?u eli:is_part_of ?parent }
 OPTIONAL { ?u eli:number ?number } OPTIONAL { ?u eli:title ?title FILTER(LANG(?title) = "zh") }
 OPTIONAL { ?u dg:text ?text }
 OPTIONAL { ?u skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }
 OPTIONAL { ?u skos:prefLabel ?en FILTER(LANG(?en) = "en") } }"""
Q_STATEMENTS = PREFIXES + f"""SELECT ?s ?class ?source ?start ?end ?exact ?cue ?action ?zh ?en
WHERE {{ VALUES ?class {{ {_CLASSES} }} ?s a ?class ; dg:source ?source .
 OPTIONAL {{ ?s dg:evidence ?e . ?e oa:start ?start ; oa:end ?end .
            OPTIONAL {{ ?e oa:exact ?exact }} }}
 OPTIONAL {{ ?s dg:cue ?cue }} OPTIONAL {{ ?s dg:action ?action }}
 OPTIONAL {{ ?s skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }}
 OPTIONAL {{ ?s skos:prefLabel ?en FILTER(LANG(?en) = "en") }} }}"""
Q_LINKS = PREFIXES + """SELECT ?s ?p ?o WHERE {
 VALUES ?p { dg:addressee dg:promoter dg:establishes dg:concerns dg:appliesTo } ?s ?p ?o }"""
Q_TERMS = PREFIXES + """SELECT ?t ?kind ?zh ?en WHERE {
 VALUES ?kind { dg:Actor dg:Carrier dg:Mechanism } ?t a ?kind .
 OPTIONAL { ?t skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }
 OPTIONAL { ?t skos:prefLabel ?en FILTER(LANG(?en) = "en") } }"""
Q_WITHIN = PREFIXES + "SELECT ?a ?b WHERE { ?a dg:within ?b FILTER(?a != ?b) }"
Q_CLASS_LABELS = PREFIXES + f"""SELECT ?class ?zh ?en WHERE {{ VALUES ?class {{ {_CLASSES} }}
 OPTIONAL {{ ?class skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }}
 OPTIONAL {{ ?class skos:prefLabel ?en FILTER(LANG(?en) = "en") }} }}"""


def _select(db: pyoxigraph.Store, query: str) -> Iterator[dict[str, str]]:
    result = db.query(query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    for solution in result:
        yield {n: solution[n].value for n in names if solution[n] is not None}


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _slug(iri: str) -> str:
    return iri.split("/reg/", 1)[1].split("/", 1)[0] if "/reg/" in iri else ""


class Corpus:
    """Every regulation, unit, statement and term of one build, with indexes."""

    def __init__(self, db: pyoxigraph.Store) -> None:
        self.regulations: dict[str, Regulation] = {}
        self.units: dict[str, Unit] = {}
        self.statements: dict[str, Statement] = {}
        self.terms: dict[str, Term] = {}
        self.class_labels: dict[str, tuple[str, str]] = {}
        self._load(db)
        self._index()

    def _load(self, db: pyoxigraph.Store) -> None:
        for row in _select(db, Q_REGULATIONS):
            slug = _slug(row["r"])
            self.regulations[slug] = Regulation(row["r"], slug, row.get("zh", ""),
                                                row.get("en", ""), row.get("date", ""),
                                                row.get("force", ""))
        for row in _select(db, Q_UNITS):
            self.units[row["u"]] = Unit(
                row["u"], _local(row["kind"]).lower(), _slug(row["u"]), row["eid"],
                int(row.get("ord", 0)), row.get("number", ""), row.get("title", ""),
                row.get("zh", ""), row.get("en", ""), row.get("text", ""), row.get("parent"))
        for row in _select(db, Q_STATEMENTS):
            self.statements[row["s"]] = Statement(
                row["s"], _local(row["class"]), row["source"], int(row.get("start", 0)),
                int(row.get("end", 0)), row.get("exact", ""), row.get("cue", ""),
                row.get("action", ""), row.get("zh", ""), row.get("en", ""))
        self._load_terms(db)
        for row in _select(db, Q_LINKS):
            self._link(row["s"], _local(row["p"]), row["o"])
        for row in _select(db, Q_CLASS_LABELS):
            self.class_labels[_local(row["class"])] = (row.get("zh", ""), row.get("en", ""))

    def _load_terms(self, db: pyoxigraph.Store) -> None:
        for row in _select(db, Q_TERMS):
            kind = _local(row["kind"]).lower()
            tail = unquote(row["t"].rstrip("/").rsplit("/", 1)[-1])
            self.terms[row["t"]] = Term(row["t"], kind, tail, row.get("zh", ""),
                                        row.get("en", ""))
        for row in _select(db, Q_WITHIN):
            if row["a"] in self.terms:
                self.terms[row["a"]].within.add(row["b"])

    def _link(self, subject: str, prop: str, obj: str) -> None:
        statement = self.statements.get(subject)
        if statement is None:
            return
        if prop == "appliesTo":
            statement.applies_to.add(obj)
        elif obj not in statement.links.setdefault(prop, []):
            statement.links[prop].append(obj)

    def _index(self) -> None:
        for unit in sorted(self.units.values(), key=lambda u: u.ordinal):
            parent = self.units.get(unit.parent or "")
            if parent is not None:
                parent.children.append(unit.iri)
        for term in self.terms.values():
            # direct broader: within X, and not within anything that is itself within X
            term.broader = sorted(b for b in term.within if b in self.terms and not any(
                b in self.terms[m].within for m in term.within if m in self.terms and m != b))
        for term in self.terms.values():
            for broader in term.broader:
                self.terms[broader].narrower.append(term.iri)
        self.by_unit: dict[str, list[Statement]] = defaultdict(list)
        self.by_term: dict[str, list[Statement]] = defaultdict(list)
        for st in sorted(self.statements.values(), key=self.order):
            self.by_unit[st.source].append(st)
            for prop in LINK_PROPS:
                for obj in st.linked(prop):
                    if st not in self.by_term[obj]:
                        self.by_term[obj].append(st)

    # ── navigation helpers ────────────────────────────────────────────────
    def ancestor(self, iri: str, kind: str) -> Unit | None:
        unit = self.units.get(iri)
        while unit is not None and unit.kind != kind:
            unit = self.units.get(unit.parent or "")
        return unit

    def article_of(self, st: Statement) -> Unit | None:
        return self.ancestor(st.source, "article")

    def chapter_of(self, st: Statement) -> Unit | None:
        return self.ancestor(st.source, "chapter")

    def order(self, st: Statement) -> tuple[str, int, str, int]:
        article = self.article_of(st)
        return (st.slug, article.ordinal if article else 0, st.source, st.start)

    def norms(self) -> list[Statement]:
        return sorted((s for s in self.statements.values() if s.is_norm), key=self.order)

    def chapters(self, slug: str) -> list[Unit]:
        reg = self.regulations.get(slug)
        return [self.units[c] for c in self._children_of(reg.iri if reg else "")
                if self.units[c].kind == "chapter"]

    def articles(self, slug: str) -> list[Unit]:
        return sorted((u for u in self.units.values() if u.kind == "article" and u.slug == slug),
                      key=lambda u: u.ordinal)

    def _children_of(self, iri: str) -> list[str]:
        return sorted((u.iri for u in self.units.values() if u.parent == iri),
                      key=lambda i: self.units[i].ordinal)

    def terms_of(self, kind: str) -> list[Term]:
        return sorted((t for t in self.terms.values() if t.kind == kind), key=lambda t: t.zh)

    def term_by_id(self, kind: str, term_id: str) -> Term | None:
        return next((t for t in self.terms.values() if t.kind == kind and t.id == term_id), None)

    def class_label(self, cls: str, lang: str) -> str:
        zh, en = self.class_labels.get(cls, ("", ""))
        return (en if lang == "en" else zh) or zh or en or cls

    def counts(self, slug: str) -> dict[str, int]:
        units = [u for u in self.units.values() if u.slug == slug]
        norms = [s for s in self.statements.values() if s.slug == slug and s.is_norm]
        kinds = {k: sum(1 for u in units if u.kind == k) for k in ("chapter", "article",
                                                                    "paragraph")}
        per_class = {c: sum(1 for s in norms if s.cls == c) for c in NORM_CLASSES}
        return {**kinds, "norm": len(norms), **per_class}


__all__ = ["DG", "TERM_KINDS", "Corpus"]
