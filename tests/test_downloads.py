"""Bulk downloads: dumps, checksums, DCAT + VoID written at build time, the @context."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient
from rdflib import Dataset, Graph, Literal, Namespace, URIRef

from kg.config import Settings
from kg.release import store
from server import create_app

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DUMPS = ("dutygraph.nq", "dutygraph.trig", "dutygraph.ttl", "dutygraph.jsonld")


@pytest.fixture(scope="module")
def client(seed_settings: Settings) -> Iterator[FlaskClient]:
    app = create_app(seed_settings)
    yield app.test_client()
    app.extensions["dutygraph.runtime"].close()


def test_every_file_matches_its_checksum(client: FlaskClient) -> None:
    listing = client.get("/download/checksums.json").json["files"]
    names = {f["name"] for f in listing}
    assert set(DUMPS) | {"dataset.ttl", "context.jsonld"} <= names
    for entry in listing:
        body = client.get(entry["url"]).data
        assert hashlib.sha256(body).hexdigest() == entry["sha256"]
        assert len(body) == entry["bytes"]
    sums = client.get("/download/SHA256SUMS").text.splitlines()
    assert len(sums) == len(listing) and all("  " in line for line in sums)
    assert client.get("/download/manifest.json").status_code == 404
    assert client.get("/download/").status_code == 200


def test_dcat_and_void_describe_the_release(client: FlaskClient,
                                            seed_settings: Settings) -> None:
    graph = Graph().parse(data=client.get("/download/dataset.ttl").data, format="turtle")
    dataset = URIRef(f"{seed_settings.base_iri}dataset")
    manifest = store.manifest(store.current(seed_settings.build_dir))
    total = manifest["asserted"] + manifest["inferred"]
    assert graph.value(dataset, VOID.triples) == Literal(total)
    assert len(list(graph.objects(dataset, DCAT.distribution))) == len(DUMPS)
    assert int(graph.value(dataset, VOID.classes)) > 10
    subsets = {graph.value(s, VOID.triples).toPython()
               for s in graph.objects(dataset, VOID.subset)}
    assert sum(subsets) <= total and len(list(graph.objects(dataset, VOID.subset))) == 4
    nquads = Dataset().parse(data=client.get("/download/dutygraph.nq").data, format="nquads")
    assert len(nquads) == total


def test_context_makes_plain_json_into_dutygraph_rdf(client: FlaskClient) -> None:
    context = client.get("/context.jsonld")
    assert context.mimetype == "application/ld+json"
    doc = {**context.json, "@id": "reg/x/art_1__para_1/obligation-0-5",
           "addressee": "actor/enterprise", "cue": "应当"}
    triples = set(Graph().parse(data=json.dumps(doc), format="json-ld"))
    dg = "https://w3id.org/dutygraph/ontology#"
    assert (URIRef("https://w3id.org/dutygraph/reg/x/art_1__para_1/obligation-0-5"),
            URIRef(dg + "addressee"), URIRef("https://w3id.org/dutygraph/actor/enterprise")
            ) in triples


def test_linked_from_home_page_and_service_description(client: FlaskClient) -> None:
    home = client.get("/", headers={"Accept": "text/html"}).text
    assert 'href="/download/"' in home and 'href="/versions/gd-industrial-transfer"' in home
    description = Graph().parse(data=client.get("/sparql", headers={"Accept": "text/turtle"})
                                .data, format="turtle")
    seen = {str(o) for o in description.objects(None, URIRef(
        "http://www.w3.org/2000/01/rdf-schema#seeAlso"))}
    assert any(s.endswith("/download/dataset.ttl") for s in seen)
    assert any(s.endswith("/api/openapi.json") for s in seen)
