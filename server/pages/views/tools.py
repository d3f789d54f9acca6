"""The SPARQL editor (YASGUI over the project's own /sparql) and the network pictures."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, g, request

from kg.query import named as queries
from server.pages import network, reads, sparql, window
from server.pages.blueprint import bp
from server.pages.lang import translate
from server.pages.slice import NORM_KINDS
from server.pages.twins import Page, page
from server.pages.views import termpage

SPARQL_PATH = "/sparql"
NETWORK_NORMS = 150  # norms on an actor's picture, first in reading order


@page(bp, "/editor", "editor")
def editor() -> Page:
    lang = g.lang
    folder = current_app.config["DUTYGRAPH_SETTINGS"].queries_dir
    named = reads.memo("named-queries", lambda: _named(folder))
    selected = request.args.get("named", "")
    data = {"endpoint": SPARQL_PATH, "queries": named,
            "selected": selected if any(q["name"] == selected for q in named) else ""}
    return Page("pages/editor.html", translate("editor", lang), data, [])


def _named(folder: Any) -> list[dict[str, str]]:
    try:
        loaded = queries.load_all(folder)
    except Exception:  # a broken query file must not take the editor down
        return []
    return [{"name": q.name, "title": q.title, "description": q.description,
             "query": q.bind()} for q in loaded.values()]


@page(bp, "/network", "network_whole")
def network_whole() -> Page:
    lang = g.lang
    graph = reads.memo(("network", lang), lambda: network.whole(lang))
    data = {"scope": "whole", "focus": None, "graph": graph}
    return Page("pages/network.html", translate("network_whole", lang), data,
                [n["id"] for n in graph["nodes"]])


@page(bp, "/network/actors/<term_id>", "network_actor")
def network_actor(term_id: str) -> Page:
    lang = g.lang
    shown = reads.memo(("network", term_id, NETWORK_NORMS, lang),
                       lambda: _actor_network(term_id, lang))
    if shown is None:
        abort(404)
    graph, focus = shown
    data = {"scope": "actor", "focus": focus, "graph": graph}
    title = f"{focus['label']} · {translate('network', lang)}"
    return Page("pages/network.html", title, data, [n["id"] for n in graph["nodes"]])


def _actor_network(term_id: str, lang: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The actor with its first norms in reading order, those that apply to it and
    those it promotes (a designation such as 县级以上人民政府 has tens of thousands at
    corpus size)."""
    top = termpage.head("actor", term_id)
    if top is None:
        return None
    focus = reads.iri(top.term.iri) or "<urn:none>"
    linked = f"{{ ?s dg:appliesTo {focus} }} UNION {{ ?s dg:promoter {focus} }}"
    norm = f"?s a ?c . {sparql.among('c', NORM_KINDS)}"

    per_regulation = window.counted("{ SELECT DISTINCT ?s WHERE { " + linked + " " + norm
                                    + " } }", by_class=False)
    count = sum(per_regulation.values())
    order = window.cut(per_regulation, slice(0, NETWORK_NORMS), lambda _: 0,
                       lambda _, graph: "{ SELECT DISTINCT ?s WHERE { "
                       + window.typed_in(graph, NORM_KINDS) + window.exists(linked) + " } }")
    sl = reads.statements_slice(reads.values("s", order))
    related = [*top.broader, *top.narrower]
    reads.add_terms(sl, [top.term.iri, *related])
    sl.index()
    actor = sl.terms.get(top.term.iri, top.term)
    focus_data = {"iri": actor.iri, "label": actor.label(lang), "id": actor.id,
                  "shown": len(order), "count": count}
    return network.of_actor(sl, actor, related, lang), focus_data
