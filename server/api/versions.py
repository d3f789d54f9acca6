"""/versions/<slug>: the version history of a regulation (page, and JSON twin)."""

from __future__ import annotations

import json

from flask import Response, current_app, render_template, request

from kg.query.formats import CONTENT_TYPES
from server.api import params
from server.api.blueprint import bp
from server.http.errors import ApiError, body_of
from server.runtime import runtime

QUERY = """PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?version ?from ?until ?adopted ?label ?note WHERE {{
  <{reg}> eli:has_member ?version .
  ?version eli:first_date_entry_in_force ?from .
  OPTIONAL {{ ?version eli:date_no_longer_in_force ?until }}
  OPTIONAL {{ ?version eli:date_document ?adopted }}
  OPTIONAL {{ ?version skos:prefLabel ?label FILTER(LANG(?label) = "zh") }}
  OPTIONAL {{ ?version rdfs:comment ?note FILTER(LANG(?note) = "zh") }}
}} ORDER BY DESC(?from)"""
@bp.route("/versions/<slug>")
def history(slug: str) -> Response:
    base = current_app.config["DUTYGRAPH_SETTINGS"].base_iri
    if not slug.replace("-", "").replace("_", "").isalnum():
        raise ApiError("not a regulation id", 404)
    reg = f"{base}reg/{slug}"
    rt = runtime()
    body = body_of(rt.answer(rt.job(QUERY.format(reg=reg), "json")))
    rows = [{k: v["value"] for k, v in b.items()}
            for b in json.loads(body)["results"]["bindings"]]
    for row in rows:
        row["path"] = "/" + row["version"][len(base):]
    if params.wants_json(request.args, request.headers.get("Accept")):
        return current_app.json.response({"ok": True, "regulation": reg, "versions": rows})
    return Response(render_template("versions.html", reg=reg, reg_path=f"/reg/{slug}",
                                    versions=rows), content_type=CONTENT_TYPES["html"])
