"""The norm list (filters, pagination, CSV/JSON export) and one page per norm."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from flask import Response, abort, g, request

from kg.query.formats import media_type
from server.pages import reads, sparql, window
from server.pages.blueprint import bp
from server.pages.lang import pick, translate
from server.pages.links import norm_record, term_ref
from server.pages.slice import NORM_KINDS, Slice
from server.pages.textmarks import segments
from server.pages.twins import Page, page, requested_page
from server.pages.viewmodel import StatementView
from server.pages.views.home import regulation_counts, term_weights

PER_PAGE = 20
# the chapter filter is offered up to this many regulations (a select of tens of
# thousands of chapters is no help; ?chapter= still filters)
CHAPTER_OPTIONS_UP_TO = 100
ACTOR_OPTIONS = 500  # the actor filter offers those most norms apply to (any has its page)
CSV_FIELDS = ("iri", "class", "cue", "article", "source", "addressee", "establishes",
              "concerns", "action", "exact")


def _filters() -> dict[str, str]:
    return {k: request.args.get(k, "").strip()[:100]
            for k in ("modality", "chapter", "actor", "review", "q")}


# the review filter: reviewed (confirmed, corrected or added), a draft, or curated by hand
REVIEW_FILTERS = {
    "reviewed": "?s dg:reviewStatus ?review_status . FILTER(?review_status != dg:Draft)",
    "Draft": "?s dg:reviewStatus dg:Draft .",
    "hand": "FILTER NOT EXISTS { ?s dg:reviewStatus ?review_status }",
}


def _kinds(f: dict[str, str]) -> tuple[str, ...]:
    return (f["modality"],) if f["modality"] in NORM_KINDS else (
        ("None",) if f["modality"] else NORM_KINDS)


def _pattern(f: dict[str, str], graph: str | None = None) -> str:
    """The norms matching the filters, as a group pattern binding ?s (in one
    regulation's graph, when given)."""
    norm = f"?s a ?norm_class ; dg:source ?norm_src . {sparql.among('norm_class', _kinds(f))}"
    parts: list[str] = []
    if f["chapter"]:
        chapter = reads.iri(f"{reads.iris().base}reg/{f['chapter']}") or "<urn:none>"
        parts.append(f"?norm_src eli:is_part_of* {chapter} . {chapter} a dg:Chapter .")
    if f["review"]:
        parts.append(REVIEW_FILTERS.get(f["review"], "FILTER(false)"))
    if f["actor"]:
        actor = reads.iri(str(reads.iris().term("actor", f["actor"]))) or "<urn:none>"
        parts.append(f"?s dg:appliesTo {actor} .")
    if f["q"]:
        needle = json.dumps(f["q"], ensure_ascii=False)
        parts.append(f"OPTIONAL {{ ?s dg:evidence/oa:exact ?q_exact }} "
                     f"OPTIONAL {{ ?s dg:action ?q_action }} OPTIONAL {{ ?s dg:cue ?q_cue }} "
                     f"FILTER(CONTAINS(COALESCE(?q_exact, ''), {needle}) || "
                     f"CONTAINS(COALESCE(?q_action, ''), {needle}) || "
                     f"CONTAINS(COALESCE(?q_cue, ''), {needle}))")
    if graph is not None:
        typed = window.typed_in(graph, _kinds(f), "?norm_class", "; dg:source ?norm_src")
        return ("{ SELECT DISTINCT ?s WHERE { " + typed + window.exists(" ".join(parts))
                + " } }")
    return "{ SELECT DISTINCT ?s WHERE { " + " ".join([norm, *parts]) + " } }"


def _per_regulation(f: dict[str, str]) -> window.Counts:
    """How many norms match in each regulation: from the release's counts when the
    filters are at most a modality, else counted by the store (one aggregate)."""
    def count() -> window.Counts:
        if any(f[k] for k in ("chapter", "actor", "review", "q")):
            return window.counted(_pattern(f), by_class=False)
        kinds = _kinds(f)
        matches = {slug: sum(per.get(k, 0) for k in kinds)
                   for slug, per in regulation_counts().items()}
        return {("", slug): n for slug, n in matches.items() if n}
    return reads.memo(("norms-per-regulation", tuple(sorted(f.items()))), count)


def _ordered(f: dict[str, str], shown: slice | None) -> list[str]:
    """The norms of the window in reading order (all of them without one)."""
    if shown is None:
        return [r["s"] for r in reads.select(sparql.ORDERED, pattern=_pattern(f), page="",
                                             first="", rank="")]
    return window.cut(_per_regulation(f), shown, lambda _: 0,
                      lambda _, graph: _pattern(f, graph))


def filtered(f: dict[str, str], shown: slice | None = None) -> list[dict[str, Any]]:
    """The records of the norms matching the filters, in reading order: all of them,
    or the `shown` part (read from the store page by page, never all to cut one)."""
    lang = g.lang
    cut = "" if shown is None else f"{shown.start}:{shown.stop}"

    def make() -> list[dict[str, Any]]:
        order = _ordered(f, shown)
        sl = reads.statements_slice(reads.values("s", order))
        return [norm_record(sl, sl.statements[i], lang) for i in order if i in sl.statements]
    return reads.memo(("norms", tuple(sorted(f.items())), cut, lang), make)


def _total(f: dict[str, str]) -> int:
    return sum(_per_regulation(f).values())


@page(bp, "/norms", "norms")
def norms() -> Page:
    f, lang = _filters(), g.lang
    total = _total(f)
    number, pages = requested_page(total, PER_PAGE)
    part = slice((number - 1) * PER_PAGE, number * PER_PAGE)
    shown = filtered(f, None if request.args.get("size") == "all" else part)
    args = {k: v for k, v in f.items() if v}
    data = {"filters": f, "total": total, "page": number, "pages": pages,
            "per_page": PER_PAGE, "norms": shown, "args": args,
            "options": _with_chosen_actor(
                reads.memo(("norm-options", lang), lambda: _options(lang)), f["actor"])}
    return Page("pages/norms.html", translate("norms", lang), data, [n["iri"] for n in shown])


def _with_chosen_actor(options: dict[str, list[dict[str, str]]], actor: str
                       ) -> dict[str, list[dict[str, str]]]:
    """The options, with the filtered actor among them when it is not one of those
    offered (the select shows what is applied)."""
    if not actor or any(o["value"] == actor for o in options["actor"]):
        return options
    return {**options, "actor": [*options["actor"], {"value": actor, "label": actor}]}


def _options(lang: str) -> dict[str, list[dict[str, str]]]:
    sl = reads.new_slice()
    reads.add_regulations(sl)
    if len(sl.regulations) <= CHAPTER_OPTIONS_UP_TO:
        reads.add_units(sl, "VALUES ?kind { dg:Chapter }")
    weights = term_weights()
    applied = sorted((t for t, (applies, _) in weights.items() if applies),
                     key=lambda t: (-weights[t][0], t))[:ACTOR_OPTIONS]
    reads.add_terms(sl, applied)
    sl.index()
    chosen = set(applied)
    return {
        "modality": [{"value": c, "label": sl.class_label(c, lang)} for c in NORM_KINDS],
        "chapter": [{"value": c.iri.split("/reg/", 1)[1],
                     "label": c.zh if len(sl.regulations) == 1
                     else f"{sl.regulations[slug].label(lang)} · {c.zh}"}
                    for slug in sorted(sl.regulations) for c in sl.chapters(slug)],
        "actor": [{"value": t.id, "label": t.label(lang)} for t in sl.terms_of("actor")
                  if t.iri in chosen],
        "review": [{"value": v, "label": translate(f"review_{v}", lang)}
                   for v in REVIEW_FILTERS]}


@bp.route("/norms.csv")
def norms_csv() -> Response:
    g.lang = pick(request)[0]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for n in filtered(_filters()):
        writer.writerow([_cell(n[k]) for k in CSV_FIELDS])
    response = Response("\ufeff" + out.getvalue(), mimetype=media_type("csv"))
    response.headers["Content-Disposition"] = 'attachment; filename="norms.csv"'
    return response


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "、".join(v["label"] for v in value)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@page(bp, "/norms/<path:path>", "norm")
def norm(path: str) -> Page:
    lang = g.lang
    shown = reads.memo(("norm", path, lang), lambda: _norm(path, lang))
    if shown is None:
        abort(404)
    data, iri, source = shown
    return Page("pages/norm.html", data["norm"]["label"], data,
                [iri, iri + "/evidence", source])


def _norm(path: str, lang: str) -> tuple[dict[str, Any], str, str] | None:
    target = reads.iri(f"{reads.iris().base}reg/{path}")
    if target is None:
        return None
    sl = reads.statements_slice(f"VALUES ?s {{ {target} }}", applies=True, texts=True)
    st = sl.statements.get(target[1:-1])
    if st is None:
        return None
    # the other end of each dg:enforces, whole: the norms a liability enforces, or the
    # liabilities (who enforces, who is liable, the clause) that enforce this norm
    ends = st.linked("enforces") + sl.sanctions.get(st.iri, [])
    if ends:
        reads.add_statements(sl, reads.values("s", ends))
        reads.add_context(sl)
    return _norm_data(sl, st, lang), st.iri, st.source


def _norm_data(sl: Slice, st: StatementView, lang: str) -> dict[str, Any]:
    unit = sl.units.get(st.source)
    record = norm_record(sl, st, lang)
    enforcing = {i: norm_record(sl, sl.statements[i], lang)
                 for i in sl.sanctions.get(st.iri, []) if i in sl.statements}
    return {"norm": record,
            "enforces": [norm_record(sl, enforced, lang)
                         for enforced in sl.in_text_order(st.linked("enforces"))],
            "sanctions": [{**s, **{k: enforcing[s["iri"]][k] for k in (
                "exact", "enforcedBy", "liable")}} for s in record["sanctions"]
                if s["iri"] in enforcing],
            "applies_to": [term_ref(sl, a, lang) for a in sorted(
                st.applies_to, key=lambda i: sl.terms[i].zh if i in sl.terms else i)],
            "paragraph": segments(sl, unit.text, [st], lang) if unit else []}
