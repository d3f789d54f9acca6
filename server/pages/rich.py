"""The rich people's page for an IRI of the linked-data view, if there is one.

``html_for(iri)`` returns a Response for actors, mechanisms, carriers and norms
(their pages rendered in place), and for regulations and their units (a 303 to the
reader at the unit's anchor); None for anything else, which the generic view shows.
What the IRI is comes from one query on its types, through the runtime.
"""

from __future__ import annotations

from urllib.parse import unquote

from flask import Response, current_app, g, redirect, request, url_for

from kg import namespaces
from kg.source.statements import KINDS
from server.pages import lang as lang_mod
from server.pages import reads, sparql

TERM_PAGES = {"Actor": "pages.actor", "Mechanism": "pages.mechanism",
              "Carrier": "pages.carrier"}
UNIT_KINDS = ("Chapter", "Article", "Paragraph", "Item")
DG = str(namespaces.DG)


def html_for(iri: str) -> Response | None:
    node = reads.iri(iri)
    if node is None:
        return None
    rows = reads.select(sparql.TYPES, iri=node)
    types = {r["type"].removeprefix(DG) for r in rows if r["type"].startswith(DG)}
    g.lang = lang_mod.pick(request)[0]
    slug, _, rest = iri.partition("/reg/")[2].partition("/")
    if term := next((t for t in TERM_PAGES if t in types), None):
        term_id = unquote(iri.rstrip("/").rsplit("/", 1)[-1])
        return _call(TERM_PAGES[term], term_id=term_id)
    if types & set(KINDS) and "/reg/" in iri:
        return _call("pages.norm", path=iri.split("/reg/", 1)[1])
    eid = next((r["eid"] for r in rows if "eid" in r), None)
    if types & set(UNIT_KINDS) and eid:
        return redirect(url_for("pages.reader", slug=slug) + f"#{eid}", code=303)
    if "Regulation" in types and slug and not rest:
        return redirect(url_for("pages.reader", slug=slug), code=303)
    return None


def _call(endpoint: str, **kwargs: str) -> Response:
    return current_app.view_functions[endpoint](**kwargs)
