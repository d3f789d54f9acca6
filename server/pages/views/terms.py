"""Actors ("what applies to me"), mechanisms and carriers: an index and a page each."""

from __future__ import annotations

from typing import Any

from flask import abort, g, request

from server.pages import reads
from server.pages.blueprint import bp
from server.pages.lang import translate
from server.pages.links import term_ref
from server.pages.twins import Page, page, requested_page
from server.pages.views import termpage
from server.pages.views.home import term_weights

PLURAL = {"actor": "actors", "mechanism": "mechanisms", "carrier": "carriers"}
PER_PAGE = 200  # terms on one page of an index



def _index(kind: str) -> Page:
    lang = g.lang
    listed = reads.memo(("index-order", kind, lang), lambda: _listed(kind, lang))
    number, pages = requested_page(len(listed), PER_PAGE)
    shown = listed[(number - 1) * PER_PAGE: number * PER_PAGE]
    data = reads.memo(("index", kind, lang, number, PER_PAGE),
                      lambda: _index_data(kind, lang, shown))
    data = {**data, "page": number, "pages": pages, "total": len(listed)}
    return Page("pages/terms.html", translate(PLURAL[kind], lang), data,
                [t["iri"] for t in data["terms"]])


def _listed(kind: str, lang: str) -> list[str]:
    """Every term of the kind, in the index's order (by label), from the release's
    counts: at corpus size there are eighteen thousand actors, read a page at a time."""
    labels = {row["t"]: reads.term_view(row) for row in reads.summarised("kinds")
              if reads.local(row["kind"]).lower() == kind}
    return sorted(labels, key=lambda i: (labels[i].label(lang).lower(), labels[i].zh, i))


def _index_data(kind: str, lang: str, shown: list[str]) -> dict[str, Any]:
    sl = reads.new_slice()
    reads.add_terms(sl, shown)
    weights = term_weights()
    terms = []
    for iri in shown:
        term = sl.terms.get(iri)
        if term is None:
            continue
        applies, concerned = weights.get(term.iri, (0, 0))
        terms.append({**term_ref(sl, term.iri, lang), "zh": term.zh, "en": term.en,
                      "applies": applies, "concerned": concerned})
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
