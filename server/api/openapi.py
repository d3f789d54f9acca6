"""/api/openapi.json: OpenAPI 3.1, generated from the named queries' typed headers."""

from __future__ import annotations

from flask import Response, current_app
from rdflib.plugins.sparql import prepareQuery

from kg import __version__
from kg.query.formats import media_type
from kg.query.named import NamedQuery
from server.api import files_spec, params, sparql_spec
from server.api.blueprint import bp
from server.api.rest import named_queries

JSON, CSV, JSONLD = (media_type(f) for f in ("plainjson", "csv", "jsonld"))
CELL = {"type": ["string", "integer", "number", "null"]}
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
PARAM = {"type": "object", "required": ["name", "type", "default", "description"],
         "properties": {"name": {"type": "string"},
                        "type": {"enum": ["iri", "string", "integer", "date"]},
                        "default": {"type": ["string", "null"]},
                        "description": {"type": ["string", "null"]}}}
QUERIES = {"type": "object", "required": ["ok", "queries"], "properties": {
    "ok": {"const": True},
    "queries": {"type": "array", "items": {
        "type": "object", "required": ["name", "title", "description", "url", "params"],
        "properties": {"name": {"type": "string"}, "title": {"type": "string"},
                       "description": {"type": "string"}, "url": {"type": "string"},
                       "params": {"type": "array",
                                  "items": {"$ref": "#/components/schemas/Param"}}}}}}}
CHECKSUMS = {"type": "object", "required": ["ok", "release", "files"], "properties": {
    "ok": {"const": True}, "release": {"type": "string"},
    "files": {"type": "array", "items": {
        "type": "object", "required": ["name", "bytes", "sha256", "url"],
        "properties": {"name": {"type": "string"}, "bytes": {"type": "integer", "minimum": 0},
                       "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                       "url": {"type": "string"}}}}}}
CONTEXT = {"type": "object", "required": ["@context"],
           "properties": {"@context": {"type": "object"}}}
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


def columns(query: NamedQuery) -> list[str]:
    """The variables a SELECT named query projects, in order: its answer's columns."""
    return [str(v) for v in prepareQuery(query.bind()).algebra["PV"]]


def rows_schema(query: NamedQuery) -> dict:
    """The Rows schema narrowed to this query's columns."""
    names = columns(query)
    return {"allOf": [{"$ref": "#/components/schemas/Rows"}, {"properties": {
        "query": {"const": query.name},
        "columns": {"const": names},
        "rows": {"items": {"type": "object", "required": names, "additionalProperties": False,
                           "properties": {name: CELL for name in names}}}}}]}


def operation(query: NamedQuery) -> dict:
    parameters = [{"name": p.name, "in": "query", "required": False,
                   "description": p.description or p.name, "schema": params.schema(p)}
                  for p in query.params]
    return {"get": {
        "operationId": f"query_{query.name.replace('-', '_')}",
        "summary": query.title, "description": query.description, "tags": ["named queries"],
        "parameters": [*parameters, FORMAT],
        "responses": {"200": {"description": "the rows, as JSON or SPARQL 1.1 CSV", "content": {
            JSON: {"schema": rows_schema(query)},
            CSV: {"schema": {"type": "string"}}}}, **_errors()}}}


def _static() -> dict:
    def json_get(operation_id: str, summary: str, schema: str) -> dict:
        return {"get": {"operationId": operation_id, "summary": summary, "responses": {
            "200": {"description": summary, "content": {JSON: {
                "schema": {"$ref": f"#/components/schemas/{schema}"}}}},
            "404": _error("no build to describe")}}}
    return {
        "/api/queries": json_get("list_queries", "the named queries and their parameters",
                                 "Queries"),
        "/context.jsonld": {"get": {
            "operationId": "jsonld_context", "summary": "the JSON-LD @context of the dataset",
            "responses": {"200": {"description": "the context", "content": {JSONLD: {
                "schema": {"$ref": "#/components/schemas/Context"}}}}}}},
        "/download/checksums.json": json_get("download_checksums",
                                             "the dump files with SHA-256 checksums",
                                             "Checksums"),
        "/sparql": sparql_spec.path(),
        **files_spec.paths(),
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
        "components": {"schemas": {"Rows": ROWS, "Error": ERROR, "Param": PARAM,
                                   "Queries": QUERIES, "Checksums": CHECKSUMS,
                                   "Context": CONTEXT, **files_spec.SCHEMAS}},
        "externalDocs": {"description": "SPARQL endpoint and service description",
                         "url": "/sparql"},
    }


@bp.route("/api/openapi.json")
def openapi() -> Response:
    return current_app.json.response(spec(named_queries()))
