"""The /sparql endpoint over raw HTTP against the live server: protocol details,
content negotiation, limits, CORS, error shape and the safety guarantees."""

from __future__ import annotations

import json
import signal
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from rdflib import Graph, Namespace, URIRef

from kg import pipeline
from kg.config import Settings
from tests.w3c import live
from tests.w3c.live import Live

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
CHEAP = "ASK { ?s ?p ?o }"
CROSS = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ACTORS = ("PREFIX dg: <https://w3id.org/dutygraph/ontology#> "
          "SELECT ?a WHERE { ?a a dg:Actor } LIMIT 5")


@pytest.fixture
def server(seed_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Live:
    return live.shared(seed_settings, tmp_path_factory)


def get(server: Live, query: str, accept: str | None = None, **params: str) -> requests.Response:
    headers = {"Accept": accept} if accept else {}
    return requests.get(server.url + "/sparql", params={"query": query, **params},
                        headers=headers, timeout=10)


def assert_error(response: requests.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
    body = response.json()
    assert body["ok"] is False and body["status"] == status and body["error"]
    assert "Traceback" not in response.text and "/work/" not in response.text
    return body


def test_select_defaults_to_json_with_vary_and_cors(server: Live) -> None:
    response = get(server, ACTORS)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/sparql-results+json")
    assert "Accept" in response.headers["Vary"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert 1 <= len(response.json()["results"]["bindings"]) <= 5


@pytest.mark.parametrize(("accept", "ctype"), [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.2, text/tab-separated-values;q=0.9", "text/tab-separated-values"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_formats(server: Live, accept: str, ctype: str) -> None:
    response = get(server, ACTORS, accept)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith(ctype)


@pytest.mark.parametrize(("accept", "fmt"), [
    (None, "turtle"), ("text/turtle", "turtle"), ("application/turtle", "turtle"),
    ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/x-json+ld", "json-ld"), ("application/rdf+xml", "xml"),
])
def test_construct_formats(server: Live, accept: str | None, fmt: str) -> None:
    query = "CONSTRUCT { ?a a ?t } WHERE { ?a a ?t } LIMIT 20"
    response = get(server, query, accept)
    assert response.status_code == 200, response.text
    assert len(Graph().parse(data=response.content, format=fmt)) > 0


def test_describe_is_a_graph(server: Live) -> None:
    iri = server.settings.base_iri + "reg/gd-industrial-transfer"
    response = get(server, f"DESCRIBE <{iri}>")
    g = Graph().parse(data=response.content, format="turtle")
    assert (URIRef(iri), None, None) in g


def test_post_form_and_direct(server: Live) -> None:
    form = requests.post(server.url + "/sparql", data={"query": CHEAP}, timeout=10)
    direct = requests.post(server.url + "/sparql", data=CHEAP.encode(), timeout=10,
                           headers={"Content-Type": "application/sparql-query"})
    assert form.json()["boolean"] is True and direct.json()["boolean"] is True


def test_sparqlwrapper_extra_params_are_harmless(server: Live) -> None:
    response = get(server, ACTORS, "application/sparql-results+json",
                   format="json", output="json", results="json")
    assert response.status_code == 200 and response.json()["results"]["bindings"]


def test_unacceptable_lists_supported_types(server: Live) -> None:
    body = assert_error(get(server, ACTORS, "image/png"), 406)
    assert "text/csv" in body["error"] and "application/sparql-results+json" in body["error"]


def test_syntax_error_is_400_json(server: Live) -> None:
    assert "syntax" in assert_error(get(server, "SELECT WHERE {"), 400)["error"].lower()


@pytest.mark.parametrize("update", ["CLEAR ALL", "INSERT DATA { <a:b> <a:c> <a:d> }",
                                    "LOAD <http://127.0.0.1:9/x.ttl>"])
def test_updates_are_403(server: Live, update: str) -> None:
    assert_error(requests.post(server.url + "/sparql", data={"update": update}, timeout=10), 403)
    assert_error(requests.post(server.url + "/sparql", data=update.encode(), timeout=10,
                               headers={"Content-Type": "application/sparql-update"}), 403)
    assert_error(get(server, update), 403)


def test_service_is_refused_without_any_connection(server: Live) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    endpoint = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    queries = [f"SELECT * {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}",
               f"SELECT * {{ BIND(<{endpoint}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
               f"SELECT * {{ {{ SELECT * {{ SERVICE SILENT <{endpoint}> {{ ?s ?p ?o }} }} }} }}",
               f"ASK {{ GRAPH ?g {{ OPTIONAL {{ service <{endpoint}> {{ ?s ?p ?o }} }} }} }}"]
    for query in queries:
        assert "SERVICE" in assert_error(get(server, query), 403)["error"]
    with pytest.raises(TimeoutError):
        listener.accept()
    listener.close()


def test_service_word_in_a_literal_is_fine(server: Live) -> None:
    response = get(server, 'SELECT ?s { ?s ?p "SERVICE <http://127.0.0.1:1/> {}" }')
    assert response.status_code == 200


def test_from_is_not_fetched(server: Live) -> None:
    response = get(server, "SELECT * FROM <http://127.0.0.1:9/remote.ttl> { ?s ?p ?o }")
    assert response.status_code == 200
    assert response.json()["results"]["bindings"] == []


def test_protocol_dataset_wins_over_from(server: Live) -> None:
    data1 = "http://kasei.us/2009/09/sparql/data/data1.rdf"
    query = "SELECT ?s FROM <http://kasei.us/2009/09/sparql/data/data2.rdf> { ?s ?p ?o }"
    rows = get(server, query, **{"default-graph-uri": data1}).json()["results"]["bindings"]
    assert [r["s"]["value"] for r in rows] == [data1]


def test_cross_product_times_out_while_cheap_query_answers(server: Live) -> None:
    with ThreadPoolExecutor(2) as pool:
        started = time.monotonic()
        slow = pool.submit(get, server, CROSS + " # slow")
        time.sleep(0.2)
        cheap_start = time.monotonic()
        cheap = get(server, CHEAP + f" # {cheap_start}")
        cheap_time = time.monotonic() - cheap_start
        response = slow.result()
        slow_time = time.monotonic() - started
    assert cheap.status_code == 200 and cheap_time < 1.0
    assert_error(response, 503)
    assert response.headers["Retry-After"]
    assert slow_time < live.TIMEOUT + 1.0
    assert get(server, CHEAP + " # after").status_code == 200


def test_client_timeout_lowers_but_never_raises(server: Live) -> None:
    started = time.monotonic()
    assert_error(get(server, CROSS + " # low", timeout="0.5"), 503)
    assert time.monotonic() - started < 1.5
    started = time.monotonic()
    assert "2 s" in assert_error(get(server, CROSS + " # high", timeout="600"), 503)["error"]
    assert time.monotonic() - started < live.TIMEOUT + 1.0


def test_long_url_is_414_and_big_body_is_413(server: Live) -> None:
    long_query = "ASK { ?s ?p ?o } #" + "x" * 20_000
    assert_error(requests.get(server.url + "/sparql", params={"query": long_query},
                              timeout=10), 414)
    big = ("ASK { ?s ?p ?o } #" + "x" * 400_000).encode()
    assert_error(requests.post(server.url + "/sparql", data=big, timeout=10,
                               headers={"Content-Type": "application/sparql-query"}), 413)


def test_preflight_allows_any_origin_without_credentials(server: Live) -> None:
    response = requests.options(server.url + "/sparql", timeout=10, headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"})
    assert response.status_code in (200, 204)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_service_description(server: Live) -> None:
    response = requests.get(server.url + "/sparql", headers={"Accept": "text/turtle"},
                            timeout=10)
    g = Graph().parse(data=response.content, format="turtle")
    service = URIRef(server.url + "/sparql")
    assert (service, SD.endpoint, service) in g
    features = set(g.objects(service, SD.feature)) | set(g.objects(service, SD.supportedLanguage))
    assert SD.SPARQL11Update not in features and SD.BasicFederatedQuery not in features
    assert SD.SPARQL11Query in features
    names = {str(n) for n in g.objects(None, SD.name)}
    assert "http://kasei.us/2009/09/sparql/data/data1.rdf" in names
    assert len(set(g.objects(service, SD.resultFormat))) == 8
    text = response.text
    assert "queryTimeLimitSeconds" in text and "resultRowCap" in text


def test_service_description_as_json_ld_and_html_page(server: Live) -> None:
    doc = requests.get(server.url + "/sparql", headers={"Accept": "application/ld+json"},
                       timeout=10)
    assert json.loads(doc.content)
    page = requests.get(server.url + "/sparql", timeout=10, headers={
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert page.headers["Content-Type"].startswith("text/html")
    assert "<form" in page.text and 'name="query"' in page.text


def test_put_is_rejected(server: Live) -> None:
    assert_error(requests.put(server.url + "/sparql", params={"query": CHEAP}, timeout=10), 405)


def test_concurrent_queries_all_complete(server: Live) -> None:
    queries = [f"SELECT ?a {{ ?a ?b ?c }} LIMIT {n}" for n in range(1, 25)]
    with ThreadPoolExecutor(8) as pool:
        responses = list(pool.map(lambda q: get(server, q), queries))
    for n, response in enumerate(responses, start=1):
        assert len(response.json()["results"]["bindings"]) == n


def test_new_build_is_served_after_sighup(server: Live) -> None:
    """A new release becomes current; SIGHUP swaps workers; no request fails meanwhile."""
    before = requests.get(server.url + "/sparql/health", timeout=5).json()["release"]
    time.sleep(1.1)                     # release names have a one-second clock
    release = pipeline.run(server.settings, force=True).release
    assert release is not None and release.name != before
    server.process.send_signal(signal.SIGHUP)
    deadline, failures = time.monotonic() + 30, []
    while time.monotonic() < deadline:
        response = get(server, CHEAP + f" # {time.monotonic()}")
        if response.status_code != 200:
            failures.append(response.status_code)
        if requests.get(server.url + "/sparql/health", timeout=5).json()["release"] == release.name:
            break
        time.sleep(0.05)
    assert requests.get(server.url + "/sparql/health", timeout=5).json()["release"] == release.name
    assert failures == []
