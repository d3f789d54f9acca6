"""Actors ("what applies to me"), mechanisms and carriers: an index and a page each."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from flask import abort, g

from server.pages import bp
from server.pages.corpus import Corpus
from server.pages.lang import translate
from server.pages.links import norm_record, term_ref
from server.pages.model import NORM_CLASSES, Statement, Term
from server.pages.state import get_state
from server.pages.twins import Page, page

PLURAL = {"actor": "actors", "mechanism": "mechanisms", "carrier": "carriers"}


def _index(kind: str) -> Page:
    state, lang = get_state(), g.lang
    data = state.memo(("index", kind, lang), lambda: _index_data(state.corpus, kind, lang))
    return Page("pages/terms.html", translate(PLURAL[kind], lang), data,
                [t["iri"] for t in data["terms"]])


def _index_data(corpus: Corpus, kind: str, lang: str) -> dict[str, Any]:
    terms = []
    for term in corpus.terms_of(kind):
        applies = [s for s in corpus.statements.values() if term.iri in s.applies_to]
        terms.append({**term_ref(corpus, term.iri, lang), "zh": term.zh, "en": term.en,
                      "applies": len(applies), "concerned": len(corpus.by_term[term.iri]),
                      "depth": _depth(corpus, term)})
    terms.sort(key=lambda t: (t["label"].lower(), t["zh"]))
    return {"kind": kind, "terms": terms}


def _depth(corpus: Corpus, term: Term) -> int:
    return sum(1 for b in term.within if b in corpus.terms)


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
    state, lang = get_state(), g.lang
    term = state.corpus.term_by_id(kind, term_id)
    if term is None:
        abort(404)
    data = state.memo(("term", term.iri, lang), lambda: term_data(state.corpus, term, lang))
    iris = [term.iri] + [n["iri"] for group in data["groups"]
                        for chapter in group["chapters"] for n in chapter["norms"]]
    return Page("pages/term.html", term.label(lang), data, iris)


@page(bp, "/actors/<term_id>", "actor")
def actor(term_id: str) -> Page:
    return _term_page("actor", term_id)


@page(bp, "/mechanisms/<term_id>", "mechanism")
def mechanism(term_id: str) -> Page:
    return _term_page("mechanism", term_id)


@page(bp, "/carriers/<term_id>", "carrier")
def carrier(term_id: str) -> Page:
    return _term_page("carrier", term_id)


def term_data(corpus: Corpus, term: Term, lang: str) -> dict[str, Any]:
    """A term's page: for an actor, the norms that apply to it (via dg:appliesTo) by
    modality and chapter; for mechanisms and carriers, the norms that concern them."""
    if term.kind == "actor":
        norms = [s for s in corpus.norms() if term.iri in s.applies_to]
    else:
        norms = corpus.by_term.get(term.iri, [])
    return {"term": {**term_ref(corpus, term.iri, lang), "zh": term.zh, "en": term.en},
            "kind": term.kind,
            "broader": [term_ref(corpus, b, lang) for b in term.broader],
            "narrower": [term_ref(corpus, n, lang) for n in sorted(
                term.narrower, key=lambda i: corpus.terms[i].zh)],
            "count": len(norms),
            "groups": _groups(corpus, term, norms, lang)}


def _groups(corpus: Corpus, term: Term, norms: list[Statement],
            lang: str) -> list[dict[str, Any]]:
    by_class: dict[str, dict[tuple[int, str], list]] = defaultdict(lambda: defaultdict(list))
    for st in norms:
        record = norm_record(corpus, st, lang)
        record["via"] = [] if term.iri in st.linked("addressee") or term.kind != "actor" else [
            r for r in record["addressee"] if r["iri"] in term.within]
        by_class[st.cls][(record["chapter_ordinal"], record["chapter"])].append(record)
    order = [*NORM_CLASSES, *sorted(c for c in by_class if c not in NORM_CLASSES)]
    return [{"class": c, "modality": c.lower() if c in NORM_CLASSES else "provision",
             "label": corpus.class_label(c, lang),
             "count": sum(len(v) for v in by_class[c].values()),
             "chapters": [{"label": label, "norms": by_class[c][key]}
                          for key in sorted(by_class[c]) for label in [key[1]]]}
            for c in order if c in by_class]
