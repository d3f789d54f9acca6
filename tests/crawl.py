"""A crawler of a build's actor and office pages, as a new user or a search engine would
walk them: every actor found in the lexicon and inferred graphs, as the people's page
(reached from /actors and the sitemap), its linked-data page and its Turtle; and "my
office" for every office that can be picked (each organ kind × level × sector of the
form). Used on ten Guangdong regulations (tests/test_office_page.py) and on the whole
province (tests/test_province.py).

A failure is (url, status or problem). Link headers must be ASCII: gunicorn refuses a
header with a Chinese character, which was the HTTP 500 of the "One government" issue.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote, urlparse
from xml.etree import ElementTree

from flask.testing import FlaskClient
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.graph.iris import Iris, as_uri
from kg.namespaces import DEFAULT_BASE, DG

Failure = tuple
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
ACTOR_LINK = re.compile(r'href="(/actors/[^"?#]+)"')


def actor_iris(graphs: dict[URIRef, Graph]) -> list[str]:
    """Every actor of a build (the lexicon graph and what reasoning typed)."""
    found: set[str] = set()
    for name in ("lexicon", "inferred"):
        found |= {str(a) for a in graphs[Iris().graph(name)].subjects(RDF.type, DG.Actor)}
    return sorted(found)


def page_path(iri: str) -> str:
    """The people's page of an actor, as a URL path (percent-encoded)."""
    return "/actors/" + as_uri(iri.removeprefix(DEFAULT_BASE + "actor/"))


def dereference(client: FlaskClient, iri: str) -> list[Failure]:
    """The actor as a people's page, as linked-data HTML and as Turtle about itself."""
    path = iri.removeprefix(DEFAULT_BASE)
    failures: list[Failure] = []
    for url in (page_path(iri), "/" + as_uri(path), "/" + as_uri(path) + "?format=ttl"):
        response = client.get(url)
        link = response.headers.get("Link", "")
        if response.status_code != 200 or not link.isascii():
            failures.append((url, response.status_code, link[:80]))
        elif url.endswith("format=ttl"):
            graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
            if (URIRef(iri), None, None) not in graph:
                failures.append((url, "describes something else"))
    return failures


def unreached(client: FlaskClient, iris: list[str]) -> list[Failure]:
    """Actors whose page neither /actors nor the sitemap links to. Paths are compared
    decoded: `)` and `%29` are one path to the server."""
    page = client.get("/actors").get_data(as_text=True)
    linked = {unquote(html.unescape(h)) for h in ACTOR_LINK.findall(page)}
    linked |= {unquote(urlparse(u).path) for u in _sitemap(client, "/sitemap.xml")}
    return [(page_path(i), "not linked from /actors or listed in the sitemap")
            for i in iris if unquote(page_path(i)) not in linked]


def _sitemap(client: FlaskClient, url: str) -> list[str]:
    root = ElementTree.fromstring(client.get(url).data)
    locs = [loc.text or "" for loc in root.iter(SITEMAP)]
    if root.tag.endswith("sitemapindex"):
        return [u for part in locs for u in _sitemap(client, urlparse(part).path)]
    return locs


def office_choices(client: FlaskClient) -> list[dict[str, str]]:
    """Every office the form of /offices lets one pick: each kind × level × sector (a
    government has no sector), read from the JSON twin's options."""
    options = client.get("/offices.json").get_json()["options"]
    levels = [o["value"] for o in options["level"]]
    sectors = [o["value"] for o in options["sector"]]
    choices = [{"kind": "government", "level": lv} for lv in levels]
    choices += [{"kind": "department", "level": lv, "sector": s} for lv in levels
                for s in sectors]
    return choices


def office_page(client: FlaskClient, choice: dict[str, str]) -> list[Failure]:
    response = client.get("/offices", query_string=choice)
    if response.status_code != 200 or not response.headers.get("Link", "").isascii():
        return [("/offices", choice, response.status_code)]
    return []


def crawl(check: Callable[[object], list[Failure]], items: Iterable[object],
          parallel: int = 2) -> list[Failure]:
    """Every item checked, two at a time (the queries run in the runtime's workers)."""
    with ThreadPoolExecutor(parallel) as pool:
        return [f for found in pool.map(check, items) for f in found]
