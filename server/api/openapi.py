"""/api/openapi.json: OpenAPI 3.1, generated from the named queries' typed headers."""

from __future__ import annotations

from flask import Response, current_app

from kg import __version__
from kg.query.formats import media_type
from kg.query.named import NamedQuery
from server.api import params
from server.api.blueprint import bp
from server.api.rest import named_queries

JSON, CSV, JSONLD = (media_type(f) for f in ("plainjson", "csv", "jsonld"))
CELL = {"type": ["string", "integer", "null"]}
ERROR = {"type": "object", "required": ["ok", "error", "status"],
         "properties": {"ok": {"const": False}, "error": {"type": "string"},
                        "status": {"type": "integer"}}}
ROWS = {"type": "object", "required": ["ok", "query", "columns", "rows"],
        "properties": {"ok": {"const": True}, "query": {"type": "string"},
                       "params": {"type": "object",
                                  "additionalProperties": {"type": "string"}},
                       "columns": {"type": "array", "items": {"type": "string"}},
                       "rows": {"type": "array", "items": {
                           "type": "object", "additionalProperties": CELL}}}}
FORMAT = {"name": "format", "in": "query", "required": False,
          "description": "json (the default) or csv; overrides Accept",
          "schema": {"type": "string", "enum": ["json", "csv"]}}


def _error(description: str) -> dict:
    return {"description": description,
            "content": {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _errors() -> dict:
    return {"400": _error("a parameter is not of its type"),
            "404": _error("no such resource"),
            "406": _error("neither JSON nor CSV is acceptable"),
            "414": _error("the URL is too long"),
            "422": _error("the result is larger than the caps: page it"),
            "503": _error("the query ran past the time limit, or the server is busy")}


def operation(query: NamedQuery) -> dict:
    parameters = [{"name": p.name, "in": "query", "required": False,
                   "description": p.description or p.name, "schema": params.schema(p)}
                  for p in query.params]
    return {"get": {
        "operationId": f"query_{query.name.replace('-', '_')}",
        "summary": query.title, "description": query.description, "tags": ["named queries"],
        "parameters": [*parameters, FORMAT],
        "responses": {"200": {"description": "the rows, as JSON or SPARQL 1.1 CSV", "content": {
            JSON: {"schema": {"$ref": "#/components/schemas/Rows"}},
            CSV: {"schema": {"type": "string"}}}}, **_errors()}}}


def _static() -> dict:
    def json_get(summary: str, schema: dict) -> dict:
        return {"get": {"summary": summary, "responses": {
            "200": {"description": summary, "content": {JSON: {"schema": schema}}},
            "404": _error("no build to describe")}}}
    return {
        "/api/queries": json_get("the named queries and their parameters", {"type": "object"}),
        "/context.jsonld": {"get": {"summary": "the JSON-LD @context of the dataset",
                                    "responses": {"200": {"description": "the context",
                                                          "content": {JSONLD: {
                                                              "schema": {"type": "object"}}}}}}},
        "/download/checksums.json": json_get("the dump files with SHA-256 checksums",
                                             {"type": "object"}),
    }


def spec(queries: dict[str, NamedQuery]) -> dict:
    paths = {f"/api/queries/{name}": operation(q) for name, q in queries.items()}
    return {
        "openapi": "3.1.0",
        "info": {"title": "DutyGraph API", "version": __version__,
                 "description": "Legal duties in Chinese regulations. Each named query "
                 "(queries/*.rq) is an operation with typed parameters; results as JSON "
                 "rows or SPARQL 1.1 CSV. SPARQL itself is at /sparql (SPARQL 1.1 Protocol, "
                 "read-only); bulk dumps, DCAT and VoID at /download/."},
        "servers": [{"url": "/"}],
        "paths": {**paths, **_static()},
        "components": {"schemas": {"Rows": ROWS, "Error": ERROR}},
        "externalDocs": {"description": "SPARQL endpoint and service description",
                         "url": "/sparql"},
    }


@bp.route("/api/openapi.json")
def openapi() -> Response:
    return current_app.json.response(spec(named_queries()))
