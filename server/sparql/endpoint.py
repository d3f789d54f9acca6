"""The /sparql endpoint: query operation, service description, query page."""

from __future__ import annotations

from flask import Response, current_app, render_template, request

from server.http import formats
from server.http.errors import ApiError, Forbidden, NotAcceptable, body_of
from server.runtime import runtime
from server.runtime.analysis import QueryInfo, analyse
from server.sparql import description
from server.sparql import operation as protocol
from server.sparql.blueprint import bp

_FORMAT_PARAMS = ("format", "output", "results")
_GRAPH_FIT = {"json": "jsonld", "xml": "rdfxml"}
_PAGE_TYPES = {**formats.GRAPH_TYPES, **formats.HTML_TYPES}


@bp.route("/sparql", methods=["GET", "POST"])
@bp.route("/sparql/", methods=["GET", "POST"])
def endpoint() -> Response:
    op = protocol.read(request)
    if op.query is None:
        if request.method == "POST":
            raise ApiError("missing query parameter", 400)
        return _description()
    info = analyse(op.query)
    _refuse(info)
    fmt = _format(info)
    rt = runtime()
    job = rt.job(op.query, fmt, base_iri=request.base_url, **_dataset(op, info))
    return _response(body_of(rt.answer(job, op.timeout)), fmt)


def _refuse(info: QueryInfo) -> None:
    if info.is_update:
        raise Forbidden(protocol.READ_ONLY)
    if info.uses_service:
        raise Forbidden("SERVICE (federated query) is not allowed on this endpoint")


def _dataset(op: protocol.Operation, info: QueryInfo) -> dict:
    if op.has_dataset:
        return {"default_graph": op.default_graphs, "named_graphs": op.named_graphs or None}
    return {"union": not info.uses_from}


def _format(info: QueryInfo) -> str:
    table = formats.GRAPH_TYPES if info.is_graph else formats.RESULT_TYPES
    fits = set(table.values())
    for name in _FORMAT_PARAMS:
        wanted = formats.alias(request.values.get(name))
        if wanted and info.is_graph:
            wanted = _GRAPH_FIT.get(wanted, wanted)
        if wanted in fits:
            return wanted
    media = formats.negotiate(request.headers.get("Accept"), table)
    if media is None and info.is_graph:
        return _graph_fallback(request.headers.get("Accept"))
    if media is None:
        raise NotAcceptable("not acceptable; this query can be answered as "
                            + ", ".join(formats.supported(table)))
    return table[media]


def _graph_fallback(accept: str | None) -> str:
    """A graph format for a CONSTRUCT or DESCRIBE asked with a results-only Accept, as
    Jena, Virtuoso and Fuseki answer it (roqet sends sparql-results+xml for every query):
    the RDF syntax of the same family (XML → RDF/XML, JSON → JSON-LD), else Turtle."""
    wanted = formats.negotiate(accept, formats.RESULT_TYPES)
    return _GRAPH_FIT.get(formats.RESULT_TYPES.get(wanted or "", ""), "turtle")


def _response(body: bytes, fmt: str) -> Response:
    response = Response(body, content_type=formats.CONTENT_TYPES[fmt])
    response.vary.add("Accept")
    return response


def _description() -> Response:
    explicit = formats.alias(request.args.get("format"))
    media = None if explicit else formats.negotiate(request.headers.get("Accept"), _PAGE_TYPES)
    fmt = explicit or (_PAGE_TYPES[media] if media else None)
    if fmt not in ("html", *formats.GRAPH_TYPES.values()):
        raise NotAcceptable("not acceptable; the service description is served as "
                            + ", ".join(formats.supported(_PAGE_TYPES)))
    rt = runtime()
    if fmt == "html":
        return _response(render_template("sparql.html", options=rt.options,
                                         graphs=rt.release.graphs,
                                         endpoint=request.base_url).encode(), "html")
    key = ("service-description", request.base_url, fmt)
    base = current_app.config["DUTYGRAPH_SETTINGS"].base_iri
    body = rt.cache.memo(key, lambda: description.serialize(
        description.describe(rt, request.base_url, base), fmt))
    return _response(body, fmt)  # type: ignore[arg-type]


@bp.route("/sparql/health")
def health() -> Response:
    rt = runtime()
    return current_app.json.response({"ok": True, "release": rt.release.name,
                                      "workers": rt.workers()})
