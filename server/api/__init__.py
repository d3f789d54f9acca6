"""Interfaces for other systems (issue 6), one blueprint:

    /api/queries                 the named queries, with their typed parameters (JSON)
    /api/queries/<name>          run one: ?param=value…, JSON or CSV (?format= or Accept)
    /api/openapi.json            OpenAPI 3.1, generated from the queries' `# param:` headers
    /download/                   bulk dumps (N-Quads, TriG, Turtle, JSON-LD), checksums,
                                 DCAT + VoID description (dataset.ttl)
    /context.jsonld              the published JSON-LD @context
    /versions/<slug>             a regulation's version history (page + JSON twin)

Register with ``app.register_blueprint(server.api.bp)``.
"""

from __future__ import annotations

from server.api import downloads, openapi, rest, versions  # the views register themselves on bp
from server.api.blueprint import bp

__all__ = ["bp", "downloads", "openapi", "rest", "versions"]
