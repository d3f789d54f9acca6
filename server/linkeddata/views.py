"""Linked data: every IRI under the base is served at /<path>, as an HTML page
or as an RDF twin (Turtle, JSON-LD, N-Triples, RDF/XML), chosen by `?format=`
or Accept, each twin advertised with `Link: rel="alternate"`."""

from __future__ import annotations

from urllib.parse import urlencode

import pyoxigraph
from flask import Response, current_app, render_template, request
from werkzeug.urls import iri_to_uri

from kg.graph.iris import Iris, as_uri, iri_path
from kg.namespaces import PREFIXES
from kg.query.formats import EXTENSIONS, GRAPH_FORMATS, media_type
from server.http import formats, jsonld
from server.http.errors import ApiError, NotAcceptable
from server.linkeddata import catalogue, resource
from server.linkeddata.blueprint import bp
from server.pages.rich import html_for
from server.runtime import runtime

TWINS = {**EXTENSIONS, "html": "html"}
_TABLE = {**formats.GRAPH_TYPES, **formats.HTML_TYPES}
_PREFIXES = {name: str(ns) for name, ns in PREFIXES.items()}


def base_iri() -> str:
    return current_app.config["DUTYGRAPH_SETTINGS"].base_iri


@bp.route("/<path:path>", methods=["GET", "HEAD"])
def show(path: str) -> Response:
    fmt = _format()
    page = _page()
    iri = base_iri() + iri_path(path)  # asked for as IRI or as URI alike
    try:
        desc = resource.describe(runtime(), iri, str(Iris(base_iri()).graph("ontology")), page)
    except resource.NotAnIri:
        raise ApiError(f"no resource {iri}", 404) from None
    if not desc.exists:  # the catalogue's and the named graphs' IRIs are not in the store
        desc = catalogue.describe(runtime(), iri, base_iri()) or desc
    if not desc.exists:
        raise ApiError(f"no resource {iri}", 404)
    # people's pages (server/pages/rich.py) show actors, norms, articles… richly as HTML
    rich = html_for(iri) if fmt == "html" else None
    response = rich if rich is not None else _render(desc, fmt)
    # a people's page names its own canonical URL in its HTML (server/web/metadata.py)
    response.headers["Link"] = as_uri(_links(path, page, desc.has_next, rich is None))
    response.vary.add("Accept")
    if not request.args.get("format"):  # negotiated: name the representation chosen
        response.headers["Content-Location"] = iri_to_uri(_twin_urls(request.path, page)[fmt])
    return response


def _format() -> str:
    explicit = request.args.get("format")
    if explicit:
        fmt = formats.alias(explicit)
        if fmt not in TWINS:
            raise NotAcceptable(f"unknown format {explicit!r}; use one of "
                                + ", ".join(TWINS.values()))
        return fmt
    media = formats.negotiate(request.headers.get("Accept"), _TABLE)
    if media is None:
        raise NotAcceptable("not acceptable; resources are served as "
                            + ", ".join(formats.supported(_TABLE)))
    return _TABLE[media]


def _page() -> int:
    try:
        page = int(request.args.get("page", "1"))
    except ValueError:
        raise ApiError("page must be a positive integer", 400) from None
    if page < 1 or page > 10_000:
        raise ApiError("page must be between 1 and 10000", 400)
    return page


def _render(desc: resource.Description, fmt: str) -> Response:
    if fmt == "html":
        body = render_template("resource.html", d=desc, local=local_path, base=base_iri(),
                               alternates=_twin_urls(request.path, desc.page)).encode()
    elif fmt == "jsonld":
        body = jsonld.compact(resource.serialize(desc, GRAPH_FORMATS["ntriples"], _PREFIXES),
                              base_iri())
    else:
        body = resource.serialize(desc, GRAPH_FORMATS[fmt], _PREFIXES)
    return Response(body, content_type=formats.CONTENT_TYPES[fmt])


def _query(page: int, **more: str) -> str:
    params = {**({"page": str(page)} if page > 1 else {}), **more}
    return "?" + urlencode(params) if params else ""


def _twin_urls(path: str, page: int) -> dict[str, str]:
    return {fmt: path + _query(page, format=name) for fmt, name in TWINS.items()}


def _links(path: str, page: int, has_next: bool, canonical: bool = True) -> str:
    url = "/" + path
    links = [f'<{u}>; rel="alternate"; type="{media_type(f)}"'
             for f, u in _twin_urls(url, page).items()]
    if canonical:
        links.append(f'<{base_iri()}{path}>; rel="canonical"')
    if has_next:
        links.append(f'<{url}{_query(page + 1)}>; rel="next"')
    if page > 1:
        links.append(f'<{url}{_query(page - 1)}>; rel="prev"')
    return ", ".join(links)


@bp.app_template_global()
def curie(iri: str) -> str:
    """`skos:prefLabel` for a known namespace, else the IRI itself."""
    for name, namespace in _PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{name}:{iri[len(namespace):]}"
    return iri


@bp.app_template_global()
def term_kind(term: object) -> str:
    if isinstance(term, pyoxigraph.NamedNode):
        return "iri"
    return "literal" if isinstance(term, pyoxigraph.Literal) else "blank"


def local_path(term: object) -> str | None:
    """The local URL of a term under the base, or None."""
    if isinstance(term, pyoxigraph.NamedNode) and term.value.startswith(base_iri()):
        rest = term.value[len(base_iri()):]
        return "/" + rest.split("#", 1)[0] if rest else None
    return None
