"""Search over the articles' texts and the names, by substring (no segmentation).

Ranking: names before texts; a name that equals the query, then one that starts with
it, then one that contains it (shorter first); texts by the number of matches, then
in reading order. The release's full-text index (kg/release/fulltext.py) finds and
ranks both, so only the best MAX_NAMES and MAX_TEXTS ever reach the page's queries;
a runtime without one (an external engine, `kg serve --backend`) asks the engine to
scan the texts with SPARQL instead, ranked the same way.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from flask import g, request

from kg.release.fulltext import Index, SearchTimeout
from server.http.errors import body_of
from server.pages import reads
from server.pages.blueprint import bp
from server.pages.lang import translate
from server.pages.links import term_href, unit_href
from server.pages.slice import Slice
from server.pages.textmarks import highlight
from server.pages.twins import Page, page
from server.runtime import runtime
from server.runtime.jobs import Unavailable, Why

REGEX_SPECIALS = set("\\.?*+()[]{}|^$-")
MAX_QUERY = 50
MAX_NAMES = 100
MAX_TEXTS = 60
LABELLED = """SELECT ?t ?kind ?label WHERE {
 VALUES ?kind { dg:Actor dg:Carrier dg:Mechanism dg:Chapter }
 ?t a ?kind ; skos:prefLabel ?label FILTER(CONTAINS(LCASE(?label), {needle})) }"""
TEXTS = """SELECT ?u ?hits WHERE { ?u dg:text ?text ; dg:eId ?eid .
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
    index = _index()
    try:
        names = index.names(query, _limit()) if index else _scanned_names(query)
        texts = index.texts(query, MAX_TEXTS, _limit()) if index else _scanned_texts(query)
    except SearchTimeout as stopped:  # the same 503 as a query past the limit
        body_of(Unavailable(Why.TIMEOUT, stopped.seconds))
        raise
    labels, shown = _labels(names, query, lang), _texts(texts, query, lang)
    return {"q": query, "labels": labels, "texts": shown, "total": len(labels) + len(shown)}


def _index() -> Index | None:
    path = runtime().release.search_index
    return _open(path) if path is not None else None


@lru_cache(maxsize=4)
def _open(path: Path) -> Index:
    return Index(path)


def _limit() -> float:
    return runtime().options.timeout


def _needle(query: str) -> dict[str, str]:
    key = query.lower()
    return {"needle": json.dumps(key, ensure_ascii=False),
            "pattern": json.dumps(_escape(key), ensure_ascii=False),
            "length": str(len(key))}


def _escape(text: str) -> str:
    """Text as an XPath regular expression matching itself."""
    return "".join("\\" + c if c in REGEX_SPECIALS else c for c in text)


def _scanned_names(query: str) -> list[tuple[str, str, str, str]]:
    rows = reads.select(LABELLED, **_needle(query))
    return [(r["t"], reads.local(r["kind"]).lower(), "", r["label"]) for r in rows]


def _scanned_texts(query: str) -> list[tuple[str, int]]:
    rows = reads.select(TEXTS, limit=str(MAX_TEXTS), **_needle(query))
    return [(r["u"], int(float(r["hits"]))) for r in rows]


def _label_score(label: str, query: str) -> tuple[int, int] | None:
    low, key = label.lower(), query.lower()
    if key not in low:
        return None
    rank = 0 if low == key else 1 if low.startswith(key) else 2
    return rank, len(label)


def _best_names(names: list[tuple[str, str, str, str]], query: str) -> list[str]:
    """The IRIs of the MAX_NAMES best names: each by its best-scoring label, ties in
    the order of its label."""
    best: dict[str, tuple[tuple[int, int], str]] = {}
    for iri, _, _, label in names:
        score = _label_score(label, query)
        if score is not None and (iri not in best or (score, label) < best[iri]):
            best[iri] = (score, label)
    return sorted(best, key=lambda iri: best[iri])[:MAX_NAMES]


def _labels(names: list[tuple[str, str, str, str]], query: str,
            lang: str) -> list[dict[str, Any]]:
    ranked = _best_names(names, query)
    chapters = {iri for iri, kind, _, _ in names if kind == "chapter"}
    sl = reads.new_slice()
    reads.add_terms(sl, [i for i in ranked if i not in chapters])
    reads.add_units(sl, reads.values("u", [i for i in ranked if i in chapters]))
    found = []
    for iri in ranked:
        if (term := sl.terms.get(iri)) is not None:
            found.append({
                "iri": term.iri, "kind": term.kind, "kind_label": translate(term.kind, lang),
                "href": term_href(term), "label": term.label(lang),
                "parts": highlight(term.label(lang), query),
                "other": highlight(term.zh if lang == "en" else term.en, query)})
        elif (unit := sl.units.get(iri)) is not None and unit.kind == "chapter":
            found.append({
                "iri": unit.iri, "kind": "chapter", "kind_label": translate("chapter", lang),
                "href": unit_href(unit), "label": unit.zh, "parts": highlight(unit.zh, query),
                "other": []})
    return found


def _texts(ranked: list[tuple[str, int]], query: str, lang: str) -> list[dict[str, Any]]:
    sl = Slice(reads.class_labels())
    reads.add_units(sl, reads.values("u", [iri for iri, _ in ranked]))
    out = []
    for iri, hits in ranked:
        unit = sl.units.get(iri)
        if unit is None:
            continue
        out.append({"iri": unit.iri, "href": unit_href(unit), "label": unit.label(lang),
                    "hits": hits, "parts": highlight(unit.text, query)})
    return out
