"""Real clients against the live server: SPARQLWrapper and rdflib."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from SPARQLWrapper import CSV, JSON, JSONLD, RDFXML, TURTLE, SPARQLWrapper

from kg.config import Settings
from tests.w3c import live
from tests.w3c.live import Live

ACTORS = ("PREFIX dg: <https://w3id.org/dutygraph/ontology#> "
          "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
          "SELECT ?actor ?label WHERE { ?actor a dg:Actor ; skos:prefLabel ?label } LIMIT 10")
ARTICLE = ("PREFIX eli: <http://data.europa.eu/eli/ontology#> "
           "CONSTRUCT { ?a ?p ?o } WHERE { ?a a <https://w3id.org/dutygraph/ontology#Article> ; "
           "?p ?o } LIMIT 50")


@pytest.fixture
def server(seed_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Live:
    return live.shared(seed_settings, tmp_path_factory)


def wrapper(server: Live, query: str, fmt: str | None = None) -> SPARQLWrapper:
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(query)
    if fmt:
        client.setReturnFormat(fmt)
    return client


def test_sparqlwrapper_defaults(server: Live) -> None:
    result = wrapper(server, ACTORS).query()
    doc = result.convert()           # XML by default: a minidom document
    assert doc.getElementsByTagName("result")


def test_sparqlwrapper_json(server: Live) -> None:
    bindings = wrapper(server, ACTORS, JSON).queryAndConvert()["results"]["bindings"]
    assert bindings and all("actor" in b for b in bindings)


def test_sparqlwrapper_csv(server: Live) -> None:
    text = wrapper(server, ACTORS, CSV).queryAndConvert().decode("utf-8")
    assert text.splitlines()[0] == "actor,label"


@pytest.mark.parametrize("fmt", [TURTLE, JSONLD, RDFXML])
def test_sparqlwrapper_construct(server: Live, fmt: str) -> None:
    converted = wrapper(server, ARTICLE, fmt).queryAndConvert()
    g = converted if isinstance(converted, Graph) else Graph().parse(
        data=converted, format={TURTLE: "turtle", JSONLD: "json-ld"}[fmt])
    assert len(g) > 0


def test_sparqlwrapper_ask_and_post(server: Live) -> None:
    client = wrapper(server, "ASK { ?s ?p ?o }", JSON)
    client.setMethod("POST")
    assert client.queryAndConvert()["boolean"] is True


def test_rdflib_parses_resource_urls(server: Live) -> None:
    path = "reg/gd-industrial-transfer/art_1"
    g = Graph().parse(f"{server.url}/{path}")
    assert (URIRef(server.settings.base_iri + path), None, None) in g


@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "xml", "nt"])
def test_rdflib_parses_each_twin(server: Live, fmt: str) -> None:
    path = "reg/gd-industrial-transfer"
    g = Graph().parse(f"{server.url}/{path}", format=fmt)
    assert (URIRef(server.settings.base_iri + path), None, None) in g
