"""Pages for people: home, reader, actors/mechanisms/carriers, norms, search, SPARQL
editor and network pictures, each with .json/.ttl/.jsonld twins.

Register with ``app.register_blueprint(server.pages.bp)``. Data comes from a
read-only store opened once per app (see ``server.pages.state``).
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("pages", __name__, template_folder="../templates")

from server.pages import (  # noqa: E402  (the views register themselves on bp)
    views_home,
    views_norms,
    views_search,
    views_terms,
    views_tools,
)
from server.pages.hook import render_term_html  # noqa: E402

__all__ = ["bp", "render_term_html", "views_home", "views_norms", "views_search",
           "views_terms", "views_tools"]
