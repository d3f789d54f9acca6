"""Actors ("what applies to me"), mechanisms and carriers: an index and a page each."""

from __future__ import annotations

from typing import Any

from flask import abort, g, request

from server.pages import reads
from server.pages.blueprint import bp
from server.pages.lang import translate
from server.pages.links import term_ref
from server.pages.twins import Page, page
from server.pages.views import termpage
from server.pages.views.home import term_weights

PLURAL = {"actor": "actors", "mechanism": "mechanisms", "carrier": "carriers"}



def _index(kind: str) -> Page:
    lang = g.lang
    data = reads.memo(("index", kind, lang), lambda: _index_data(kind, lang))
    return Page("pages/terms.html", translate(PLURAL[kind], lang), data,
                [t["iri"] for t in data["terms"]])


def _index_data(kind: str, lang: str) -> dict[str, Any]:
    sl = reads.new_slice()
    reads.add_terms(sl, where=f"?t a dg:{kind.capitalize()} .")
    weights = term_weights()
    terms = []
    for term in sl.terms_of(kind):
        applies, concerned = weights.get(term.iri, (0, 0))
        terms.append({**term_ref(sl, term.iri, lang), "zh": term.zh, "en": term.en,
                      "applies": applies, "concerned": concerned,
                      "depth": sum(1 for b in term.within if b in sl.terms)})
    terms.sort(key=lambda t: (t["label"].lower(), t["zh"]))
    return {"kind": kind, "terms": terms}


@page(bp, "/actors", "actors")
def actors() -> Page:
    return _index("actor")


@page(bp, "/mechanisms", "mechanisms")
def mechanisms() -> Page:
    return _index("mechanism")


@page(bp, "/carriers", "carriers")
def carriers() -> Page:
    return _index("carrier")


def _term_page(kind: str, term_id: str) -> Page:
    number = None if request.args.get("size") == "all" else _number()
    shown = termpage.page_data(kind, term_id, number, g.lang)
    if shown is None:
        abort(404)
    data, label = shown
    iris = [data["term"]["iri"]] + [n["iri"] for group in data["groups"]
                                    for chapter in group["chapters"] for n in chapter["norms"]]
    return Page("pages/term.html", label, data, iris)


def _number() -> int:
    try:
        return int(request.args.get("page", "1"))
    except ValueError:
        return 1


@page(bp, "/actors/<term_id>", "actor")
def actor(term_id: str) -> Page:
    return _term_page("actor", term_id)


@page(bp, "/mechanisms/<term_id>", "mechanism")
def mechanism(term_id: str) -> Page:
    return _term_page("mechanism", term_id)


@page(bp, "/carriers/<term_id>", "carrier")
def carrier(term_id: str) -> Page:
    return _term_page("carrier", term_id)
