"""The norm list (filters, pagination, CSV/JSON export) and one page per norm."""

from __future__ import annotations

import csv
import io
from typing import Any

from flask import Response, abort, g, request

from server.pages import bp
from server.pages.corpus import Corpus
from server.pages.lang import translate
from server.pages.links import norm_record, term_ref
from server.pages.model import NORM_CLASSES, Statement
from server.pages.state import get_state
from server.pages.textmarks import segments
from server.pages.twins import Page, page

PER_PAGE = 20
CSV_FIELDS = ("iri", "class", "cue", "article", "source", "addressee", "establishes",
              "concerns", "action", "exact")


def _filters() -> dict[str, str]:
    return {k: request.args.get(k, "").strip()[:100]
            for k in ("modality", "chapter", "actor", "q")}


def _matches(corpus: Corpus, st: Statement, f: dict[str, str]) -> bool:
    chapter = corpus.chapter_of(st)
    actor = corpus.term_by_id("actor", f["actor"]) if f["actor"] else None
    return ((not f["modality"] or st.cls == f["modality"])
            and (not f["chapter"] or (chapter is not None
                                      and chapter.iri.endswith("/reg/" + f["chapter"])))
            and (not f["actor"] or (actor is not None and actor.iri in st.applies_to))
            and (not f["q"] or any(f["q"] in s for s in (st.exact, st.action, st.cue))))


def filtered(f: dict[str, str]) -> list[dict[str, Any]]:
    state, lang = get_state(), g.lang
    key = ("norms", tuple(sorted(f.items())), lang)
    corpus = state.corpus
    return state.memo(key, lambda: [norm_record(corpus, st, lang) for st in corpus.norms()
                                    if _matches(corpus, st, f)])


def _page_number(total: int) -> tuple[int, int]:
    pages = max(1, -(-total // PER_PAGE))
    try:
        number = int(request.args.get("page", "1"))
    except ValueError:
        number = 1
    return min(max(1, number), pages), pages


@page(bp, "/norms", "norms")
def norms() -> Page:
    f, lang, corpus = _filters(), g.lang, get_state().corpus
    rows = filtered(f)
    number, pages = _page_number(len(rows))
    shown = rows if request.args.get("size") == "all" else rows[
        (number - 1) * PER_PAGE: number * PER_PAGE]
    args = {k: v for k, v in f.items() if v}
    data = {"filters": f, "total": len(rows), "page": number, "pages": pages,
            "per_page": PER_PAGE, "norms": shown, "args": args,
            "options": _options(corpus, lang)}
    return Page("pages/norms.html", translate("norms", lang), data, [n["iri"] for n in shown])


def _options(corpus: Corpus, lang: str) -> dict[str, list[dict[str, str]]]:
    return get_state().memo(("norm-options", lang), lambda: {
        "modality": [{"value": c, "label": corpus.class_label(c, lang)} for c in NORM_CLASSES],
        "chapter": [{"value": c.iri.split("/reg/", 1)[1], "label": c.zh}
                    for slug in sorted(corpus.regulations) for c in corpus.chapters(slug)],
        "actor": [{"value": t.id, "label": t.label(lang)} for t in corpus.terms_of("actor")
                  if any(t.iri in s.applies_to for s in corpus.statements.values())]})


@bp.route("/norms.csv")
def norms_csv() -> Response:
    from server.pages.lang import pick
    g.lang = pick(request)[0]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for n in filtered(_filters()):
        writer.writerow([_cell(n[k]) for k in CSV_FIELDS])
    response = Response("\ufeff" + out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="norms.csv"'
    return response


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "、".join(v["label"] for v in value)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@page(bp, "/norms/<path:path>", "norm")
def norm(path: str) -> Page:
    state, lang = get_state(), g.lang
    st = next((s for s in state.corpus.statements.values() if s.path == path), None)
    if st is None:
        abort(404)
    data = state.memo(("norm", st.iri, lang), lambda: _norm_data(state.corpus, st, lang))
    return Page("pages/norm.html", data["norm"]["label"], data,
                [st.iri, st.iri + "/evidence", st.source])


def _norm_data(corpus: Corpus, st: Statement, lang: str) -> dict[str, Any]:
    unit = corpus.units.get(st.source)
    record = norm_record(corpus, st, lang)
    return {"norm": record,
            "applies_to": [term_ref(corpus, a, lang) for a in sorted(
                st.applies_to, key=lambda i: corpus.terms[i].zh if i in corpus.terms else i)],
            "paragraph": segments(corpus, unit.text, [st], lang) if unit else []}
