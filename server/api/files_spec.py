"""The OpenAPI operations of the release's files and of the service itself: /download/…,
/versions/{slug}, /sparql/health and /api/openapi.json (the named queries, /sparql and the
JSON listings are in openapi.py and sparql_spec.py)."""

from __future__ import annotations

from kg.query.formats import media_type
from server.api import downloads

JSON, HTML, TEXT = (media_type(f) for f in ("plainjson", "html", "text"))
TEXT_BODY = {"type": "string"}
JSON_LD_TYPE = media_type("jsonld")
JSON_LD = {"type": ["array", "object"], "description": "a JSON-LD document"}
VERSIONS = {"type": "object", "required": ["ok", "regulation", "versions"], "properties": {
    "ok": {"const": True}, "regulation": {"type": "string"},
    "versions": {"type": "array", "items": {
        "type": "object", "required": ["version", "from", "path"],
        "properties": {name: {"type": "string"} for name in (
            "version", "from", "until", "adopted", "label", "note", "path")}}}}}
HEALTH = {"type": "object", "required": ["ok", "release", "workers"], "properties": {
    "ok": {"const": True}, "release": {"type": ["string", "null"]},
    "workers": {"type": "integer", "minimum": 0}}}
OPENAPI = {"type": "object", "required": ["openapi", "info", "paths"], "properties": {
    "openapi": {"type": "string"}, "info": {"type": "object"},
    "paths": {"type": "object"}}}
SCHEMAS = {"Versions": VERSIONS, "Health": HEALTH, "OpenAPI": OPENAPI}
FILE_NAME = {"name": "name", "in": "path", "required": True,
             "description": "a file of the release, as /download/checksums.json lists them",
             "schema": {"type": "string", "enum": sorted(downloads.MEDIA)}}
SLUG = {"name": "slug", "in": "path", "required": True,
        "description": "a regulation's id (reg/<slug>)",
        "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"}}
FORMAT_JSON = {"name": "format", "in": "query", "required": False,
               "description": "json for the JSON twin (absent: by Accept, HTML by "
               "default); any other value is a 400",
               "schema": {"type": "string", "enum": ["json"]}}


def _ref(name: str) -> dict:
    return {"schema": {"$ref": f"#/components/schemas/{name}"}}


def _missing(what: str) -> dict:
    return {"404": {"description": what, "content": {JSON: _ref("Error")}}}


def _get(operation_id: str, summary: str, content: dict, **extra: object) -> dict:
    return {"get": {"operationId": operation_id, "summary": summary, **extra,
                    "responses": {"200": {"description": summary, "content": content},
                                  **_missing("no such file, regulation or build"),
                                  "400": {"description": "a format other than json",
                                          "content": {JSON: _ref("Error")}}}}}


def paths() -> dict:
    files = {m: {"schema": JSON_LD if m == JSON_LD_TYPE else TEXT_BODY}
             for m in sorted(set(downloads.MEDIA.values()))}
    return {
        "/api/openapi.json": _get("openapi", "this description (OpenAPI 3.1)",
                                  {JSON: _ref("OpenAPI")}),
        "/download/": _get("download_index", "the release's files with their sizes and "
                           "SHA-256 (HTML, or JSON with ?format=json or Accept)",
                           {JSON: _ref("Checksums"), HTML: {"schema": TEXT_BODY}},
                           parameters=[FORMAT_JSON]),
        "/download/{name}": _get("download_file", "one file of the release (dumps, "
                                 "DCAT-AP + VoID description, JSON-LD context); ETag is "
                                 "its SHA-256", files, parameters=[FILE_NAME]),
        "/download/SHA256SUMS": _get("download_sha256sums", "the checksums in "
                                     "`sha256sum -c` format", {TEXT: {"schema": TEXT_BODY}}),
        "/versions/{slug}": _get("regulation_versions", "a regulation's versions (HTML, or "
                                 "JSON with ?format=json or Accept)",
                                 {JSON: _ref("Versions"), HTML: {"schema": TEXT_BODY}},
                                 parameters=[SLUG, FORMAT_JSON]),
        "/sparql/health": _get("sparql_health", "the build being served and the query "
                               "workers", {JSON: _ref("Health")}),
    }
