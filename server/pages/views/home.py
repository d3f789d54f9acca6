"""Home page and the regulation reader."""

from __future__ import annotations

from typing import Any

from flask import abort, g

from server.pages import reads
from server.pages.blueprint import bp
from server.pages.lang import translate
from server.pages.links import norm_record, term_href, unit_href
from server.pages.slice import NORM_KINDS, Slice
from server.pages.textmarks import segments
from server.pages.twins import Page, page, requested_page
from server.pages.viewmodel import UnitView

LEGEND = (*NORM_KINDS, "Purpose")
TERM_KINDS = ("actor", "mechanism", "carrier")
TOP_TERMS = 12
REGULATIONS_PER_PAGE = 50  # on one page of home: 1,759 at corpus size
TIED_SHOWN = 500  # terms read to break ties at the twelfth by label


@page(bp, "/", "home")
def home() -> Page:
    lang = g.lang
    slugs = reads.memo("home-slugs", _slugs)
    number, pages = requested_page(len(slugs), REGULATIONS_PER_PAGE)
    shown = slugs[(number - 1) * REGULATIONS_PER_PAGE: number * REGULATIONS_PER_PAGE]
    data = reads.memo(("home", lang, number, REGULATIONS_PER_PAGE),
                      lambda: _home(shown, lang))
    data = {**data, "page": number, "pages": pages, "total": len(slugs)}
    return Page("pages/home.html", translate("site", lang), data,
                [r["iri"] for r in data["regulations"]])


def _slugs() -> list[str]:
    """Every regulation, in the order home lists them."""
    sl = reads.new_slice()
    reads.add_regulations(sl)
    return sorted(sl.regulations)


def _home(shown: list[str], lang: str) -> dict[str, Any]:
    sl = reads.new_slice()
    base = reads.iris()
    regs = reads.values("r", (str(base.regulation(slug)) for slug in shown))
    reads.add_regulations(sl, regs)
    reads.add_units(sl, f"{regs} ?u eli:is_part_of ?r . ?u a dg:Chapter .")
    sl.index()
    counts = regulation_counts()
    regulations = []
    for reg in sorted(sl.regulations.values(), key=lambda r: r.slug):
        regulations.append({
            "iri": reg.iri, "slug": reg.slug, "label": reg.label(lang), "zh": reg.zh,
            "date_document": reg.date_document, "in_force": reg.in_force,
            "counts": counts.get(reg.slug, _zero()),
            "review": review_counts().get(reg.slug, {}),
            "chapters": [{"label": c.label(lang), "title": c.title, "href": unit_href(c)}
                         for c in sl.chapters(reg.slug)]})
    return {"regulations": regulations, "legend": legend(sl, lang),
            "entries": {kind: _top_terms(kind, lang) for kind in TERM_KINDS}}


def _zero() -> dict[str, int]:
    return {"chapter": 0, "article": 0, "paragraph": 0, "norm": 0,
            **dict.fromkeys(NORM_KINDS, 0)}


def review_counts() -> dict[str, dict[str, int]]:
    """Per regulation: how many statements were reviewed (confirmed, corrected or added
    in `kg review`) and how many are machine-made drafts no one has reviewed."""
    def make() -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for row in reads.summarised("reviews"):
            per = counts.setdefault(row["slug"], {"reviewed": 0, "drafts": 0})
            per["drafts" if reads.local(row["status"]) == "Draft" else "reviewed"] += int(
                row["n"])
        return counts
    return reads.memo(("review-counts",), make)


def regulation_counts() -> dict[str, dict[str, int]]:
    """Per regulation: chapters, articles, paragraphs, norms and norms per class (from
    the release's counts, kept per build)."""
    return reads.memo("regulation-counts", _counts)


def _counts() -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for row in reads.summarised("units"):
        counts.setdefault(row["slug"], _zero())[reads.local(row["kind"]).lower()] = int(row["n"])
    for row in reads.summarised("norms"):
        per = counts.setdefault(row["slug"], _zero())
        per[reads.local(row["class"])] = int(row["n"])
        per["norm"] += int(row["n"])
    return counts


def term_weights() -> dict[str, tuple[int, int]]:
    """Per term: how many statements apply to it, and how many link it (addressee,
    promoter, establishes, concerns)."""
    def make() -> dict[str, tuple[int, int]]:
        applies = {r["t"]: int(r["n"]) for r in reads.summarised("applies")}
        linked = {r["t"]: int(r["n"]) for r in reads.summarised("linked")}
        return {t: (applies.get(t, 0), linked.get(t, 0)) for t in {*applies, *linked}}
    return reads.memo("term-weights", make)


def _top_terms(kind: str, lang: str) -> list[dict]:
    """The terms of a kind most statements apply to or link, read with their labels
    (not every term of the kind: tens of thousands at corpus size)."""
    weights = {t: sum(w) for t, w in term_weights().items() if sum(w) > 0}
    of_kind = {r["t"] for r in reads.summarised("kinds")
               if reads.local(r["kind"]).lower() == kind}
    ranked_weights = sorted((weights[t] for t in weights if t in of_kind), reverse=True)
    least = ranked_weights[TOP_TERMS - 1] if len(ranked_weights) >= TOP_TERMS else 0
    tied = [t for t in weights if t in of_kind and weights[t] >= least]  # ties: by label
    sl = reads.new_slice()
    reads.add_terms(sl, sorted(tied, key=lambda t: (-weights[t], t))[:TIED_SHOWN])
    ranked = sorted((t for t in sl.terms_of(kind) if t.iri in weights),
                    key=lambda t: (-weights[t.iri], t.zh))[:TOP_TERMS]
    return [{"label": t.label(lang), "href": term_href(t), "count": weights[t.iri]}
            for t in ranked]


def legend(sl: Slice, lang: str) -> list[dict[str, str]]:
    return [{"modality": c.lower() if c in NORM_KINDS else "provision",
             "label": sl.class_label(c, lang) if c in NORM_KINDS
             else translate("provision", lang),
             "mark": translate(f"mark_{c.lower() if c in NORM_KINDS else 'provision'}", lang)}
            for c in LEGEND]


def reader_slice(slug: str) -> Slice | None:
    """One regulation whole: its units, statements and what they link."""
    sl = reads.new_slice()
    reg = reads.iri(str(reads.iris().regulation(slug)))
    if reg is None:
        return None
    reads.add_regulations(sl, f"VALUES ?r {{ {reg} }}")
    if slug not in sl.regulations:
        return None
    reads.add_units(sl, f"?u eli:is_part_of+ {reg} .")
    reads.add_statements(sl, reads.values("source", sl.units))
    return reads.add_context(sl)


@page(bp, "/reader/<slug>", "reader")
def reader(slug: str) -> Page:
    lang = g.lang
    shown = reads.memo(("reader", slug, lang), lambda: _reader(slug, lang))
    if shown is None:
        abort(404)
    data, iris = shown
    return Page("pages/reader.html", data["regulation"]["label"], data, iris)


def _reader(slug: str, lang: str) -> tuple[dict[str, Any], list[str]] | None:
    sl = reader_slice(slug)
    if sl is None:
        return None
    reg = sl.regulations[slug]
    chapters = sl.chapters(slug)
    groups = [{"eid": c.eid, "label": c.zh, "title": c.title,
               "articles": [_article(sl, sl.units[a], lang) for a in c.children]}
              for c in chapters]
    if not chapters:
        groups = [{"eid": None, "label": "", "title": "",
                   "articles": [_article(sl, a, lang) for a in sl.articles(slug)]}]
    data = {"regulation": {"iri": reg.iri, "slug": slug, "label": reg.label(lang),
                           "zh": reg.zh, "in_force": reg.in_force,
                           "date_document": reg.date_document,
                           "review": review_counts().get(slug, {})},
            "chapters": groups, "legend": legend(sl, lang)}
    return data, [reg.iri] + [u.iri for u in sl.units.values() if u.slug == slug]


def _article(sl: Slice, article: UnitView, lang: str) -> dict[str, Any]:
    return {"eid": article.eid, "number": article.number, "iri": article.iri,
            "label": article.label(lang),
            "paragraphs": [_unit(sl, sl.units[p], lang) for p in article.children]}


def _unit(sl: Slice, unit: UnitView, lang: str) -> dict[str, Any]:
    statements = sl.by_unit.get(unit.iri, [])
    return {"eid": unit.eid, "iri": unit.iri, "number": unit.number, "kind": unit.kind,
            "label": unit.label(lang),
            "segments": segments(sl, unit.text, statements, lang),
            "norms": [{**norm_record(sl, st, lang), "n": n}
                      for n, st in enumerate(statements, start=1)],
            "subunits": [_unit(sl, sl.units[i], lang) for i in unit.children]}
