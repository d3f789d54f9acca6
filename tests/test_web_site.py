"""Web standards of the site over the seed build: robots.txt, the sitemap, the favicon,
machine metadata on every page (JSON-LD, canonical), compact JSON-LD resources, IRIs of
the catalogue and the named graphs that dereference, and every advertised link resolving."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote, urlparse
from xml.etree import ElementTree

import pytest
from flask.testing import FlaskClient
from rdflib import RDF, Graph, Namespace, URIRef

from kg.config import Settings
from server.web import sitemap
from tests.browser.support import make_app

BASE = "https://w3id.org/dutygraph/"
SCHEMA = Namespace("https://schema.org/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DG = Namespace(BASE + "ontology#")
SEED = "gd-industrial-transfer"
ACTOR = "receiving-area-county-government"
HTML = {"Accept": "text/html"}
LINK = re.compile(r'<link rel="(alternate|canonical)"[^>]*?href="([^"]+)"')
TWIN_ANCHOR = re.compile(r'<a href="([^"]+)" type="[^"]+">')
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def client(seed_settings: Settings) -> FlaskClient:
    return make_app(seed_settings).test_client()


def first_href(client: FlaskClient, url: str, prefix: str) -> str:
    found = re.search(f'href="({re.escape(prefix)}[^"#?]+)"', client.get(url).text)
    assert found, f"no link under {prefix} on {url}"
    return found.group(1)


@pytest.fixture(scope="module")
def page_types(client: FlaskClient) -> list[str]:
    """One URL of every kind of page the site serves as HTML."""
    mechanism = first_href(client, "/mechanisms", "/mechanisms/")
    carrier = first_href(client, "/carriers", "/carriers/")
    norm = first_href(client, "/norms", "/norms/")
    return ["/", f"/reader/{SEED}", "/actors", f"/actors/{ACTOR}", "/mechanisms", mechanism,
            "/carriers", carrier, "/norms", norm, "/search?q=机制", "/editor", "/network",
            f"/network/actors/{ACTOR}", f"/versions/{SEED}", "/download/", "/sparql",
            f"/actor/{ACTOR}", "/mechanism/" + mechanism.rsplit("/", 1)[1],
            "/carrier/" + carrier.rsplit("/", 1)[1], "/reg/" + norm[len("/norms/"):],
            "/ontology", "/dataset", "/catalog", "/graph/lexicon",
            "/distribution/dutygraph.nq", "/jurisdiction/guangdong", "/actors?lang=en",
            "/offices", "/offices?kind=department&level=county&sector=transport"]


def local(url: str) -> str:
    """Where a link points on this server (an IRI under the base is served at its path)."""
    if url.startswith(BASE):
        url = "/" + url[len(BASE):]
    parts = urlparse(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def advertised(response: object) -> list[tuple[str, str]]:
    """(rel, URL) of every alternate and canonical link of a page: in its HTML head, its
    footer's format links and its Link header."""
    text = response.get_data(as_text=True)
    found = [(rel, href) for rel, href in LINK.findall(text)]
    found += [("alternate", href) for href in TWIN_ANCHOR.findall(text)]
    for piece in response.headers.get("Link", "").split(","):
        target = re.match(r'\s*<([^>]+)>;\s*rel="([^"]+)"', piece)
        if target:
            found.append((target.group(2), target.group(1)))
    return found


def test_every_alternate_and_canonical_link_resolves(client: FlaskClient,
                                                     page_types: list[str]) -> None:
    checked: set[str] = set()
    for url in page_types:
        response = client.get(url, headers=HTML)
        assert response.status_code == 200, url
        links = advertised(response)
        assert any(rel == "canonical" for rel, _ in links), f"{url} has no canonical link"
        for rel, href in links:
            target = local(href.replace("&amp;", "&"))
            if target in checked:
                continue
            checked.add(target)
            answer = client.get(target)
            assert answer.status_code == 200, f"{url}: {rel} {href} → {answer.status_code}"
    assert len(checked) > 60


def test_pages_at_iri_paths_advertise_their_own_twins(client: FlaskClient) -> None:
    text = client.get(f"/actor/{ACTOR}", headers=HTML).get_data(as_text=True)
    hrefs = {href for rel, href in LINK.findall(text)}
    assert f"/actors/{ACTOR}.ttl" in hrefs and f"/actor/{ACTOR}.ttl" not in hrefs
    assert any(h.split("?")[0] == f"http://localhost/actors/{ACTOR}" for h in hrefs)


def document(client: FlaskClient, url: str) -> Graph:
    """The page's JSON-LD script as a graph (its context is inline: nothing fetched)."""
    found = SCRIPT.findall(client.get(url, headers=HTML).get_data(as_text=True))
    assert len(found) == 1, url
    data = json.loads(found[0])
    assert isinstance(data["@context"], list) and data["@context"][0]["dg"] == str(DG)
    return Graph().parse(data=found[0], format="json-ld")


def test_every_page_carries_json_ld(client: FlaskClient, page_types: list[str]) -> None:
    for url in page_types:
        graph = document(client, url)
        pages = list(graph.subjects(RDF.type, SCHEMA.WebPage))
        assert len(pages) == 1, url
        assert graph.value(pages[0], SCHEMA.inLanguage) is not None


def test_the_reader_describes_the_regulation_as_legislation(client: FlaskClient) -> None:
    graph = document(client, f"/reader/{SEED}")
    reg = URIRef(f"{BASE}reg/{SEED}")
    assert (reg, RDF.type, SCHEMA.Legislation) in graph
    assert (reg, RDF.type, ELI.LegalResource) in graph
    assert str(graph.value(reg, ELI.title)) == "广东省促进产业有序转移条例"
    assert str(graph.value(reg, ELI.first_date_entry_in_force)) == "2025-03-01"
    chapters = list(graph.objects(reg, ELI.has_part))
    assert len(chapters) == 7
    articles = {a for c in chapters for a in graph.objects(c, ELI.has_part)}
    assert len(articles) == 39
    assert all((a, RDF.type, ELI.LegalResourceSubdivision) in graph for a in articles)
    assert all((a, ELI.is_part_of, reg) in graph for a in articles)


def test_home_actor_and_norm_metadata(client: FlaskClient, page_types: list[str]) -> None:
    home = document(client, "/")
    assert (URIRef(f"{BASE}reg/{SEED}"), RDF.type, SCHEMA.Legislation) in home
    actor = document(client, f"/actors/{ACTOR}")
    applying = set(actor.subjects(DG.appliesTo, URIRef(f"{BASE}actor/{ACTOR}")))
    assert len(applying) > 10
    norm_url = next(u for u in page_types if u.startswith("/norms/"))
    norm = document(client, norm_url)
    iri = URIRef(BASE + "reg/" + norm_url[len("/norms/"):])
    assert norm.value(iri, DG.source) is not None and norm.value(iri, DG.cue) is not None


def test_list_pages_name_their_items(client: FlaskClient) -> None:
    graph = document(client, "/actors")
    lists = list(graph.subjects(RDF.type, SCHEMA.ItemList))
    assert len(lists) == 1
    actors = client.get("/actors.json").json["terms"]
    assert int(graph.value(lists[0], SCHEMA.numberOfItems)) == len(actors)
    items = set(graph.objects(lists[0], SCHEMA.itemListElement))
    assert 0 < len(items) <= 100
    assert all((item, RDF.type, DG.Actor) in graph for item in items)


def test_a_long_list_twin_names_its_resources(client: FlaskClient,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """An index of more resources than DESCRIBED_WHOLE (the province has thousands of
    actors: their whole descriptions pass the caps, a 422) gives each one's types and
    labels, so the advertised twin resolves."""
    from server.pages import twins
    whole = Graph().parse(data=client.get("/actors.ttl").data, format="turtle")
    monkeypatch.setattr(twins, "DESCRIBED_WHOLE", 10)
    named = Graph().parse(data=client.get("/actors.ttl").data, format="turtle")
    actors = set(named.subjects(RDF.type, DG.Actor))
    assert len(actors) == len(client.get("/actors.json").json["terms"]) > 10
    assert set(named.predicates()) == {RDF.type, URIRef(str(SKOS) + "prefLabel")}
    assert len(named) < len(whole)


def test_json_ld_resources_are_compact_with_types(client: FlaskClient) -> None:
    for url in (f"/actor/{ACTOR}?format=jsonld", f"/actors/{ACTOR}.jsonld"):
        data = json.loads(client.get(url).data)
        assert data["@context"]["appliesTo"] == {"@id": "dg:appliesTo", "@type": "@id"}
        nodes = data["@graph"]
        actor = next(n for n in nodes if n["@id"] == f"{BASE}actor/{ACTOR}")
        assert "dg:Actor" in actor["@type"] and "rdf:type" not in actor
        assert any("appliesTo" in n for n in nodes)   # a term of the context, not an IRI
        graph = Graph().parse(data=client.get(url).data, format="json-ld")
        assert (URIRef(f"{BASE}actor/{ACTOR}"), RDF.type, DG.Actor) in graph


def test_negotiation_names_the_representation(client: FlaskClient) -> None:
    response = client.get(f"/actor/{ACTOR}", headers={"Accept": "application/ld+json"})
    assert response.headers["Content-Location"] == f"/actor/{ACTOR}?format=jsonld"
    assert client.get(response.headers["Content-Location"]).data == response.data


@pytest.mark.parametrize("path", ["catalog", "dataset", "distribution/dutygraph.nq",
                                  "distribution/dutygraph.ttl", f"graph/{SEED}", "graph/lexicon",
                                  "graph/ontology", "graph/inferred"])
def test_catalogue_and_graph_iris_dereference(client: FlaskClient, path: str) -> None:
    response = client.get("/" + path, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.data, format="turtle")
    assert len(list(graph.predicate_objects(URIRef(BASE + path)))) >= 3
    assert client.get("/" + path, headers=HTML).status_code == 200


def test_the_catalogue_fragments_and_service_dereference(client: FlaskClient) -> None:
    catalog = Graph().parse(data=client.get("/catalog?format=ttl").data, format="turtle")
    assert list(catalog.predicate_objects(URIRef(BASE + "catalog#publisher")))
    service = Graph().parse(data=client.get("/sparql", headers={"Accept": "text/turtle"}).data,
                            format="turtle")
    assert (URIRef(BASE + "sparql#service"), RDF.type,
            URIRef("http://www.w3.org/ns/dcat#DataService")) in service
    graph = Graph().parse(data=client.get(f"/graph/{SEED}?format=ttl").data, format="turtle")
    assert int(graph.value(URIRef(f"{BASE}graph/{SEED}"),
                           URIRef("http://rdfs.org/ns/void#triples"))) > 1000


def test_robots_and_favicon(client: FlaskClient) -> None:
    robots = client.get("/robots.txt")
    assert robots.mimetype == "text/plain"
    assert "Sitemap: http://localhost/sitemap.xml" in robots.text
    assert "Disallow: /sparql?" in robots.text
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.data[:4] == b"\x00\x00\x01\x00"
    assert 'rel="icon" href="/favicon.ico"' in client.get("/").text


def sitemap_urls(client: FlaskClient, url: str) -> list[str]:
    root = ElementTree.fromstring(client.get(url).data)
    return [loc.text for loc in root.iter(f"{SM}loc")]


def test_the_sitemap_lists_every_page(client: FlaskClient, page_types: list[str]) -> None:
    urls = sitemap_urls(client, "/sitemap.xml")
    assert len(urls) == len(set(urls))
    paths = {local(u) for u in urls}
    people = [u for u in page_types if not u.startswith(("/actor/", "/mechanism/", "/carrier/",
                                                          "/reg/", "/search", "/sparql"))
              and "?" not in u and u.count("/") <= 3 and not u.startswith(
                  ("/ontology", "/dataset", "/catalog", "/graph", "/distribution", "/juris"))]
    assert set(people) <= paths
    norms = client.get("/norms.json?size=all").json["norms"]
    assert {local(n["href"]) for n in norms} <= paths
    actors = client.get("/actors.json").json["terms"]
    assert {f"/actors/{a['id']}" for a in actors} <= paths
    assert all(client.get(p).status_code == 200 for p in sorted(paths)[:40])


def test_a_large_sitemap_becomes_an_index(client: FlaskClient,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    whole = sitemap_urls(client, "/sitemap.xml")
    monkeypatch.setattr(sitemap, "LIMIT", 50)
    parts = sitemap_urls(client, "/sitemap.xml")
    assert len(parts) == -(-len(whole) // 50)
    listed = [u for part in parts for u in sitemap_urls(client, local(part))]
    assert listed == whole
    assert client.get(f"/sitemap/{len(parts) + 1}.xml").status_code == 404


def test_sitemap_maps_chinese_iris_to_uris(seed_settings: Settings,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A draft designation's id is the designation itself: its page's URL in the sitemap
    is the IRI mapped to a URI (RFC 3987 §3.1, percent-encoded UTF-8)."""
    rows = {sitemap.TERM_ROWS: [{"t": f"{BASE}actor/县级人民政府", "kind": f"{DG}Actor"}]}
    monkeypatch.setattr(sitemap.reads, "select", lambda query: rows.get(query, []))
    with make_app(seed_settings).test_request_context():
        urls = list(sitemap._urls())
    encoded = "%E5%8E%BF%E7%BA%A7%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C"
    assert f"http://localhost/actors/{encoded}" in urls
    assert f"http://localhost/network/actors/{encoded}" in urls
    assert all(url.isascii() for url in urls)
    assert unquote(urls[-1]).endswith("县级人民政府")
