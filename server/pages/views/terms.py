"""Actors ("what applies to me"), mechanisms and carriers: an index and a page each."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from flask import abort, g, request

from server.pages import reads, sparql
from server.pages.blueprint import bp
from server.pages.lang import translate
from server.pages.links import norm_record, term_ref
from server.pages.slice import LINK_PROPS, NORM_KINDS, Slice, direct_broader
from server.pages.twins import Page, page, requested_page
from server.pages.viewmodel import StatementView, TermView
from server.pages.views.home import term_weights

PLURAL = {"actor": "actors", "mechanism": "mechanisms", "carrier": "carriers"}

PER_PAGE = 200  # norms on one page of a term (a designation such as 未明示主体 has thousands)


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


def term_slice(kind: str, term_id: str,
               promoted: bool = False) -> tuple[Slice, TermView] | None:
    """A term with its broader and narrower terms and the statements about it: for an
    actor those that apply to it (and, if `promoted`, those it promotes), for the
    others those that link it."""
    focus_iri = str(reads.iris().term(kind, term_id))
    focus = reads.iri(focus_iri)
    if focus is None:
        return None
    props = ("appliesTo", "promoter") if promoted else ("appliesTo",)
    if kind != "actor":
        props = LINK_PROPS
    where = f"{{ ?s ?p_focus {focus} . {sparql.among('p_focus', props)} }}"
    if kind == "actor":  # what it enforces: named by the clause, or a designation it is within
        where += (f" UNION {{ ?s dg:enforcedBy {focus} }}"
                  f" UNION {{ {focus} dg:within ?by . ?s dg:enforcedBy ?by }}")
    sl = reads.statements_slice(where)
    for row in reads.select("SELECT ?s WHERE { ?s dg:appliesTo {t} }", t=focus):
        sl.link(row["s"], "appliesTo", focus_iri)
    reads.add_terms(sl, [focus_iri])
    term = sl.terms.get(focus_iri)
    if term is None or term.kind != kind:
        return None
    narrower = [r["n"] for r in reads.select("SELECT ?n WHERE { ?n dg:within {t} "
                                             "FILTER(?n != {t}) }", t=focus)]
    reads.add_terms(sl, narrower)
    sl.index()
    term.narrower = [n for n in narrower if n in sl.terms
                     and term.iri in direct_broader(sl.terms[n].within, sl.terms)]
    return sl, term


def _term_page(kind: str, term_id: str) -> Page:
    lang = g.lang
    shown = reads.memo(("term", kind, term_id, lang), lambda: _term_data(kind, term_id, lang))
    if shown is None:
        abort(404)
    data, label = shown
    data = {**data, "page": 1, "pages": 1} if request.args.get("size") == "all" else \
        _one_page(data)
    iris = [data["term"]["iri"]] + [n["iri"] for group in data["groups"]
                                    for chapter in group["chapters"] for n in chapter["norms"]]
    return Page("pages/term.html", label, data, iris)


def _one_page(data: dict[str, Any]) -> dict[str, Any]:
    """The norms of one page, in the page's order (modality, chapter, text); a group or
    chapter keeps its full count, so the page says how many there are in all."""
    number, pages = requested_page(data["count"], PER_PAGE)
    first, last = (number - 1) * PER_PAGE, number * PER_PAGE
    seen, groups = 0, []
    for group in data["groups"]:
        chapters = []
        for chapter in group["chapters"]:
            shown = chapter["norms"][max(0, first - seen): max(0, last - seen)]
            seen += len(chapter["norms"])
            if shown:
                chapters.append({**chapter, "norms": shown})
        if chapters:
            groups.append({**group, "chapters": chapters})
    return {**data, "groups": groups, "page": number, "pages": pages}


def _term_data(kind: str, term_id: str, lang: str) -> tuple[dict[str, Any], str] | None:
    found = term_slice(kind, term_id)
    return None if found is None else (term_data(*found, lang), found[1].label(lang))


@page(bp, "/actors/<term_id>", "actor")
def actor(term_id: str) -> Page:
    return _term_page("actor", term_id)


@page(bp, "/mechanisms/<term_id>", "mechanism")
def mechanism(term_id: str) -> Page:
    return _term_page("mechanism", term_id)


@page(bp, "/carriers/<term_id>", "carrier")
def carrier(term_id: str) -> Page:
    return _term_page("carrier", term_id)


def term_data(sl: Slice, term: TermView, lang: str) -> dict[str, Any]:
    """A term's page: for an actor, the norms that apply to it (via dg:appliesTo) by
    modality and chapter; for mechanisms and carriers, the norms that concern them."""
    if term.kind == "actor":
        norms = [s for s in sl.norms() if term.iri in s.applies_to]
    else:
        norms = sl.by_term.get(term.iri, [])
    return {"term": {**term_ref(sl, term.iri, lang), "zh": term.zh, "en": term.en},
            "kind": term.kind,
            "broader": [term_ref(sl, b, lang) for b in term.broader],
            "narrower": [term_ref(sl, n, lang) for n in sorted(
                term.narrower, key=lambda i: sl.terms[i].zh)],
            "count": len(norms),
            "groups": _groups(sl, term, norms, lang),
            "enforced": [norm_record(sl, s, lang) for s in sorted(
                sl.statements.values(), key=sl.order) if s.cls == "Liability" and (
                    term.iri in s.linked("enforcedBy")
                    or set(s.linked("enforcedBy")) & term.within)]}


def _groups(sl: Slice, term: TermView, norms: list[StatementView],
            lang: str) -> list[dict[str, Any]]:
    by_class: dict[str, dict[tuple[int, str], list]] = defaultdict(lambda: defaultdict(list))
    for st in norms:
        record = norm_record(sl, st, lang)
        record["via"] = [] if term.iri in st.linked("addressee") or term.kind != "actor" else [
            r for r in record["addressee"] if r["iri"] in term.within]
        by_class[st.cls][(record["chapter_ordinal"], record["chapter"])].append(record)
    order = [*NORM_KINDS, *sorted(c for c in by_class if c not in NORM_KINDS)]
    return [{"class": c, "modality": c.lower() if c in NORM_KINDS else "provision",
             "label": sl.class_label(c, lang),
             "count": sum(len(v) for v in by_class[c].values()),
             "chapters": [{"label": label, "norms": by_class[c][key]}
                          for key in sorted(by_class[c]) for label in [key[1]]]}
            for c in order if c in by_class]
