"""Web standards over HTTP (the app over the seed build): compression, validators and
conditional GET, Cache-Control, charsets and the CONSTRUCT fallback format."""

from __future__ import annotations

import gzip
from urllib.parse import quote

import brotli
import pytest
from flask.testing import FlaskClient
from rdflib import Graph

from kg.config import Settings
from tests.browser.support import make_app

SELECT = quote("SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 200")
CONSTRUCT = quote("CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/dutygraph/ontology#"
                  "Article> ; ?p ?o } LIMIT 40")
ACTOR = "/actor/receiving-area-county-government"
# one of each: page, resource (linked data), SPARQL answer, dump, vendored script
ANSWERS = ["/reader/gd-industrial-transfer", "/actors", ACTOR + "?format=ttl",
           f"/sparql?query={SELECT}", "/download/dutygraph.nq", "/static/vendor/yasgui.min.js"]


@pytest.fixture(scope="module")
def client(seed_settings: Settings) -> FlaskClient:
    return make_app(seed_settings).test_client()


@pytest.mark.parametrize("url", ANSWERS)
@pytest.mark.parametrize("coding", ["gzip", "br"])
def test_textual_answers_are_compressed(client: FlaskClient, url: str, coding: str) -> None:
    plain = client.get(url)
    packed = client.get(url, headers={"Accept-Encoding": f"{coding}, identity;q=0.5"})
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == coding
    assert "accept-encoding" in packed.headers["Vary"].lower()
    unpack = gzip.decompress if coding == "gzip" else brotli.decompress
    assert unpack(packed.data) == plain.data
    assert len(packed.data) < len(plain.data) / 2


def test_identity_only_and_refused_codings(client: FlaskClient) -> None:
    for header in ("identity", "gzip;q=0, br;q=0", "*;q=0"):
        response = client.get("/actors", headers={"Accept-Encoding": header})
        assert "Content-Encoding" not in response.headers
        assert b"<html" in response.data


def test_gzip_wins_when_brotli_is_weighted_lower(client: FlaskClient) -> None:
    response = client.get("/actors", headers={"Accept-Encoding": "br;q=0.2, gzip;q=0.9"})
    assert response.headers["Content-Encoding"] == "gzip"


@pytest.mark.parametrize("url", ANSWERS)
@pytest.mark.parametrize("coding", ["identity", "gzip"])
def test_conditional_get_answers_304(client: FlaskClient, url: str, coding: str) -> None:
    first = client.get(url, headers={"Accept-Encoding": coding})
    etag = first.headers["ETag"]
    assert etag.startswith('"') and first.headers["Last-Modified"]
    again = client.get(url, headers={"Accept-Encoding": coding, "If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == etag
    assert again.headers.get("Cache-Control") == first.headers["Cache-Control"]
    since = client.get(url, headers={"Accept-Encoding": coding,
                                     "If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304


def test_each_representation_has_its_own_etag(client: FlaskClient) -> None:
    tags = {client.get(ACTOR, headers=h).headers["ETag"] for h in (
        {"Accept": "text/turtle"}, {"Accept": "application/ld+json"},
        {"Accept": "text/turtle", "Accept-Encoding": "gzip"},
        {"Accept": "text/html"}, {"Accept": "text/html", "Accept-Language": "en"})}
    assert len(tags) == 5
    tag = client.get(ACTOR, headers={"Accept": "text/turtle"}).headers["ETag"]
    other = client.get(ACTOR, headers={"Accept": "application/ld+json", "If-None-Match": tag})
    assert other.status_code == 200 and other.data


def test_a_stale_or_foreign_etag_gets_the_answer(client: FlaskClient) -> None:
    response = client.get("/actors", headers={"If-None-Match": '"not-this-one"'})
    assert response.status_code == 200 and b"<html" in response.data


def test_cache_control(client: FlaskClient) -> None:
    assert client.get("/actors").headers["Cache-Control"] == "public, max-age=300"
    assert "max-age=86400" in client.get("/static/css/pages.css").headers["Cache-Control"]
    assert client.get("/sparql/health").headers["Cache-Control"] == "no-store"
    posted = client.post("/sparql", data={"query": "ASK { ?s ?p ?o }"})
    assert posted.headers["Cache-Control"] == "no-store"
    remembered = client.get("/actors?lang=en")
    assert "Set-Cookie" in remembered.headers
    assert remembered.headers["Cache-Control"].startswith("private")


def test_dataset_description_has_one_charset(client: FlaskClient) -> None:
    response = client.get("/download/dataset.ttl")
    assert response.headers["Content-Type"] == "text/turtle; charset=utf-8"


@pytest.mark.parametrize(("accept", "syntax", "media"), [
    ("application/sparql-results+xml", "xml", "application/rdf+xml"),
    ("application/sparql-results+json", "json-ld", "application/ld+json"),
    ("text/csv", "turtle", "text/turtle")])
def test_construct_with_a_results_only_accept_gets_rdf(client: FlaskClient, accept: str,
                                                       syntax: str, media: str) -> None:
    response = client.get(f"/sparql?query={CONSTRUCT}", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == media
    graph = Graph().parse(data=response.data, format=syntax)
    assert len(graph) == 40


def test_select_with_a_graph_only_accept_is_still_406(client: FlaskClient) -> None:
    response = client.get(f"/sparql?query={SELECT}", headers={"Accept": "text/turtle"})
    assert response.status_code == 406
