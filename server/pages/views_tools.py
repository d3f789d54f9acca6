"""The SPARQL editor (YASGUI over the project's own /sparql) and the network pictures."""

from __future__ import annotations

from typing import Any

from flask import abort, g, request

from kg.query import named as queries
from server.pages import bp, network
from server.pages.lang import translate
from server.pages.state import get_state
from server.pages.twins import Page, page

SPARQL_PATH = "/sparql"


@page(bp, "/editor", "editor")
def editor() -> Page:
    state, lang = get_state(), g.lang
    named = state.memo("named-queries", lambda: _named(state.settings.queries_dir))
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
    state, lang = get_state(), g.lang
    graph = state.memo(("network", lang), lambda: network.whole(state.corpus, lang))
    data = {"scope": "whole", "focus": None, "graph": graph}
    return Page("pages/network.html", translate("network_whole", lang), data,
                [n["id"] for n in graph["nodes"]])


@page(bp, "/network/actors/<term_id>", "network_actor")
def network_actor(term_id: str) -> Page:
    state, lang = get_state(), g.lang
    actor = state.corpus.term_by_id("actor", term_id)
    if actor is None:
        abort(404)
    graph = state.memo(("network", actor.iri, lang),
                       lambda: network.of_actor(state.corpus, actor, lang))
    data = {"scope": "actor", "focus": {"iri": actor.iri, "label": actor.label(lang),
                                        "id": actor.id}, "graph": graph}
    title = f"{actor.label(lang)} · {translate('network', lang)}"
    return Page("pages/network.html", title, data, [n["id"] for n in graph["nodes"]])
