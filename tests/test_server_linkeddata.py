"""Linked data: every IRI under the base dereferences at /<path>, as a page or as
RDF twins, with paged backlinks, safe HTML and 404s in the form asked for."""

from __future__ import annotations

import json

import pytest
import requests
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg.config import Settings
from tests.w3c import live
from tests.w3c.live import Live

REG = "reg/gd-industrial-transfer"


@pytest.fixture
def server(seed_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Live:
    return live.shared(seed_settings, tmp_path_factory)


def sparql_rows(server: Live, query: str) -> list[dict]:
    response = requests.get(server.url + "/sparql", params={"query": query}, timeout=10)
    return response.json()["results"]["bindings"]


def some(server: Live, cls: str) -> str:
    """The local path of one resource of a class (the data grows; no fixed ids)."""
    rows = sparql_rows(server, f"PREFIX dg: <https://w3id.org/dutygraph/ontology#> "
                               f"SELECT ?x {{ ?x a {cls} }} ORDER BY ?x LIMIT 1")
    return rows[0]["x"]["value"].removeprefix(server.settings.base_iri)


def fetch(server: Live, path: str, accept: str | None = None, **params: str) -> requests.Response:
    headers = {"Accept": accept} if accept else {}
    return requests.get(f"{server.url}/{path}", params=params, headers=headers, timeout=10)


@pytest.mark.parametrize("cls", ["dg:Obligation", "dg:Actor", "dg:Article", "dg:Paragraph"])
def test_resources_dereference_as_turtle_about_the_canonical_iri(server: Live, cls: str) -> None:
    path = some(server, cls)
    response = fetch(server, path, "text/turtle")
    assert response.status_code == 200
    g = Graph().parse(data=response.content, format="turtle")
    assert (URIRef(server.settings.base_iri + path), None, None) in g


@pytest.mark.parametrize(("accept", "fmt", "ctype"), [
    ("application/ld+json", "json-ld", "application/ld+json"),
    ("application/n-triples", "nt", "application/n-triples"),
    ("application/rdf+xml", "xml", "application/rdf+xml"),
])
def test_twins_by_accept(server: Live, accept: str, fmt: str, ctype: str) -> None:
    response = fetch(server, REG, accept)
    assert response.headers["Content-Type"].startswith(ctype)
    assert "Accept" in response.headers["Vary"]
    g = Graph().parse(data=response.content, format=fmt)
    assert (URIRef(server.settings.base_iri + REG), None, None) in g


def test_format_parameter_overrides_accept(server: Live) -> None:
    response = fetch(server, REG, "text/html", format="nt")
    assert response.headers["Content-Type"].startswith("application/n-triples")


def test_html_page_with_alternate_links(server: Live) -> None:
    """The generic page (richer people's pages may take over some resources)."""
    response = fetch(server, "ontology", "text/html")
    assert response.headers["Content-Type"].startswith("text/html")
    assert "<html" in response.text and "<h1" in response.text
    link = response.headers["Link"]
    for fmt in ("ttl", "jsonld", "nt", "rdf"):
        assert f"/ontology?format={fmt}>; rel=\"alternate\"" in link
    assert f'<{server.settings.base_iri}ontology>; rel="canonical"' in link


def test_labels_of_linked_resources_are_included(server: Live) -> None:
    g = Graph().parse(data=fetch(server, some(server, "dg:Obligation"), "text/turtle").content,
                      format="turtle")
    linked = {o for o in g.objects() if isinstance(o, URIRef)}
    assert any((o, RDFS.label, None) in g for o in linked)


def test_backlinks_are_capped_and_paged(server: Live) -> None:
    """Whatever links to a resource, one page holds at most 100 backlinks."""
    page = fetch(server, "ontology", "application/n-triples")
    assert page.status_code == 200
    incoming = [line for line in page.text.splitlines() if line.endswith(
        f"<{server.settings.base_iri}ontology> .")]
    assert len(incoming) <= 100


def test_backlinks_are_paged(server: Live) -> None:
    hub = f"<{server.settings.base_iri}test/hub> ."
    first = fetch(server, "test/hub", "application/n-triples")
    assert 'rel="next"' in first.headers["Link"] and 'rel="prev"' not in first.headers["Link"]
    assert sum(line.endswith(hub) for line in first.text.splitlines()) == 100
    second = fetch(server, "test/hub", "application/n-triples", page="2")
    assert 'rel="prev"' in second.headers["Link"] and 'rel="next"' not in second.headers["Link"]
    assert sum(line.endswith(hub) for line in second.text.splitlines()) == live.HUB_LINKS - 100
    html = fetch(server, "test/hub", "text/html", page="2")
    assert 'rel="prev"' in html.text


def test_unknown_iri_is_404_in_the_asked_form(server: Live) -> None:
    html = fetch(server, "actor/no-such-actor", "text/html")
    assert html.status_code == 404 and html.headers["Content-Type"].startswith("text/html")
    as_json = fetch(server, "actor/no-such-actor", "application/json")
    assert as_json.status_code == 404 and as_json.json()["status"] == 404
    turtle = fetch(server, "actor/no-such-actor", "text/turtle")
    assert turtle.status_code == 404 and turtle.headers["Content-Type"].startswith("text/turtle")
    assert len(Graph().parse(data=turtle.content, format="turtle")) == 0
    assert turtle.headers["Access-Control-Allow-Origin"] == "*"
    rdfxml = fetch(server, "actor/no-such-actor", "application/rdf+xml")
    assert rdfxml.status_code == 404
    assert len(Graph().parse(data=rdfxml.content, format="xml")) == 0
    jsonld = fetch(server, "actor/no-such-actor", format="jsonld")
    assert jsonld.status_code == 404 and jsonld.json()["status"] == 404


def test_literals_are_escaped_in_html(server: Live) -> None:
    page = fetch(server, "test/hostile", "text/html")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert" in page.text


def test_bad_page_and_format_are_client_errors(server: Live) -> None:
    assert fetch(server, REG, page="zero").status_code == 400
    assert fetch(server, REG, format="png").status_code == 406
    body = json.loads(fetch(server, REG, "application/json", page="-1").content)
    assert body["status"] == 400


def test_hash_terms_are_described_by_their_document(server: Live) -> None:
    """`dg:Obligation` is `…/ontology#Obligation`: /ontology describes it."""
    g = Graph().parse(f"{server.url}/ontology")
    term = URIRef("https://w3id.org/dutygraph/ontology#Obligation")
    assert (term, RDFS.label, None) in g
    page = fetch(server, "ontology", "text/html")
    assert 'id="Obligation"' in page.text


@pytest.mark.parametrize("path", ["actor/a%20b", "actor/%3Cx%3E", 'actor/x"y', "x%7Bx%7D"])
def test_paths_that_are_not_iris_are_404(server: Live, path: str) -> None:
    response = fetch(server, path, "application/json")
    assert response.status_code == 404 and response.json()["status"] == 404
