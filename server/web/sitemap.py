"""Every page of the site, for the sitemap: the fixed pages, then one per regulation,
version history, actor (and its network), mechanism, carrier and norm.

URLs come from url_for, which maps an IRI's non-ASCII characters to percent-encoded
UTF-8 as RFC 3987 §3.1 does (a designation id may be Chinese).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

from flask import url_for

from server.pages import reads

LIMIT = 50_000          # URLs per sitemap file (sitemaps.org)
FIXED = ("pages.home", "pages.actors", "pages.mechanisms", "pages.carriers", "pages.norms",
         "pages.network_whole", "pages.editor", "pages.offices", "api.downloads_index")
TERM_PAGES = {"Actor": "pages.actor", "Mechanism": "pages.mechanism",
              "Carrier": "pages.carrier"}
REGULATIONS = "SELECT ?r WHERE { ?r a dg:Regulation } ORDER BY ?r"
TERM_ROWS = ("SELECT ?t ?kind WHERE { ?t a ?kind FILTER(?kind IN (dg:Actor, dg:Mechanism, "
             "dg:Carrier)) } ORDER BY ?kind ?t")
NORMS = ("SELECT DISTINCT ?s WHERE { ?s dg:source ?src ; dg:evidence ?e . "
         "?src eli:is_part_of* ?r . ?r a dg:Regulation } ORDER BY ?s")


def urls() -> list[str]:
    """Every page's absolute URL, kept per build."""
    return reads.memo(("sitemap", url_for("pages.home", _external=True)),
                      lambda: list(_urls()))


def _urls() -> Iterator[str]:
    for endpoint in FIXED:
        yield url_for(endpoint, _external=True)
    base = reads.iris().base
    for row in reads.select(REGULATIONS):
        slug = row["r"][len(base) + len("reg/"):]
        yield url_for("pages.reader", slug=slug, _external=True)
        yield url_for("api.history", slug=slug, _external=True)
    for row in reads.select(TERM_ROWS):
        term_id = unquote(row["t"].rstrip("/").rsplit("/", 1)[-1])
        kind = reads.local(row["kind"])
        yield url_for(TERM_PAGES[kind], term_id=term_id, _external=True)
        if kind == "Actor":
            yield url_for("pages.network_actor", term_id=term_id, _external=True)
    for row in reads.select(NORMS):
        if row["s"].startswith(base + "reg/"):
            yield url_for("pages.norm", path=row["s"][len(base) + len("reg/"):], _external=True)


def chunks(found: list[str]) -> list[list[str]]:
    """The URLs in sitemap files of at most LIMIT each."""
    return [found[i:i + LIMIT] for i in range(0, len(found), LIMIT)] or [[]]
