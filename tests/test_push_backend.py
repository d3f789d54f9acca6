"""`kg push` into a real `oxigraph serve` and a real Virtuoso 7, and `kg serve --backend`
over each: the same endpoint tests pass on the embedded store and on both remote backends.
Virtuoso is installed by `make system-deps`; a missing one fails here, it is not skipped."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from flask.testing import FlaskClient
from rdflib import Graph, URIRef

from bench import virtuoso
from kg.config import Settings
from kg.errors import KGError
from kg.release import incremental, parts, push, store
from server import create_app
from server.runtime import KEY, QueryRuntime, ServeOptions, remote
from server.runtime.jobs import Job, Unavailable, Why
from server.runtime.remote import RemoteRuntime
from tests.backends import BACKENDS, REMOTE_LIMIT, Backend, Engines
from tests.w3c.live import Live, _wait, free_port

OPTIONS = ServeOptions(timeout=2.0, workers=2, max_rows=500)
ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SD_NAME = URIRef("http://www.w3.org/ns/sparql-service-description#name")


@pytest.fixture(scope="module")
def engines(tmp_path_factory: pytest.TempPathFactory,
            seed_settings: Settings) -> Iterator[Engines]:
    found = Engines(tmp_path_factory, seed_settings)
    yield found
    found.close()


@pytest.fixture(scope="module", params=BACKENDS)
def pushed(request: pytest.FixtureRequest, engines: Engines) -> Backend:
    return engines.pushed(request.param)


def remote_count(backend: Backend, query: str = ALL) -> int:
    r = requests.get(backend.query_url, params={"query": query},
                     headers={"Accept": "application/sparql-results+json"}, timeout=10)
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_push_one_graph_per_regulation_replaced_not_added(pushed: Backend,
                                                          seed_settings: Settings) -> None:
    release = store.current(seed_settings.build_dir)
    graphs = push.graphs_of(release)
    assert {g.rsplit("/", 1)[1] for g in graphs} == {
        "ontology", "lexicon", "inferred", "gd-industrial-transfer"}
    total = sum(graphs.values())
    assert remote_count(pushed) == total
    report = push.push(release, pushed.store_url, auth=pushed.auth)  # again: replaced
    assert remote_count(pushed) == total == report.triples


def test_a_graph_larger_than_one_request_is_sent_in_pieces(
        pushed: Backend, seed_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PUT of the first piece, POSTs of the others: the store ends with the graph
    whole, once (pushed again, still once)."""
    release = store.current(seed_settings.build_dir)
    graph = next(g for g in push.graphs_of(release) if g.endswith("/inferred"))
    index = incremental.read_index(release)
    ontology = index[f"{seed_settings.base_iri}graph/ontology"][1]  # its blank nodes: whole
    monkeypatch.setattr(parts, "PIECE", ontology + 1)
    assert len(list(push.bodies(release, graph, index[graph]))) > 1
    sent: list[str] = []
    real = push._send
    monkeypatch.setattr(push, "_send", lambda http, method, url, *rest, **kw: (
        sent.append(method), real(http, method, url, *rest, **kw))[1])
    for _ in range(2):
        report = push.push(release, pushed.store_url, auth=pushed.auth)
    assert {"PUT", "POST"} <= set(sent)
    assert remote_count(pushed) == report.triples == sum(push.graphs_of(release).values())
    assert remote_count(pushed, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> "
                                "{ ?s ?p ?o } }") == push.graphs_of(release)[graph]


def test_push_prunes_graphs_the_build_no_longer_has(pushed: Backend,
                                                   seed_settings: Settings) -> None:
    stale = f"{seed_settings.base_iri}graph/repealed"
    requests.put(push.graph_url(pushed.store_url, stale), data=b"<urn:a> <urn:b> <urn:c> .\n",
                 headers={"Content-Type": push.NT_TYPE}, auth=pushed.requests_auth(),
                 timeout=10).raise_for_status()
    assert remote_count(pushed, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{stale}> "
                                "{ ?s ?p ?o } }") == 1
    report = push.push(store.current(seed_settings.build_dir), pushed.store_url,
                       prune_under=f"{seed_settings.base_iri}graph/", existing=[stale],
                       auth=pushed.auth)
    assert report.removed == [stale]
    assert remote_count(pushed, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{stale}> "
                                "{ ?s ?p ?o } }") == 0


def test_push_with_a_wrong_password_is_a_typed_error(engines: Engines,
                                                    seed_settings: Settings) -> None:
    guarded = engines.pushed("virtuoso")
    with pytest.raises(KGError, match="HTTP 401"):
        push.push(store.current(seed_settings.build_dir), guarded.store_url,
                  auth=(virtuoso.USER, "not-the-password"))


def test_push_to_nowhere_is_a_typed_error(seed_settings: Settings) -> None:
    with pytest.raises(KGError, match=r"127\.0\.0\.1"):
        push.push(store.current(seed_settings.build_dir),
                  f"http://127.0.0.1:{free_port()}/store", timeout=2)


@pytest.fixture(scope="module", params=["embedded", *BACKENDS])
def client(request: pytest.FixtureRequest, seed_settings: Settings,
           engines: Engines) -> Iterator[FlaskClient]:
    if request.param == "embedded":
        app = create_app(seed_settings, OPTIONS)
    else:
        url = engines.pushed(request.param).query_url
        app = create_app(seed_settings, OPTIONS, RemoteRuntime(OPTIONS, url))
    yield app.test_client()
    app.extensions[KEY].close()


def sparql(client: FlaskClient, query: str, accept: str = "application/sparql-results+json"):
    return client.post("/sparql", data={"query": query}, headers={"Accept": accept})


def test_endpoint_counts_and_formats(client: FlaskClient, seed_settings: Settings) -> None:
    manifest = store.manifest(store.current(seed_settings.build_dir))
    body = sparql(client, ALL).json
    assert int(body["results"]["bindings"][0]["n"]["value"]) == (
        manifest["asserted"] + manifest["inferred"])
    for accept in ("text/csv", "text/tab-separated-values", "application/sparql-results+xml"):
        response = sparql(client, "SELECT ?s WHERE { ?s a <https://w3id.org/dutygraph/"
                          "ontology#Regulation> }", accept)
        assert response.status_code == 200 and "gd-industrial-transfer" in response.text
    assert sparql(client, "ASK { ?s ?p ?o }").json["boolean"] is True
    assert sparql(client, "ASK { <urn:nothing> ?p ?o }").json["boolean"] is False
    assert "<boolean>true</boolean>" in sparql(client, "ASK { ?s ?p ?o }",
                                               "application/sparql-results+xml").text


def test_the_dataset_is_the_pushed_graphs(client: FlaskClient, seed_settings: Settings) -> None:
    """The service description names the release's graphs, nothing of the engine's own,
    and each named graph dereferences."""
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    described = Graph().parse(data=response.data, format="turtle")
    names = {str(name) for name in described.objects(None, SD_NAME)}
    assert names == set(push.graphs_of(store.current(seed_settings.build_dir)))
    page = client.get("/graph/lexicon", headers={"Accept": "text/turtle"})
    assert page.status_code == 200 and "lexicon" in page.text


def test_construct_and_linked_data(client: FlaskClient) -> None:
    response = sparql(client, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 20", "text/turtle")
    assert len(Graph().parse(data=response.data, format="turtle")) == 20
    page = client.get("/reg/gd-industrial-transfer/art_9__para_2?format=ttl")
    assert page.status_code == 200
    assert len(Graph().parse(data=page.data, format="turtle")) > 5


def test_named_query_api(client: FlaskClient) -> None:
    rows = client.get("/api/queries/applies-to").json["rows"]
    assert len(rows) > 5 and rows[0]["article"] >= 1


@pytest.mark.parametrize("query, status", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", 403),
    ("SELECT * WHERE { SERVICE ?x { ?s ?p ?o } }", 403),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", 403),
    ("CLEAR ALL", 403),
    ("SELEC * WHERE { ?s ?p ?o }", 400),
    ("SELECT * WHERE { ?s ?p ?o }", 422),          # past the 500-row cap: never a cut 200
])
def test_safety_rules(client: FlaskClient, query: str, status: int) -> None:
    response = sparql(client, query)
    assert response.status_code == status, response.data[:300]
    assert response.json["ok"] is False


def test_time_limit_gives_503(client: FlaskClient) -> None:
    started = time.monotonic()
    response = sparql(client, CROSS_JOIN)
    assert response.status_code == 503 and "Retry-After" in response.headers
    assert time.monotonic() - started < OPTIONS.timeout + 1.5
    assert sparql(client, "ASK { ?s ?p ?o }").status_code == 200


def test_an_answer_virtuoso_cut_at_its_anytime_limit_is_a_503(engines: Engines) -> None:
    """Each query carries the time limit as `timeout` (ms): Virtuoso then answers 200 with
    a wrong, partial count marked X-SQL-State: S1TAT. That is a timeout, never an answer."""
    url = engines.pushed("virtuoso").query_url
    outcome = remote.ask(url, Job(CROSS_JOIN, "json"), timeout=1.0)
    assert outcome == Unavailable(Why.TIMEOUT, 1.0)


def test_virtuosos_own_time_limit_is_a_503_too(engines: Engines) -> None:
    """Past its MaxQueryExecutionTime, Virtuoso answers 500 "Transaction timed out": with
    this server's limit further off, that is a timeout too, never a 500."""
    url = engines.pushed("virtuoso").query_url
    limit = REMOTE_LIMIT + 8.0
    outcome = remote.ask(url, Job(CROSS_JOIN.replace("}", ". ?j ?k ?l }"), "json"), limit)
    assert outcome == Unavailable(Why.TIMEOUT, limit)


def test_version_history_page_and_home(client: FlaskClient) -> None:
    assert client.get("/versions/gd-industrial-transfer?format=json").json["versions"] == []
    assert client.get("/", headers={"Accept": "text/html"}).status_code == 200


def test_pages_read_through_either_runtime(client: FlaskClient) -> None:
    """The people's pages ask the app's one runtime, embedded or remote, alike: their
    answers land in its one cache."""
    runtime = client.application.extensions[KEY].get()
    assert isinstance(runtime, QueryRuntime)
    kept = len(runtime.cache)
    assert client.get("/reader/gd-industrial-transfer").status_code == 200
    assert len(runtime.cache) > kept
    norms = client.get("/norms.json").json
    assert norms["total"] == 65 and len(norms["norms"]) == 20
    assert norms["norms"][0]["addressee"] and norms["norms"][0]["article"]
    found = client.get("/search.json", query_string={"q": "机制"}).json
    assert found["texts"] and found["labels"]


def test_kg_push_and_kg_serve_backend_end_to_end(pushed: Backend, seed_settings: Settings,
                                                 tmp_path: Path) -> None:
    kg = [sys.executable, "-m", "kg.cli", "--build-dir", str(seed_settings.build_dir)]
    args, env = pushed.push_command()
    done = subprocess.run([*kg, *args], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0 and "pushed 4 graphs" in done.stdout, done.stderr
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen([*kg, "serve", "--backend", pushed.query_url, "--port", str(port),
                             "--timeout", "3"], stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    server = Live(f"http://127.0.0.1:{port}", proc, seed_settings, {})
    try:
        _wait(server, tmp_path / "serve.log")
        rows = requests.get(server.url + "/api/queries/applies-to", timeout=10).json()["rows"]
        assert len(rows) > 5
        refused = requests.get(server.url + "/sparql", timeout=10, params={
            "query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
        assert refused.status_code == 403
    finally:
        server.stop()


def test_kg_serve_backend_unreachable_is_exit_2(seed_settings: Settings) -> None:
    done = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--backend",
                           f"http://127.0.0.1:{free_port()}/query"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2 and "does not answer" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_graph_with_blank_nodes_past_one_request_is_refused_before_sending(
        seed_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its blank nodes would become different nodes in each request: nothing is sent,
    so the remote graph stays as it was."""
    release = store.current(seed_settings.build_dir)
    graph = f"{seed_settings.base_iri}graph/ontology"
    monkeypatch.setattr(parts, "PIECE", 1 << 12)
    sent: list[str] = []
    monkeypatch.setattr(push, "_send", lambda *args, **kw: sent.append(args[1]))
    with pytest.raises(KGError, match="blank nodes"):
        push._send_graph(requests.Session(), "http://127.0.0.1:9/store", release, graph,
                         incremental.read_index(release)[graph], 2)
    assert sent == []
