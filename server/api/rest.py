"""/api/queries and /api/queries/<name>: the named queries as REST, JSON or CSV."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation

from flask import Response, current_app, request

from kg.query import named as queries
from kg.query.formats import CONTENT_TYPES, ROWS_TYPES
from kg.query.named import NamedQuery
from server.api import params
from server.api.blueprint import bp
from server.http import formats
from server.http.errors import ApiError, NotAcceptable, body_of
from server.runtime import runtime

FORMATS = {"json": "plainjson", "csv": "csv"}   # ?format= value -> format name


def _decimal(text: str) -> int | float:
    """An xsd:decimal (a fine's bounds, a multiple) as a JSON number: 200, 0.5."""
    number = Decimal(text)
    return int(number) if number == number.to_integral_value() else float(number)


_NUMBERS = {"http://www.w3.org/2001/XMLSchema#integer": int,
            "http://www.w3.org/2001/XMLSchema#decimal": _decimal}
_EXTENSION = "dutygraph.api.queries"


def named_queries() -> dict[str, NamedQuery]:
    """The SELECT named queries, read once per app."""
    found = current_app.extensions.get(_EXTENSION)
    if found is None:
        folder = current_app.config["DUTYGRAPH_SETTINGS"].queries_dir
        found = {n: q for n, q in queries.load_all(folder).items() if q.form == "SELECT"}
        current_app.extensions[_EXTENSION] = found
    return found


def describe(query: NamedQuery) -> dict:
    return {"name": query.name, "title": query.title, "description": query.description,
            "url": f"/api/queries/{query.name}",
            "params": [{"name": p.name, "type": p.type, "default": p.default,
                        "description": p.description} for p in query.params]}


@bp.route("/api/queries")
def queries_index() -> Response:
    return current_app.json.response(
        {"ok": True, "queries": [describe(q) for q in named_queries().values()]})


@bp.route("/api/queries/<name>")
def run_query(name: str) -> Response:
    query = named_queries().get(name)
    if query is None:
        raise ApiError(f"no named query {name!r}; see /api/queries", 404)
    fmt = _format()
    values = params.check(query, request.args.to_dict())
    rt = runtime()
    job = rt.job(query.bind(values), "json" if fmt == "plainjson" else fmt)
    body = body_of(rt.answer(job, presumed_cheap=True))
    if fmt == "plainjson":
        body = json.dumps(simple(query, values, body), ensure_ascii=False).encode()
    response = Response(body, content_type=CONTENT_TYPES[fmt])
    response.vary.add("Accept")
    return response


def _format() -> str:
    wanted = request.args.get("format")
    if wanted is not None:
        if wanted not in FORMATS:
            raise ApiError("format must be json or csv", 400)
        return FORMATS[wanted]
    media = formats.negotiate(request.headers.get("Accept"), ROWS_TYPES)
    if media is None:
        raise NotAcceptable("not acceptable; use application/json or text/csv")
    return ROWS_TYPES[media]


def simple(query: NamedQuery, values: dict[str, str], body: bytes) -> dict:
    """SPARQL JSON results as plain rows: {column: value}, integers and decimals as
    numbers."""
    results = json.loads(body)
    columns = results["head"].get("vars", [])
    rows = [{c: _plain(b[c]) if c in b else None for c in columns}
            for b in results.get("results", {}).get("bindings", [])]
    return {"ok": True, "query": query.name, "params": values, "columns": columns,
            "rows": rows}


def _plain(term: dict) -> object:
    convert = _NUMBERS.get(term.get("datatype", ""))
    if convert is not None:
        try:
            return convert(term["value"])
        except (ValueError, InvalidOperation):
            return term["value"]
    return term["value"]
