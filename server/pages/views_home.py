"""Home page and the regulation reader."""

from __future__ import annotations

from typing import Any

from flask import abort, g

from server.pages import bp
from server.pages.corpus import Corpus
from server.pages.lang import translate
from server.pages.links import norm_record, term_href, unit_href
from server.pages.model import NORM_CLASSES, Unit
from server.pages.state import get_state
from server.pages.textmarks import segments
from server.pages.twins import Page, page

LEGEND = (*NORM_CLASSES, "Purpose")


@page(bp, "/", "home")
def home() -> Page:
    state, lang = get_state(), g.lang
    data = state.memo(("home", lang), lambda: _home(state.corpus, lang))
    return Page("pages/home.html", translate("site", lang), data,
                [r["iri"] for r in data["regulations"]])


def _home(corpus: Corpus, lang: str) -> dict[str, Any]:
    regulations = []
    for reg in sorted(corpus.regulations.values(), key=lambda r: r.slug):
        regulations.append({
            "iri": reg.iri, "slug": reg.slug, "label": reg.label(lang), "zh": reg.zh,
            "date_document": reg.date_document, "in_force": reg.in_force,
            "counts": corpus.counts(reg.slug),
            "chapters": [{"label": c.label(lang), "title": c.title, "href": unit_href(c)}
                         for c in corpus.chapters(reg.slug)]})
    return {"regulations": regulations,
            "legend": legend(corpus, lang),
            "entries": {kind: _top_terms(corpus, kind, lang)
                        for kind in ("actor", "mechanism", "carrier")}}


def _top_terms(corpus: Corpus, kind: str, lang: str, limit: int = 12) -> list[dict]:
    def weight(iri: str) -> int:
        return sum(1 for s in corpus.statements.values() if iri in s.applies_to) + len(
            corpus.by_term.get(iri, []))
    terms = sorted(corpus.terms_of(kind), key=lambda t: (-weight(t.iri), t.zh))[:limit]
    return [{"label": t.label(lang), "href": term_href(t), "count": weight(t.iri)}
            for t in terms if weight(t.iri) > 0]


def legend(corpus: Corpus, lang: str) -> list[dict[str, str]]:
    return [{"modality": c.lower() if c in NORM_CLASSES else "provision",
             "label": corpus.class_label(c, lang) if c in NORM_CLASSES
             else translate("provision", lang),
             "mark": translate(f"mark_{c.lower() if c in NORM_CLASSES else 'provision'}", lang)}
            for c in LEGEND]


@page(bp, "/reader/<slug>", "reader")
def reader(slug: str) -> Page:
    state, lang = get_state(), g.lang
    reg = state.corpus.regulations.get(slug)
    if reg is None:
        abort(404)
    data = state.memo(("reader", slug, lang), lambda: _reader(state.corpus, slug, lang))
    iris = [reg.iri] + [u.iri for u in state.corpus.units.values() if u.slug == slug]
    return Page("pages/reader.html", reg.label(lang), data, iris)


def _reader(corpus: Corpus, slug: str, lang: str) -> dict[str, Any]:
    reg = corpus.regulations[slug]
    chapters = corpus.chapters(slug)
    groups = [{"eid": c.eid, "label": c.zh, "title": c.title,
               "articles": [_article(corpus, corpus.units[a], lang) for a in c.children]}
              for c in chapters]
    if not chapters:
        groups = [{"eid": None, "label": "", "title": "",
                   "articles": [_article(corpus, a, lang) for a in corpus.articles(slug)]}]
    return {"regulation": {"iri": reg.iri, "slug": slug, "label": reg.label(lang),
                           "zh": reg.zh, "in_force": reg.in_force,
                           "date_document": reg.date_document},
            "chapters": groups, "legend": legend(corpus, lang)}


def _article(corpus: Corpus, article: Unit, lang: str) -> dict[str, Any]:
    return {"eid": article.eid, "number": article.number, "iri": article.iri,
            "label": article.label(lang),
            "paragraphs": [_unit(corpus, corpus.units[p], lang) for p in article.children]}


def _unit(corpus: Corpus, unit: Unit, lang: str) -> dict[str, Any]:
    statements = corpus.by_unit.get(unit.iri, [])
    return {"eid": unit.eid, "iri": unit.iri, "number": unit.number, "kind": unit.kind,
            "label": unit.label(lang),
            "segments": segments(corpus, unit.text, statements, lang),
            "norms": [{**norm_record(corpus, st, lang), "n": n}
                      for n, st in enumerate(statements, start=1)],
            "subunits": [_unit(corpus, corpus.units[i], lang) for i in unit.children]}
