"""Per regulation, the duties without a sanction: the obligations and prohibitions that
no liability provision enforces (dg:enforces), by chapter, with how many duties the
regulation has."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from flask import abort, g

from server.pages import reads
from server.pages.blueprint import bp
from server.pages.lang import translate
from server.pages.links import DUTIES, norm_record
from server.pages.sparql import among
from server.pages.twins import Page, page

DUTY_PATTERN = """?s a ?duty_class ; dg:source ?duty_src . {duties}
 ?duty_src eli:is_part_of+ {reg} ."""
UNSANCTIONED = " FILTER NOT EXISTS { ?enforcing dg:enforces ?s }"
COUNT = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { {pattern} }"


@page(bp, "/unsanctioned/<slug>", "unsanctioned")
def unsanctioned(slug: str) -> Page:
    lang = g.lang
    data = reads.memo(("unsanctioned", slug, lang), lambda: _data(slug, lang))
    if data is None:
        abort(404)
    title = f"{translate('unsanctioned', lang)}: {data['regulation']['label']}"
    return Page("pages/unsanctioned.html", title, data,
                [n["iri"] for c in data["chapters"] for n in c["norms"]])


def _data(slug: str, lang: str) -> dict[str, Any] | None:
    reg = reads.iri(str(reads.iris().regulation(slug)))
    sl = reads.new_slice()
    if reg is None:
        return None
    reads.add_regulations(sl, f"VALUES ?r {{ {reg} }}")
    if slug not in sl.regulations:
        return None
    duties = DUTY_PATTERN.replace("{duties}", among("duty_class", DUTIES)).replace("{reg}", reg)
    total = int(reads.select(COUNT, pattern=duties)[0]["n"])
    reads.add_statements(sl, duties + UNSANCTIONED)
    reads.add_context(sl)
    by_chapter: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    for st in sl.norms():
        record = norm_record(sl, st, lang)
        by_chapter[(record["chapter_ordinal"], record["chapter"])].append(record)
    regulation = sl.regulations[slug]
    return {"regulation": {"iri": regulation.iri, "slug": slug, "label": regulation.label(lang),
                           "zh": regulation.zh},
            "duties": total, "count": sum(len(v) for v in by_chapter.values()),
            "chapters": [{"label": key[1], "norms": by_chapter[key]} for key in sorted(by_chapter)]}
