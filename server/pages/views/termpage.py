"""One page of a term: an actor and the norms that apply to it, or a mechanism or
carrier and the statements that concern it, by modality, a page at a time.

At corpus size a designation such as 县级以上人民政府 has tens of thousands of norms: the
store counts them by class and sorts them (server/pages/sparql.py ORDERED), and only the
page's norms are loaded with everything they show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from server.pages import reads, sparql, window
from server.pages.links import norm_record, term_ref
from server.pages.slice import LINK_PROPS, NORM_KINDS, Slice, direct_broader
from server.pages.viewmodel import TermView

PER_PAGE = 200  # norms on one page of a term
ENFORCED_SHOWN = 200  # liabilities an actor enforces, shown on its first page
PROVISION_ORDER = ("Commencement", "Definition", "Liability", "Purpose", "Scope")
ORDER = (*NORM_KINDS, *PROVISION_ORDER)


def _link(kind: str, focus: str) -> tuple[str, tuple[str, ...]]:
    if kind == "actor":
        return f"?s dg:appliesTo {focus} .", NORM_KINDS
    return f"?s ?p_focus {focus} . {sparql.among('p_focus', LINK_PROPS)}", ORDER


def pattern(kind: str, focus: str) -> str:
    """The statements of a term's page, binding ?s and its class ?c."""
    link, classes = _link(kind, focus)
    return ("{ SELECT DISTINCT ?s ?c WHERE { " + link
            + f" ?s a ?c . {sparql.among('c', classes)} }} }}")


def _in_graph(kind: str, focus: str, cls: str, graph: str) -> str:
    """The statements of one class of a term's page in one regulation's graph."""
    link, _ = _link(kind, focus)
    return ("{ SELECT DISTINCT ?s WHERE { " + window.typed_in(graph, (cls,))
            + window.exists(link) + " } }")


def _rank(cls: str) -> int:
    return ORDER.index(cls) if cls in ORDER else len(ORDER)


def enforced_pattern(focus: str) -> str:
    """The liabilities an actor imposes: named by the clause, or a designation it is
    within. The class is a test of those found (joined, Oxigraph read every liability
    first: 3.4 s for 沿海县级人民政府 at corpus size, against 6 ms)."""
    return ("{ SELECT DISTINCT ?s WHERE { { ?s dg:enforcedBy " + focus + " } UNION { "
            + focus + " dg:within ?by . ?s dg:enforcedBy ?by }"
            + window.exists("?s a dg:Liability") + " } }")


@dataclass(frozen=True)
class Head:
    """What every page of a term shows: the term, its direct broader and narrower
    terms, and the counts (kept per build)."""

    kind: str
    term: TermView
    broader: list[str]
    narrower: list[str]
    count: int
    by_class: dict[str, int]
    enforced: int
    per_regulation: window.Counts


NARROWER = """SELECT ?n WHERE { ?n dg:within {t} FILTER(?n != {t})
 FILTER NOT EXISTS { ?n dg:within ?m . ?m dg:within {t} FILTER(?m != {t} && ?m != ?n) } }"""


def head(kind: str, term_id: str) -> Head | None:
    return reads.memo(("term-head", kind, term_id), lambda: _head(kind, term_id))


def _head(kind: str, term_id: str) -> Head | None:
    focus_iri = str(reads.iris().term(kind, term_id))
    focus = reads.iri(focus_iri)
    if focus is None:
        return None
    sl = reads.new_slice()
    reads.add_terms(sl, [focus_iri])
    sl.index()
    term = sl.terms.get(focus_iri)
    if term is None or term.kind != kind:
        return None
    per_regulation = window.counted(pattern(kind, focus), by_class=True)
    by_class: dict[str, int] = {}
    for (cls, _), n in per_regulation.items():
        by_class[cls] = by_class.get(cls, 0) + n
    enforced = int(reads.select(sparql.COUNT, pattern=enforced_pattern(focus))[0]["n"]) \
        if kind == "actor" else 0
    return Head(kind, term, direct_broader(term.within, sl.terms),
                [r["n"] for r in reads.select(NARROWER, t=focus)], sum(by_class.values()),
                by_class, enforced, per_regulation)


def page_data(kind: str, term_id: str, number: int | None, lang: str
              ) -> tuple[dict[str, Any], str] | None:
    """The page's data and title; None when there is no such term. ``number`` None:
    every norm on one page."""
    top = head(kind, term_id)
    if top is None:
        return None
    pages = max(1, -(-top.count // PER_PAGE))
    current = 1 if number is None else min(max(1, number), pages)
    shown = None if number is None else slice((current - 1) * PER_PAGE, current * PER_PAGE)
    key = "" if shown is None else f"{shown.start}:{shown.stop}"
    return reads.memo(("term-page", kind, term_id, key, lang),
                      lambda: (_shown(top, shown, lang, current, pages),
                               top.term.label(lang)))


def _order(top: Head, focus: str, shown: slice | None) -> list[str]:
    """The page's statements in reading order: by class, then as the regulation reads
    (the whole list when no part is asked for)."""
    if shown is None:
        return [r["s"] for r in reads.select(sparql.ORDERED, pattern=pattern(top.kind, focus),
                                             first="?rank", rank=sparql.rank("c", ORDER),
                                             page="")]
    return window.cut(top.per_regulation, shown, _rank,
                      lambda cls, graph: _in_graph(top.kind, focus, cls, graph))


def _shown(top: Head, shown: slice | None, lang: str, current: int, pages: int
           ) -> dict[str, Any]:
    focus = reads.iri(top.term.iri) or "<urn:none>"
    order = _order(top, focus, shown)
    enforced = [] if top.kind != "actor" or current != 1 else [
        r["s"] for r in reads.select(sparql.ORDERED, pattern=enforced_pattern(focus),
                                     first="", rank="", page=f"LIMIT {ENFORCED_SHOWN}")]
    sl = reads.statements_slice(reads.values("s", order + enforced))
    reads.add_terms(sl, [top.term.iri, *top.broader, *top.narrower])
    sl.index()
    term = sl.terms.get(top.term.iri, top.term)
    records = [_record(sl, term, sl.statements[i], lang) for i in order if i in sl.statements]
    return {"term": {**term_ref(sl, term.iri, lang), "zh": term.zh, "en": term.en},
            "kind": top.kind,
            "broader": [term_ref(sl, b, lang) for b in top.broader],
            "narrower": [term_ref(sl, n, lang) for n in sorted(
                top.narrower, key=lambda i: sl.terms[i].zh if i in sl.terms else i)],
            "count": top.count, "page": current, "pages": pages,
            "groups": _groups(sl, records, top.by_class, lang),
            "enforced": [norm_record(sl, sl.statements[i], lang) for i in enforced
                         if i in sl.statements],
            "enforced_count": top.enforced}


def _record(sl: Slice, term: TermView, st: Any, lang: str) -> dict[str, Any]:
    record = norm_record(sl, st, lang)
    record["via"] = [] if term.iri in st.linked("addressee") or term.kind != "actor" else [
        r for r in record["addressee"] if r["iri"] in term.within]
    regulation = sl.regulations.get(st.slug)
    record["regulation"] = regulation.label(lang) if regulation else st.slug
    return record


def _groups(sl: Slice, records: list[dict[str, Any]], by_class: dict[str, int],
            lang: str) -> list[dict[str, Any]]:
    """By class (with its count over every page), then by regulation and chapter in
    reading order (the records are)."""
    groups: dict[str, dict[str, Any]] = {}
    for record in records:
        cls = record["class"]
        group = groups.setdefault(cls, {
            "class": cls, "modality": cls.lower() if cls in NORM_KINDS else "provision",
            "label": sl.class_label(cls, lang), "count": by_class.get(cls, 0),
            "chapters": []})
        label = " · ".join(x for x in (record["regulation"], record["chapter"]) if x)
        if not group["chapters"] or group["chapters"][-1]["label"] != label:
            group["chapters"].append({"label": label, "norms": []})
        group["chapters"][-1]["norms"].append(record)
    return list(groups.values())

