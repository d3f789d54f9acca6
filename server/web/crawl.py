"""/robots.txt, /sitemap.xml (a sitemap index past 50,000 URLs, its parts at
/sitemap/<n>.xml) and /favicon.ico."""

from __future__ import annotations

from xml.sax.saxutils import escape

from flask import Response, abort, current_app, url_for

from kg.query.formats import CONTENT_TYPES
from server.runtime import runtime
from server.web import sitemap
from server.web.blueprint import bp

XML = "application/xml; charset=utf-8"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# Crawlers are kept off what is expensive or endless: arbitrary SPARQL, search results,
# the REST API and the exports; every page in the sitemap stays open.
ROBOTS = """User-agent: *
Disallow: /sparql?
Disallow: /search
Disallow: /api/
Disallow: /norms.csv
Allow: /

Sitemap: {sitemap}
"""


@bp.route("/robots.txt")
def robots() -> Response:
    text = ROBOTS.format(sitemap=url_for("web.sitemap_xml", _external=True))
    return Response(text, content_type=CONTENT_TYPES["text"])


@bp.route("/sitemap.xml")
def sitemap_xml() -> Response:
    parts = sitemap.chunks(sitemap.urls())
    if len(parts) == 1:
        return _urlset(parts[0])
    entries = "".join(
        f"<sitemap><loc>{escape(url_for('web.sitemap_part', number=n, _external=True))}"
        f"</loc>{_lastmod()}</sitemap>\n"
        for n in range(1, len(parts) + 1))
    return Response(f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns='
                    f'"{SITEMAP_NS}">\n{entries}</sitemapindex>\n', content_type=XML)


@bp.route("/sitemap/<int:number>.xml")
def sitemap_part(number: int) -> Response:
    parts = sitemap.chunks(sitemap.urls())
    if len(parts) == 1 or not 1 <= number <= len(parts):
        abort(404)
    return _urlset(parts[number - 1])


@bp.route("/favicon.ico")
def favicon() -> Response:
    return current_app.send_static_file("favicon.ico")


def _urlset(found: list[str]) -> Response:
    lastmod = _lastmod()
    entries = "".join(f"<url><loc>{escape(u)}</loc>{lastmod}</url>\n"
                      for u in found)
    return Response(f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}">\n'
                    f"{entries}</urlset>\n", content_type=XML)


def _lastmod() -> str:
    """<lastmod>: the day the served release was built (W3C date), if known."""
    created = str(runtime().release.manifest.get("created", ""))
    return f"<lastmod>{created[:10]}</lastmod>" if len(created) >= 10 else ""
