"""A hook for the linked-data view: the rich people's page for an IRI, if there is one.

``html_for(iri)`` returns a Response for actors, mechanisms, carriers and norms
(their pages rendered in place), and for regulations and their units (a 303 to the
reader at the unit's anchor); None for anything else, which the generic view shows.
"""

from __future__ import annotations

from flask import Response, g, redirect, request, url_for

from server.pages import lang as lang_mod
from server.pages.links import unit_href
from server.pages.state import get_state


def html_for(iri: str) -> Response | None:
    try:
        corpus = get_state().corpus
    except Exception:  # no build: let the generic view answer
        return None
    g.lang = lang_mod.pick(request)[0]
    if iri in corpus.terms:
        term = corpus.terms[iri]
        endpoint = {"actor": "pages.actor", "mechanism": "pages.mechanism",
                    "carrier": "pages.carrier"}[term.kind]
        return _call(endpoint, term_id=term.id)
    if iri in corpus.statements:
        return _call("pages.norm", path=corpus.statements[iri].path)
    if iri in corpus.units:
        return redirect(unit_href(corpus.units[iri]), code=303)
    regulation = next((r for r in corpus.regulations.values() if r.iri == iri), None)
    if regulation is not None:
        return redirect(url_for("pages.reader", slug=regulation.slug), code=303)
    return None


def _call(endpoint: str, **kwargs: str) -> Response:
    from flask import current_app
    return current_app.view_functions[endpoint](**kwargs)


render_term_html = html_for
