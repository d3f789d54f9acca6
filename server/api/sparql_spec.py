"""/sparql in the OpenAPI description: the SPARQL 1.1 Protocol's query operation, with
the media types of kg/query/formats.py (SELECT/ASK results, CONSTRUCT/DESCRIBE graphs)."""

from __future__ import annotations

from kg.query.formats import CONTENT_TYPES, FORM_TYPE, GRAPH_TYPES, QUERY_TYPE, RESULT_TYPES

ANSWER = {"type": "string", "description": "a SPARQL results document or an RDF graph"}
DATASET = [
    {"name": "default-graph-uri", "in": "query", "required": False, "explode": True,
     "description": "a graph of the default graph (repeatable; wins over FROM)",
     "schema": {"type": "array", "items": {"type": "string", "format": "iri"}}},
    {"name": "named-graph-uri", "in": "query", "required": False, "explode": True,
     "description": "a named graph of the dataset (repeatable; wins over FROM NAMED)",
     "schema": {"type": "array", "items": {"type": "string", "format": "iri"}}},
    {"name": "timeout", "in": "query", "required": False,
     "description": "seconds; may lower the server's time limit, never raise it",
     "schema": {"type": "number", "exclusiveMinimum": 0}}]
ERRORS = {"400": "a syntax error or a bad parameter",
          "403": "SERVICE or an update: this endpoint is read-only",
          "406": "no acceptable format for this query form",
          "413": "the body is larger than 256 KB", "414": "the URL is longer than 16 KB",
          "415": "a POST body of another media type",
          "422": "the result is larger than the row or byte cap: page it with LIMIT/OFFSET",
          "503": "the query ran past the time limit, or the server is busy (Retry-After)"}


def _answers() -> dict:
    media = dict.fromkeys(CONTENT_TYPES[f].split(";")[0]
                          for f in [*RESULT_TYPES.values(), *GRAPH_TYPES.values()])
    ok = {"description": "the answer: SELECT and ASK as SPARQL results (JSON by default), "
                         "CONSTRUCT and DESCRIBE as RDF (Turtle by default), by Accept; "
                         "GET without a query: the service description (RDF or HTML)",
          "content": {m: {"schema": ANSWER} for m in [*media, "text/html"]}}
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {"200": ok, **{code: {"description": text, "content": error}
                          for code, text in ERRORS.items()}}


def path() -> dict:
    query = {"name": "query", "in": "query", "required": False,
             "description": "the SPARQL 1.1 query (absent: the service description)",
             "schema": {"type": "string"}}
    body = {"required": True, "content": {
        FORM_TYPE: {"schema": {"type": "object", "required": ["query"], "properties": {
            "query": {"type": "string"}, "default-graph-uri": {"type": "string"},
            "named-graph-uri": {"type": "string"}, "timeout": {"type": "string"}}}},
        QUERY_TYPE: {"schema": {"type": "string"}}}}
    common = {"tags": ["SPARQL"], "externalDocs": {
        "url": "https://www.w3.org/TR/sparql11-protocol/", "description": "SPARQL 1.1 Protocol"}}
    return {"get": {"operationId": "sparql_query", "summary": "run a query (or describe "
                    "the service)", "parameters": [query, *DATASET], "responses": _answers(),
                    **common},
            "post": {"operationId": "sparql_query_post", "summary": "run a query sent in "
                     "the body", "parameters": DATASET, "requestBody": body,
                     "responses": _answers(), **common}}
