"""/versions/<slug>: the version history of a regulation (page, and JSON twin)."""

from __future__ import annotations

import json

from flask import Response, current_app, render_template_string, request

from server import formats
from server.api import bp
from server.errors import ApiError
from server.execute import answer
from server.state import backend

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
PAGE = """<!doctype html><html lang="zh"><head><meta charset="utf-8">
<title>版本沿革 Version history</title></head><body><main>
<h1>版本沿革 · Version history</h1><p><a href="{{ reg_path }}">{{ reg }}</a></p>
{% if not versions %}<p>No amendments recorded: one version, the text as published.</p>{% endif %}
<ol>{% for v in versions %}<li><a href="{{ v.path }}">{{ v.label or v.version }}</a>:
in force {{ v.from }} – {{ v.until or "now" }}{% if v.adopted %}, adopted {{ v.adopted }}{% endif %}
{% if v.note %}<br>{{ v.note }}{% endif %}</li>{% endfor %}</ol></main></body></html>"""


@bp.route("/versions/<slug>")
def history(slug: str) -> Response:
    base = current_app.config["DUTYGRAPH_SETTINGS"].base_iri
    if not slug.replace("-", "").replace("_", "").isalnum():
        raise ApiError("not a regulation id", 404)
    reg = f"{base}reg/{slug}"
    be = backend()
    body = answer(be, be.job(QUERY.format(reg=reg), "json"), be.options.timeout)
    rows = [{k: v["value"] for k, v in b.items()}
            for b in json.loads(body)["results"]["bindings"]]
    for row in rows:
        row["path"] = "/" + row["version"][len(base):]
    wanted = formats.negotiate(request.headers.get("Accept"),
                               {"text/html": "html", "application/json": "json"})
    if request.args.get("format") == "json" or wanted == "application/json":
        return current_app.json.response({"ok": True, "regulation": reg, "versions": rows})
    return Response(render_template_string(PAGE, reg=reg, reg_path=f"/reg/{slug}",
                                           versions=rows),
                    content_type="text/html; charset=utf-8")
