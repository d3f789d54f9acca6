"""Read what a page shows through the query runtime: selective queries bound to the
page's resources (server/pages/sparql.py), their rows turned into a Slice.

Every query goes through the one runtime, so a page gets the endpoint's caps, time
limit (a slow page is a 503, its worker killed), admission and reload; page data made
from the rows is kept in the runtime's one cache, per build.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterable
from typing import Any
from urllib.parse import unquote

import pyoxigraph
from flask import current_app

from kg.graph.iris import Iris
from kg.release import summary
from server.http.errors import body_of
from server.pages import sparql
from server.pages.slice import Slice
from server.pages.viewmodel import (
    LiabilityView,
    PenaltyView,
    RegulationView,
    StatementView,
    TermView,
    UnitView,
)
from server.runtime import runtime


def iris() -> Iris:
    """The IRIs of the served base (kg/graph/iris.py makes every IRI)."""
    return Iris(current_app.config["DUTYGRAPH_SETTINGS"].base_iri)


def select(template: str, **parts: str) -> list[dict[str, str]]:
    """The rows of a page query, each {variable: value}."""
    rt = runtime()
    body = body_of(rt.answer(rt.job(sparql.bind(template, **parts), "json")))
    bindings = json.loads(body)["results"]["bindings"]
    return [{name: cell["value"] for name, cell in row.items()} for row in bindings]


def summarised(name: str) -> list[dict[str, str]]:
    """The rows of one of the release's counts over all its data: from the summary the
    release writer made (kg/release/summary.py), or asked of the store where the
    release has none (an external endpoint) or the store holds more than the release
    (`kg serve --data`)."""
    def made() -> dict[str, list[dict[str, str]]]:
        rt = runtime()
        return {} if rt.options.data else summary.read(rt.release.folder) or {}
    found = memo("summary", made).get(name)
    return found if found is not None else select(summary.QUERIES[name])


def memo(key: Hashable, make: Callable[[], Any]) -> Any:
    """Page data kept per build in the runtime's one cache."""
    return runtime().cache.memo(("pages", key), make)


def iri(text: str) -> str | None:
    """`<text>` when text is an IRI (user input never reaches a query unchecked)."""
    try:
        return str(pyoxigraph.NamedNode(text))
    except ValueError:
        return None


def values(var: str, iris: Iterable[str]) -> str:
    """A VALUES block binding ?var to the given IRIs (none: matches nothing)."""
    terms = [t for t in map(iri, dict.fromkeys(iris)) if t]
    return f"VALUES ?{var} {{ {' '.join(terms)} }}"


def local(text: str) -> str:
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def slug_of(text: str) -> str:
    return text.split("/reg/", 1)[1].split("/", 1)[0] if "/reg/" in text else ""


def class_labels() -> dict[str, tuple[str, str]]:
    return memo("class-labels", lambda: {local(r["class"]): (r.get("zh", ""), r.get("en", ""))
                                         for r in select(sparql.CLASS_LABELS)})


def new_slice() -> Slice:
    return Slice(class_labels())


def add_regulations(sl: Slice, where: str = "") -> None:
    for row in select(sparql.REGULATIONS, where=where):
        slug = slug_of(row["r"])
        sl.regulations[slug] = RegulationView(row["r"], slug, row.get("zh", ""),
                                              row.get("en", ""), row.get("date", ""),
                                              row.get("force", ""))


def add_units(sl: Slice, where: str, texts: bool = True) -> None:
    """The units matching `where` (binding ?u), with their texts unless `texts` is
    False (lists of norms show their quotes, not whole paragraphs)."""
    for row in select(sparql.UNITS, where=where, text=sparql.TEXT if texts else ""):
        sl.units[row["u"]] = UnitView(
            row["u"], local(row["kind"]).lower(), slug_of(row["u"]), row["eid"],
            int(row.get("ord", 0)), row.get("number", ""), row.get("title", ""),
            row.get("zh", ""), row.get("en", ""), row.get("text", ""), row.get("parent"))


def add_statements(sl: Slice, where: str, applies: bool = False) -> list[str]:
    """The statements matching `where` (binding ?s or ?source), with their links (and,
    if asked, everything they apply to: many rows, through dg:within)."""
    found = []
    for row in select(sparql.STATEMENTS, where=where):
        sl.statements[row["s"]] = StatementView(
            row["s"], local(row["class"]), row["source"], int(row.get("start", 0)),
            int(row.get("end", 0)), row.get("exact", ""), row.get("cue", ""),
            row.get("action", ""), row.get("zh", ""), row.get("en", ""),
            review=local(row["review"]) if row.get("review") else "")
        found.append(row["s"])
    for row in select(sparql.LINKS, where=values("s", found)):
        sl.link(row["s"], local(row["p"]), row["o"])
    for row in select(sparql.APPLIES, where=values("s", found)) if applies else ():
        sl.link(row["s"], "appliesTo", row["o"])
    return found


def add_terms(sl: Slice, iris: Iterable[str] = (), where: str | None = None) -> None:
    """Terms (the given IRIs, or those matching `where`, a pattern binding ?t) with
    their `within`, and the terms they are within (so that each term's direct broader
    terms can be told)."""
    if where is not None:
        wanted = _load_terms(sl, where)
    else:
        wanted = list(dict.fromkeys(iris))
        _load_terms(sl, values("t", (i for i in wanted if i not in sl.terms)))
    beyond = {b for i in wanted if i in sl.terms for b in sl.terms[i].within} - set(sl.terms)
    if beyond:
        _load_terms(sl, values("t", beyond))


def term_view(row: dict[str, str]) -> TermView:
    """A term from a row binding ?t, ?kind and its labels ?zh and ?en."""
    tail = unquote(row["t"].rstrip("/").rsplit("/", 1)[-1])
    return TermView(row["t"], local(row["kind"]).lower(), tail, row.get("zh", ""),
                    row.get("en", ""))


def _load_terms(sl: Slice, where: str) -> list[str]:
    """The terms matching `where` (binding ?t), with their `within`."""
    found = []
    for row in select(sparql.TERMS, where=where):
        sl.terms[row["t"]] = term_view(row)
        found.append(row["t"])
    if found:
        for row in select(sparql.WITHIN, where=values("a", found)):
            if row["a"] in sl.terms:
                sl.terms[row["a"]].within.add(row["b"])
    return found


def add_sanctions(sl: Slice) -> None:
    """The liabilities enforcing the loaded norms, and those loaded themselves, with
    their penalties: what happens if a duty is breached."""
    norms = [s.iri for s in sl.statements.values() if s.is_norm]
    own = [s.iri for s in sl.statements.values() if s.cls == "Liability"]
    for where in (f"{values('norm', norms)} ?l dg:enforces ?norm ." if norms else "",
                  values("l", own) if own else ""):
        for row in select(sparql.PENALTIES, where=where) if where else ():
            _penalty(sl, row)


def _penalty(sl: Slice, row: dict[str, str]) -> None:
    liability = sl.liabilities.setdefault(row["l"], LiabilityView(row["l"], row["source"]))
    liability.penalties[row["p"]] = PenaltyView(
        local(row["kind"]), row.get("kzh", ""), row.get("ken", ""), row.get("exact", ""),
        row.get("min", ""), row.get("max", ""), row.get("minm", ""), row.get("maxm", ""),
        row.get("basis", ""), row.get("condition", ""))
    if "norm" in row and row["l"] not in sl.sanctions[row["norm"]]:
        sl.sanctions[row["norm"]].append(row["l"])


def add_context(sl: Slice, texts: bool = False) -> Slice:
    """What the loaded statements need to be shown: the liabilities that enforce them,
    their units up to the regulation (with their texts, if asked), the terms they link,
    and their regulations; then the slice's indexes."""
    add_sanctions(sl)
    sources = ({st.source for st in sl.statements.values()}
               | {lb.source for lb in sl.liabilities.values()}) - set(sl.units)
    if sources:
        add_units(sl, f"{values('src', sources)} ?src eli:is_part_of* ?u .", texts)
    linked = {o for st in sl.statements.values() for prop, objs in st.links.items()
              if prop != "enforces" for o in objs}
    add_terms(sl, linked | {a for st in sl.statements.values() for a in st.applies_to})
    slugs = {st.slug for st in sl.statements.values()} - set(sl.regulations)
    if slugs:
        add_regulations(sl, values("r", (str(iris().regulation(s)) for s in slugs)))
    return sl.index()


def statements_slice(where: str, applies: bool = False, texts: bool = False) -> Slice:
    """A slice of the statements matching `where`, with everything they show."""
    sl = new_slice()
    add_statements(sl, where, applies)
    return add_context(sl, texts)
