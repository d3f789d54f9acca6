"""What the web expects of a site (the "Web standards" issue): /robots.txt, the sitemap,
/favicon.ico, and on every page a canonical link and JSON-LD metadata (schema.org and
ELI) in the published @context.

Register with ``app.register_blueprint(server.web.bp)``.
"""

from __future__ import annotations

from server.web import crawl, metadata  # the views and template globals register on bp
from server.web.blueprint import bp

__all__ = ["bp", "crawl", "metadata"]
