"""Pages for people: home, reader, actors/mechanisms/carriers, norms, search, SPARQL
editor and network pictures, each with .json/.ttl/.jsonld twins.

Register with ``app.register_blueprint(server.pages.bp)``. Every page reads what it
shows through the query runtime (server/pages/reads.py), never a whole in-process copy.
"""

from __future__ import annotations

from server.pages.blueprint import bp
from server.pages.twins import install_layout
from server.pages.views import (  # the views register themselves on bp
    home,
    norms,
    offices,
    sanctions,
    search,
    terms,
    tools,
)

install_layout(bp)

__all__ = ["bp", "home", "norms", "offices", "sanctions", "search", "terms", "tools"]
