"""Full-text search over the articles and the labels, by substring (no segmentation).

Ranking: names before texts; a name that equals the query, then one that starts with
it, then one that contains it (shorter first); texts by the number of matches, then
in reading order.
"""

from __future__ import annotations

from typing import Any

from flask import g, request

from server.pages import bp
from server.pages.corpus import Corpus
from server.pages.lang import translate
from server.pages.links import term_href, unit_href
from server.pages.state import get_state
from server.pages.textmarks import highlight
from server.pages.twins import Page, page

MAX_QUERY = 50
MAX_TEXTS = 60


@page(bp, "/search", "search")
def search() -> Page:
    state, lang = get_state(), g.lang
    query = request.args.get("q", "").strip()[:MAX_QUERY]
    data = state.memo(("search", query, lang), lambda: run(state.corpus, query, lang))
    iris = [r["iri"] for r in data["labels"] + data["texts"]]
    return Page("pages/search.html", translate("search", lang), data, iris)


def run(corpus: Corpus, query: str, lang: str) -> dict[str, Any]:
    if not query:
        return {"q": "", "labels": [], "texts": [], "total": 0}
    labels, texts = _labels(corpus, query, lang), _texts(corpus, query, lang)
    return {"q": query, "labels": labels, "texts": texts, "total": len(labels) + len(texts)}


def _label_score(label: str, query: str) -> tuple[int, int] | None:
    low, key = label.lower(), query.lower()
    if key not in low:
        return None
    rank = 0 if low == key else 1 if low.startswith(key) else 2
    return rank, len(label)


def _labels(corpus: Corpus, query: str, lang: str) -> list[dict[str, Any]]:
    found = []
    for term in corpus.terms.values():
        scores = [s for s in (_label_score(term.zh, query), _label_score(term.en, query)) if s]
        if scores:
            found.append((min(scores), term.zh, {
                "iri": term.iri, "kind": term.kind, "kind_label": translate(term.kind, lang),
                "href": term_href(term), "label": term.label(lang),
                "parts": highlight(term.label(lang), query),
                "other": highlight(term.zh if lang == "en" else term.en, query)}))
    for unit in corpus.units.values():
        if unit.kind == "chapter" and (score := _label_score(unit.zh, query)):
            found.append((score, unit.zh, {
                "iri": unit.iri, "kind": "chapter", "kind_label": translate("chapter", lang),
                "href": unit_href(unit), "label": unit.zh, "parts": highlight(unit.zh, query),
                "other": []}))
    return [record for *_, record in sorted(found, key=lambda f: (f[0], f[1]))]


def _texts(corpus: Corpus, query: str, lang: str) -> list[dict[str, Any]]:
    found = []
    for unit in corpus.units.values():
        if not unit.text or query.lower() not in unit.text.lower():
            continue
        article = corpus.ancestor(unit.iri, "article")
        hits = unit.text.lower().count(query.lower())
        order = (unit.slug, article.ordinal if article else 0, unit.eid)
        found.append((-hits, order, {
            "iri": unit.iri, "href": unit_href(unit), "label": unit.label(lang),
            "hits": hits, "parts": highlight(unit.text, query)}))
    found.sort(key=lambda f: (f[0], f[1]))
    return [record for *_, record in found[:MAX_TEXTS]]
