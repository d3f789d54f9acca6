"""My office: everything that applies to one real office across all regulations.

An official picks an office (organ kind, level, sector, area) or types it (县交通运输局);
the actor grammar (kg.source.offices) reads it into an Office, and every office it is
within (kg.graph.offices.up_closure: 县级以上人民政府交通运输主管部门, 县级以上人民政府有关部门,
有关部门 …) is looked up among the build's actors by its canonical wording. The page
lists every norm that applies to any of them (dg:appliesTo), grouped by regulation and
chapter with the source text, paged, with CSV and JSON exports.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import replace
from typing import Any

from flask import Response, g, request

from kg.graph.offices import up_closure
from kg.query.formats import media_type
from kg.source import offices
from kg.source.offices import Office
from kg.source.offices.labels import canonical
from kg.source.offices.scheme import BASE_LEVELS, default_scheme
from kg.source.statements import NORM_KINDS
from server.pages import reads, sparql, window
from server.pages.blueprint import bp
from server.pages.lang import pick
from server.pages.links import norm_record, term_ref
from server.pages.textmarks import segments
from server.pages.twins import Page, page

PER_PAGE = 20
FIELDS = ("office", "level", "sector", "area", "kind")
KINDS = {"department": "部门", "government": "人民政府"}
NORM_FILTER = f"FILTER(?norm_class IN ({', '.join('dg:' + k for k in NORM_KINDS)}))"
CSV_FIELDS = ("regulation", "chapter", "article", "source", "class", "cue", "action",
              "addressee", "via", "text", "iri")
TEXT = {  # zh, en
    "title": ("我的机关：适用于本机关的全部规范", "My office: everything that applies to it"),
    "intro": ("选择或输入一个机关（例如县交通运输局），"
              "查看所有法规中适用于它的义务、禁止、授权和倡导性规范。",
              "Pick or type an office (for example a county's transport bureau) and see every "
              "duty, prohibition, permission and encouragement that applies to it in every "
              "regulation."),
    "office": ("输入机关名称", "Type an office"), "kind": ("机关类别", "Organ kind"),
    "level": ("层级", "Level"), "sector": ("领域", "Sector"), "area": ("地域", "Area"),
    "none": ("（不限）", "(none)"), "show": ("查看", "Show"),
    "unknown": ("无法识别该机关名称。", "This office could not be read."),
    "reached": ("本机关属于以下称谓，适用于它们的规范都适用于本机关",
                "This office is within these designations; what applies to them applies to it"),
    "results": ("条规范", "norms"), "export": ("导出", "Export"),
    "regulations": ("部法规", "regulations"),
}


def _text(lang: str) -> dict[str, str]:
    return {key: pair[lang == "en"] for key, pair in TEXT.items()}


def _choice() -> dict[str, str]:
    return {k: request.args.get(k, "").strip()[:60] for k in FIELDS}


def chosen_office(choice: dict[str, str]) -> Office | None:
    """The office typed (read by the grammar) or picked from the schemes' concepts."""
    scheme = default_scheme()
    if choice["office"]:
        return offices.parse(choice["office"], scheme=scheme)
    kind = choice["kind"] or "department"
    level = choice["level"] if choice["level"] in scheme.levels else None
    sector = choice["sector"] if choice["sector"] in scheme.sectors else None
    area = choice["area"] if choice["area"] in scheme.areas else None
    if kind not in KINDS or not (level or sector):
        return None
    office = Office(kind, KINDS[kind], level=level, area=area,
                    sector=sector if kind == "department" else None)
    return replace(office, canonical=canonical(office, scheme))


def reached(office: Office) -> list[str]:
    """The build's actors that are this office or that it is within, as IRIs."""
    wordings = sorted({office.canonical} | {o.canonical
                                            for o in up_closure(office, default_scheme())})
    labels = " ".join(json.dumps(w, ensure_ascii=False) + "@zh" for w in wordings)
    rows = reads.select("SELECT DISTINCT ?a WHERE { VALUES ?l { {labels} } ?a a dg:Actor . "
                        "{ ?a skos:prefLabel ?l } UNION { ?a skos:altLabel ?l } }",
                        labels=labels)
    return sorted(r["a"] for r in rows)


def _pattern(actors: list[str], graph: str | None = None) -> str:
    norm = f"?s a ?norm_class ; dg:source ?norm_src . {NORM_FILTER}"
    applies = reads.values("a", actors) + " ?s dg:appliesTo ?a ."
    if graph is not None:  # ?s is bound: its own few dg:appliesTo are tested
        among = ", ".join(t for t in map(reads.iri, actors) if t) or "<urn:none>"
        typed = window.typed_in(graph, NORM_KINDS, "?norm_class", "; dg:source ?norm_src")
        return ("{ SELECT DISTINCT ?s WHERE { " + typed
                + window.exists(f"?s dg:appliesTo ?a . FILTER(?a IN ({among}))") + " } }")
    return "{ SELECT DISTINCT ?s WHERE { " + applies + " " + norm + " } }"


def _per_regulation(actors: list[str]) -> window.Counts:
    return reads.memo(("office-per-regulation", tuple(actors)),
                      lambda: window.counted(_pattern(actors), by_class=False))


def _records(actors: list[str], shown: slice | None, lang: str) -> list[dict[str, Any]]:
    def make() -> list[dict[str, Any]]:
        order = [r["s"] for r in reads.select(sparql.ORDERED, pattern=_pattern(actors),
                                              page="", first="", rank="")] if shown is None \
            else window.cut(_per_regulation(actors), shown, lambda _: 0,
                            lambda _, graph: _pattern(actors, graph))
        sl = reads.statements_slice(reads.values("s", order), texts=True)
        out = []
        for iri in (i for i in order if i in sl.statements):
            st = sl.statements[iri]
            record = norm_record(sl, st, lang)
            record["via"] = [term_ref(sl, a, lang) for a in st.linked("addressee")
                             if a in actors]
            regulation = sl.regulations.get(st.slug)
            record["regulation"] = regulation.label(lang) if regulation else st.slug
            record["slug"] = st.slug
            unit = sl.units.get(st.source)
            record["text"] = unit.text if unit else ""
            record["segments"] = segments(sl, unit.text, [st], lang) if unit else []
            out.append(record)
        return out
    key = "" if shown is None else f"{shown.start}:{shown.stop}"
    return reads.memo(("office-norms", tuple(actors), key, lang), make)


def _groups(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """By regulation, then chapter, in reading order (the records are)."""
    by_reg: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    titles = {}
    for r in records:
        titles[r["slug"]] = r["regulation"]
        by_reg[r["slug"]][r["chapter"]].append(r)
    return [{"slug": slug, "regulation": titles[slug],
             "chapters": [{"label": label, "norms": norms} for label, norms in chapters.items()]}
            for slug, chapters in by_reg.items()]


def _options(lang: str) -> dict[str, list[dict[str, str]]]:
    scheme, en = default_scheme(), lang == "en"
    levels = [scheme.levels[i] for i in BASE_LEVELS if i in scheme.levels]
    return {
        "kind": [{"value": k, "label": getattr(scheme.kinds[k], "en" if en else "zh")}
                 for k in KINDS],
        "level": [{"value": lv.id, "label": lv.en if en else lv.zh} for lv in levels],
        "sector": sorted(({"value": s.id, "label": s.en if en else s.zh}
                          for s in scheme.sectors.values() if not s.successor),
                         key=lambda o: o["label"]),
        "area": [{"value": a.zh, "label": a.en if en else a.zh}
                 for a in scheme.areas.values()]}


def _office_view(office: Office, actors: list[str], lang: str) -> dict[str, Any]:
    scheme = default_scheme()
    sl = reads.new_slice()
    reads.add_terms(sl, actors)
    return {"zh": office.canonical, "en": offices.english(office, scheme),
            "level": office.level, "sector": office.sector, "area": office.area,
            "kind": office.organ_kind,
            "reached": sorted((term_ref(sl, a, lang) for a in actors),
                              key=lambda r: r["label"])}


def office_data(choice: dict[str, str], number: int | None, lang: str) -> dict[str, Any]:
    """The page's data: the office, the actors it is reached through, one page of norms
    (all of them when ``number`` is None) and the counts."""
    office = chosen_office(choice)
    data: dict[str, Any] = {"choice": choice, "args": {k: v for k, v in choice.items() if v},
                            "options": _options(lang), "office": None, "total": 0,
                            "page": 1, "pages": 1, "groups": [], "norms": [],
                            "text": _text(lang), "asked": any(choice.values())}
    if office is None:
        return data
    actors = reached(office)
    data["office"] = _office_view(office, actors, lang)
    per_regulation = _per_regulation(actors) if actors else {}
    total = sum(per_regulation.values())
    pages = max(1, -(-total // PER_PAGE))
    current = 1 if number is None else min(max(1, number), pages)
    shown = None if number is None else slice((current - 1) * PER_PAGE, current * PER_PAGE)
    records = _records(actors, shown, lang) if actors else []
    data.update(total=total, page=current, pages=pages, norms=records,
                groups=_groups(records), regulations=len(per_regulation))
    return data


def _page_number() -> int | None:
    if request.args.get("size") == "all":
        return None
    try:
        return int(request.args.get("page", "1"))
    except ValueError:
        return 1


@page(bp, "/offices", "offices")
def my_office() -> Page:
    data = office_data(_choice(), _page_number(), g.lang)
    title = data["text"]["title"]
    if data["office"]:
        title = f"{data['office']['en' if g.lang == 'en' else 'zh']} · {title}"
    return Page("pages/offices.html", title, data, [n["iri"] for n in data["norms"]])


@bp.route("/offices.csv")
def offices_csv() -> Response:
    g.lang = pick(request)[0]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for n in office_data(_choice(), None, g.lang)["norms"]:
        writer.writerow([_cell(n[k]) for k in CSV_FIELDS])
    response = Response("\ufeff" + out.getvalue(), mimetype=media_type("csv"))
    response.headers["Content-Disposition"] = 'attachment; filename="office.csv"'
    return response


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "、".join(v["label"] for v in value)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
