"""Where each kind of thing is shown, and the small JSON-able records pages share."""

from __future__ import annotations

from typing import Any

from flask import url_for

from kg.source.statements import DUTY_KINDS
from server.pages.slice import NORM_KINDS, Slice
from server.pages.viewmodel import LiabilityView, StatementView, TermView, UnitView

DUTIES = DUTY_KINDS
KIND_ENDPOINT = {"actor": "pages.actor", "mechanism": "pages.mechanism",
                 "carrier": "pages.carrier"}


def modality(cls: str) -> str:
    """The CSS/mark key of a statement class."""
    return cls.lower() if cls in NORM_KINDS else "provision"


def term_href(term: TermView) -> str:
    return url_for(KIND_ENDPOINT[term.kind], term_id=term.id)


def norm_href(st: StatementView) -> str:
    return url_for("pages.norm", path=st.path)


def unit_href(unit: UnitView) -> str:
    return url_for("pages.reader", slug=unit.slug) + f"#{unit.eid}"


def term_ref(corpus: Slice, iri: str, lang: str) -> dict[str, Any]:
    term = corpus.terms.get(iri)
    if term is None:
        return {"iri": iri, "label": iri.rsplit("/", 1)[-1], "href": None, "kind": None}
    return {"iri": iri, "label": term.label(lang), "href": term_href(term), "kind": term.kind,
            "id": term.id}


def norm_record(corpus: Slice, st: StatementView, lang: str) -> dict[str, Any]:
    """Everything a list or page shows about one norm or provision."""
    article = corpus.article_of(st)
    chapter = corpus.chapter_of(st)
    source = corpus.units.get(st.source)
    links = {prop: [term_ref(corpus, o, lang) for o in st.linked(prop)]
             for prop in ("addressee", "promoter", "establishes", "concerns")}
    links["concerns"] = [r for r in links["concerns"]
                         if r["iri"] not in st.linked("establishes")]
    for prop in ("enforcedBy", "liable"):
        links[prop] = [term_ref(corpus, o, lang) for o in st.linked(prop)]
    links["enforces"] = [{"iri": e.iri, "href": norm_href(e), "label": e.label(lang)}
                         for e in corpus.in_text_order(st.linked("enforces"))]
    return {
        "iri": st.iri, "href": norm_href(st), "label": st.label(lang),
        "class": st.cls, "modality": modality(st.cls),
        "class_label": corpus.class_label(st.cls, lang),
        "cue": st.cue, "action": st.action, "exact": st.exact or _span(corpus, st),
        "review": st.review,
        "article": article.label(lang) if article else "",
        "article_ordinal": article.ordinal if article else 0,
        "chapter": chapter.label(lang) if chapter else "",
        "chapter_ordinal": chapter.ordinal if chapter else 0,
        "source": source.label(lang) if source else st.source,
        "source_iri": st.source,
        "source_href": unit_href(source) if source else None,
        "duty": st.cls in DUTIES,
        "sanctions": [liability_record(corpus, corpus.liabilities[i], lang)
                      for i in corpus.sanctions.get(st.iri, []) if i in corpus.liabilities],
        "penalties": _penalties(corpus.liabilities.get(st.iri), lang),
        **links,
    }


def liability_record(corpus: Slice, liability: LiabilityView, lang: str) -> dict[str, Any]:
    """A liability as a duty it enforces shows it: where, and each penalty's kind and
    amounts."""
    article = corpus.ancestor(liability.source, "article")
    source = corpus.units.get(liability.source)
    return {"iri": liability.iri, "href": url_for("pages.norm", path=liability.path),
            "article": (article or source).label(lang) if (article or source) else "",
            "source": source.label(lang) if source else liability.source,
            "penalties": _penalties(liability, lang)}


def _penalties(liability: LiabilityView | None, lang: str) -> list[dict[str, str]]:
    return [{"kind": p.kind, "label": p.label(lang), "amounts": p.amounts(lang),
             "condition": p.condition, "exact": p.exact}
            for p in (liability.ordered() if liability else [])]


def _span(corpus: Slice, st: StatementView) -> str:
    unit = corpus.units.get(st.source)
    return unit.text[st.start:st.end] if unit else ""
