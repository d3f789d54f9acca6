"""One view, many forms (Datasette): every page is a plain dict rendered as HTML,
or served as its .json twin, and the resources it shows as .ttl / .jsonld twins.
Each form advertises the others with `Link: rel="alternate"`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, g, render_template, request, url_for

from kg.graph.iris import as_uri
from kg.query.formats import EXTENSIONS, media_type
from server.http import jsonld
from server.http.errors import body_of
from server.pages import lang as lang_mod
from server.pages import reads, sparql
from server.runtime import runtime

RDF_TWINS = {EXTENSIONS[f]: f for f in ("turtle", "jsonld")}   # extension -> format
TWINS = {"json": media_type("plainjson"), **{ext: media_type(f) for ext, f in RDF_TWINS.items()}}
TWIN_RULE = "<any(json,ttl,jsonld):fmt>"
DESCRIBE = "CONSTRUCT { ?s ?p ?o } WHERE { {where} ?s ?p ?o }"
# A page showing many resources (an index of thousands of actors) names each by its types
# and labels in its twin, within the caps; each resource's own page and IRI have the rest.
NAMES = ("CONSTRUCT { ?s a ?class ; skos:prefLabel ?label } WHERE { {where} ?s a ?class "
         "OPTIONAL { ?s skos:prefLabel ?label } }")
DESCRIBED_WHOLE = 500


def requested_page(total: int, per_page: int) -> tuple[int, int]:
    """The page asked for with ?page= (clamped to 1..pages) and the number of pages."""
    pages = max(1, -(-total // per_page))
    try:
        number = int(request.args.get("page", "1"))
    except ValueError:
        number = 1
    return min(max(1, number), pages), pages


@dataclass
class Page:
    template: str
    title: str
    data: dict[str, Any]
    iris: list[str] = field(default_factory=list)


def twin_rule(rule: str) -> str:
    return "/index." + TWIN_RULE if rule == "/" else f"{rule}.{TWIN_RULE}"


def twin_path(path: str, fmt: str) -> str:
    base = "/index" if path == "/" else path
    query = urlencode(list(request.args.items(multi=True)))
    return f"{base}.{fmt}" + (f"?{query}" if query else "")


def html_path() -> str:
    """The page's own path: its route's, also where it is shown at an IRI's path
    (server/pages/rich.py), so that its twins are the page's, which resolve."""
    if g.get("page_path"):
        return g.page_path
    path = request.path
    for fmt in TWINS:
        if path.endswith("." + fmt):
            path = path[: -len(fmt) - 1]
    return "/" if path == "/index" else path


def page(bp: Blueprint, rule: str, endpoint: str) -> Callable:
    """Register `rule` and its `.json/.ttl/.jsonld` twin for a view returning a Page."""
    def decorate(view: Callable[..., Page]) -> Callable[..., Response]:
        def serve(fmt: str | None = None, **kwargs: Any) -> Response:
            g.lang, remember = lang_mod.pick(request)
            g.page_path = url_for(f"{bp.name}.{endpoint}", **kwargs)
            result = view(**kwargs)
            response = twin(result, fmt) if fmt else html(result)
            links = [f'<{twin_path(html_path(), f)}>; rel="alternate"; type="{m}"'
                     for f, m in TWINS.items() if f != fmt]
            if fmt:
                links.append(f'<{html_path()}>; rel="alternate"; type="{media_type("html")}"')
            response.headers["Link"] = as_uri(", ".join(links))  # a header carries URIs
            response.vary.update(("Accept-Language", "Cookie"))
            if remember:
                response.set_cookie(lang_mod.COOKIE, g.lang, max_age=365 * 86400,
                                    samesite="Lax")
            return response
        bp.add_url_rule(rule, endpoint, serve)
        bp.add_url_rule(twin_rule(rule), endpoint + "_twin", serve)
        return serve
    return decorate


def twin(result: Page, fmt: str) -> Response:
    if fmt == "json":
        body = json.dumps({"ok": True, "title": result.title, **result.data},
                          ensure_ascii=False, indent=1)
        return Response(body, mimetype=TWINS["json"])
    rt = runtime()
    shape = DESCRIBE if len(result.iris) <= DESCRIBED_WHOLE else NAMES
    query = sparql.bind(shape, where=reads.values("s", result.iris))
    if RDF_TWINS[fmt] == "jsonld":  # compact, under the published context
        triples = body_of(rt.answer(rt.job(query, "ntriples")))
        body = jsonld.compact(triples, current_app.config["DUTYGRAPH_SETTINGS"].base_iri)
    else:
        body = body_of(rt.answer(rt.job(query, RDF_TWINS[fmt])))
    return Response(body, mimetype=TWINS[fmt])


def html(result: Page) -> Response:
    return Response(render_page(result), mimetype=media_type("html"))


def render_page(result: Page, **extra: Any) -> str:
    """Render a Page in the one layout, with its data and twins."""
    lang = getattr(g, "lang", None) or lang_mod.pick(request)[0]
    twins = [(f, twin_path(html_path(), f), TWINS[f]) for f in TWINS]
    return render_template(result.template, page=result.data, title=result.title,
                           twins=twins, **layout_context(lang), **extra)


def layout_context(lang: str | None = None) -> dict[str, Any]:
    """What the one layout (templates/layout.html) needs on any page: the language,
    its switch and the translations; pages add their data and twins."""
    lang = lang or getattr(g, "lang", None) or lang_mod.pick(request)[0]
    other = "en" if lang == "zh" else "zh"
    args = {k: v for k, v in request.args.items() if k != "lang"}
    return {"lang": lang, "other_lang": other,
            "switch_url": request.path + "?" + urlencode({**args, "lang": other}),
            "t": lambda key: lang_mod.translate(key, lang)}


def _layout_defaults() -> dict[str, Any]:
    return {"page": {}, "twins": [], **layout_context()}


def install_layout(bp: Blueprint) -> None:
    """Give every template of the app (errors, the SPARQL page, linked data…) what
    the one layout needs."""
    bp.app_context_processor(_layout_defaults)
