"""Full-text search over the articles and the labels, by substring (no segmentation).

Ranking: names before texts; a name that equals the query, then one that starts with
it, then one that contains it (shorter first); texts by the number of matches, then
in reading order. The store finds and ranks the texts, so only the MAX_TEXTS best
ever reach the web process.
"""

from __future__ import annotations

import json
from typing import Any

from flask import g, request

from server.pages import reads
from server.pages.blueprint import bp
from server.pages.lang import translate
from server.pages.links import term_href, unit_href
from server.pages.slice import Slice
from server.pages.textmarks import highlight
from server.pages.twins import Page, page

REGEX_SPECIALS = set("\\.?*+()[]{}|^$-")
MAX_QUERY = 50
MAX_TEXTS = 60
LABELLED = """SELECT DISTINCT ?t WHERE {
 VALUES ?kind { dg:Actor dg:Carrier dg:Mechanism dg:Chapter }
 ?t a ?kind ; skos:prefLabel ?label FILTER(CONTAINS(LCASE(?label), {needle})) }"""
TEXTS = """SELECT ?u WHERE { ?u dg:text ?text ; dg:eId ?eid .
 FILTER(CONTAINS(LCASE(?text), {needle}))
 BIND((STRLEN(?text) - STRLEN(REPLACE(LCASE(?text), {pattern}, ""))) / {length} AS ?hits)
 OPTIONAL { ?u eli:is_part_of* ?art . ?art a dg:Article ; dg:ordinal ?ao }
 BIND(STRBEFORE(STRAFTER(STR(?u), "/reg/"), "/") AS ?slug) }
ORDER BY DESC(?hits) ?slug COALESCE(?ao, 0) ?eid LIMIT {limit}"""


@page(bp, "/search", "search")
def search() -> Page:
    lang = g.lang
    query = request.args.get("q", "").strip()[:MAX_QUERY]
    data = reads.memo(("search", query, lang), lambda: run(query, lang))
    iris = [r["iri"] for r in data["labels"] + data["texts"]]
    return Page("pages/search.html", translate("search", lang), data, iris)


def run(query: str, lang: str) -> dict[str, Any]:
    if not query:
        return {"q": "", "labels": [], "texts": [], "total": 0}
    labels, texts = _labels(query, lang), _texts(query, lang)
    return {"q": query, "labels": labels, "texts": texts, "total": len(labels) + len(texts)}


def _needle(query: str) -> dict[str, str]:
    key = query.lower()
    return {"needle": json.dumps(key, ensure_ascii=False),
            "pattern": json.dumps(_escape(key), ensure_ascii=False),
            "length": str(len(key))}


def _escape(text: str) -> str:
    """Text as an XPath regular expression matching itself."""
    return "".join("\\" + c if c in REGEX_SPECIALS else c for c in text)


def _label_score(label: str, query: str) -> tuple[int, int] | None:
    low, key = label.lower(), query.lower()
    if key not in low:
        return None
    rank = 0 if low == key else 1 if low.startswith(key) else 2
    return rank, len(label)


def _labels(query: str, lang: str) -> list[dict[str, Any]]:
    found_iris = [r["t"] for r in reads.select(LABELLED, **_needle(query))]
    sl = reads.new_slice()
    reads.add_terms(sl, found_iris)
    reads.add_units(sl, reads.values("u", found_iris))
    found = []
    for term in (t for t in sl.terms.values() if t.iri in found_iris):
        scores = [s for s in (_label_score(term.zh, query), _label_score(term.en, query)) if s]
        if scores:
            found.append((min(scores), term.zh, {
                "iri": term.iri, "kind": term.kind, "kind_label": translate(term.kind, lang),
                "href": term_href(term), "label": term.label(lang),
                "parts": highlight(term.label(lang), query),
                "other": highlight(term.zh if lang == "en" else term.en, query)}))
    for unit in sl.units.values():
        if unit.kind == "chapter" and (score := _label_score(unit.zh, query)):
            found.append((score, unit.zh, {
                "iri": unit.iri, "kind": "chapter", "kind_label": translate("chapter", lang),
                "href": unit_href(unit), "label": unit.zh, "parts": highlight(unit.zh, query),
                "other": []}))
    return [record for *_, record in sorted(found, key=lambda f: (f[0], f[1]))]


def _texts(query: str, lang: str) -> list[dict[str, Any]]:
    ranked = [r["u"] for r in reads.select(TEXTS, limit=str(MAX_TEXTS), **_needle(query))]
    sl = Slice(reads.class_labels())
    reads.add_units(sl, reads.values("u", ranked))
    out = []
    for iri in ranked:
        unit = sl.units.get(iri)
        if unit is None:
            continue
        hits = unit.text.lower().count(query.lower())
        out.append({"iri": unit.iri, "href": unit_href(unit), "label": unit.label(lang),
                    "hits": hits, "parts": highlight(unit.text, query)})
    return out
