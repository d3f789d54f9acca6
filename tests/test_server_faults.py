"""Injected faults never produce a 200 with a broken body: caps, killed and
crashed workers, hostile requests. In-process app with small limits."""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph

from kg.config import Settings
from kg.release import store
from server import create_app
from server.runtime import KEY, ServeOptions
from server.runtime.release import resolve_release

CROSS = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
PARSERS = {"application/sparql-results+json": json.loads,
           "application/json": json.loads, "application/ld+json": json.loads,
           "application/sparql-results+xml": ElementTree.fromstring,
           "text/turtle": lambda b: Graph().parse(data=b, format="turtle"),
           "application/n-triples": lambda b: Graph().parse(data=b, format="nt"),
           "application/rdf+xml": lambda b: Graph().parse(data=b, format="xml"),
           "text/csv": lambda b: b.decode("utf-8"),
           "text/tab-separated-values": lambda b: b.decode("utf-8"),
           "text/html": lambda b: b.decode("utf-8")}


ERROR_TYPES = ("application/json", "application/ld+json", "text/html", "text/turtle",
               "application/n-triples", "application/rdf+xml")


@pytest.fixture(scope="module")
def app(seed_settings: Settings) -> Iterator[Flask]:
    options = ServeOptions(timeout=1.5, workers=2, max_rows=50, max_bytes=20_000)
    app = create_app(seed_settings, options)
    yield app
    app.extensions[KEY].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def assert_intact(response: object) -> None:
    """A 200 parses completely in its declared type; anything else is an error body."""
    ctype = response.headers["Content-Type"].split(";")[0]
    if response.status_code == 200:
        PARSERS[ctype](response.data)
    else:
        assert ctype in ERROR_TYPES, ctype
        parsed = PARSERS[ctype](response.data)
        if ctype in ("application/json", "application/ld+json"):
            assert parsed["ok"] is False


def test_row_cap_is_an_error_asking_to_page(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"})
    assert response.status_code == 422
    assert "LIMIT" in response.json["error"] and "OFFSET" in response.json["error"]
    paged = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 10"})
    assert paged.status_code == 200


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv",
                                    "application/sparql-results+xml",
                                    "text/tab-separated-values"])
def test_row_cap_is_exact_in_every_results_format(client: FlaskClient, accept: str) -> None:
    """50 rows (the cap here) answer 200; 51 rows are a 422, whatever the format."""
    query = "SELECT ?s ?p WHERE {{ ?s ?p ?o }} ORDER BY ?s ?p LIMIT {}"
    full = client.get("/sparql", query_string={"query": query.format(50)},
                      headers={"Accept": accept})
    assert full.status_code == 200
    assert_intact(full)
    over = client.get("/sparql", query_string={"query": query.format(51)},
                      headers={"Accept": accept})
    assert over.status_code == 422


def test_byte_cap_is_an_error(client: FlaskClient) -> None:
    long = ", ".join(["STR(?s)"] * 16)  # 49 rows of at least 16 × 30 bytes: over 20,000
    # IRIs only: STR of a blank node is an error, and which 49 rows come first is the
    # store's choice (the in-memory copy answers in another order than the disk)
    query = f"SELECT ?x {{ ?s ?p ?o FILTER(isIRI(?s)) BIND(CONCAT({long}) AS ?x) }} LIMIT 49"
    response = client.get("/sparql", query_string={"query": query},
                          headers={"Accept": "application/sparql-results+xml"})
    assert response.status_code == 422, response.data[:200]
    assert_intact(response)


def test_graph_caps_apply_to_construct(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert response.status_code == 422


def test_killed_worker_gives_503_then_recovers(app: Flask, client: FlaskClient) -> None:
    pool = app.extensions[KEY].get().pool
    victims = pool.pids()
    threading.Timer(0.3, lambda: [os.kill(p, signal.SIGKILL) for p in victims]).start()
    response = client.get("/sparql", query_string={"query": CROSS + " # kill"})
    assert response.status_code == 503 and response.headers["Retry-After"]
    deadline = time.monotonic() + 30  # respawning takes a moment on a loaded machine
    while True:
        ok = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o } # recovered"})
        if ok.status_code == 200 or time.monotonic() > deadline:
            break
        assert ok.status_code == 503  # busy while the workers respawn, never anything else
        time.sleep(0.2)
    assert ok.status_code == 200 and ok.json["boolean"] is True
    assert pool.killed >= 2


def test_crashed_idle_worker_is_replaced(app: Flask, client: FlaskClient) -> None:
    pool = app.extensions[KEY].get().pool
    for pid in pool.pids():
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30  # respawning takes a moment on a loaded machine
    while True:
        response = client.get("/sparql", query_string={"query": "ASK {} # crashed"})
        if response.status_code == 200 or time.monotonic() > deadline:
            break
        assert response.status_code == 503  # busy while they respawn, never anything else
        time.sleep(0.2)
    assert response.status_code == 200 and response.json["boolean"] is True


QUERIES = ["SELECT * { ?s ?p ?o } LIMIT 3", "ASK { ?s ?p ?o }",
           "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3",
           "DESCRIBE <https://w3id.org/dutygraph/reg/gd-industrial-transfer>",
           "SELECT * { ?s ?p ?o }", "SELECT WHERE {", "SELECT * { SERVICE ?x { ?s ?p ?o } }",
           "CLEAR ALL", "SELECT ?x { BIND(1/0 AS ?x) }", "\x00\xff", "SELECT * {" * 500]
ACCEPTS = [None, "*/*", "text/csv", "text/turtle", "application/rdf+xml", "image/png",
           "application/ld+json;q=0.5, text/tab-separated-values", "text/html", ";;;,,q=x"]


@pytest.mark.parametrize("accept", ACCEPTS)
def test_no_fault_yields_a_broken_200(client: FlaskClient, accept: str | None) -> None:
    headers = {"Accept": accept} if accept else {}
    for query in QUERIES:
        assert_intact(client.get("/sparql", query_string={"query": query}, headers=headers))
        assert_intact(client.post("/sparql", data=query.encode("utf-8", "replace"),
                                  headers={**headers, "Content-Type": "application/sparql-query"}))
    assert_intact(client.post("/sparql", data=b"\xff\xfe", headers={
        "Content-Type": "application/sparql-query"}))


def test_pruned_release_does_not_break_serving(seed_settings: Settings, tmp_path: Path) -> None:
    """Workers serve a private copy: deleting the release (as pruning does) and then
    killing every worker still leaves a working endpoint."""
    build = tmp_path / "build"
    shutil.copytree(seed_settings.build_dir, build, symlinks=True)
    app = create_app(seed_settings.with_(build_dir=build), ServeOptions(workers=1))
    try:
        client = app.test_client()
        assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
        shutil.rmtree(store.current(build))
        backend = app.extensions[KEY].get()
        for pid in backend.pool.pids():
            os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 30  # respawning takes a moment on a loaded machine
        while True:
            response = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
            if response.status_code == 200 or time.monotonic() > deadline:
                break
            assert response.status_code == 503  # busy while it respawns, nothing else
            time.sleep(0.2)
        assert response.status_code == 200 and response.json["boolean"] is True
    finally:
        app.extensions[KEY].close()


def test_damaged_current_falls_back_to_the_newest_intact_release(
        seed_settings: Settings, tmp_path: Path) -> None:
    build = tmp_path / "build"
    shutil.copytree(seed_settings.build_dir, build, symlinks=True)
    good = store.current(build)
    bad = build / "releases" / "29991231T235959-half-written"
    shutil.copytree(good, bad)
    (bad / store.MANIFEST).unlink()
    (build / "current").unlink()
    (build / "current").symlink_to(bad.relative_to(build))
    assert resolve_release(build) == good


def test_known_cheap_query_answers_while_general_workers_are_held(app: Flask,
                                                                 client: FlaskClient) -> None:
    """Every general worker busy with a cross product: a query shape that ran fast
    before is answered by the reserved worker; a syntax error is a 400, not a 503."""
    cheap = "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }"
    assert client.get("/sparql", query_string={"query": cheap + " # learn"}).status_code == 200
    pool = app.extensions[KEY].get().pool
    holders = [threading.Thread(target=client.get, args=("/sparql",),
                                kwargs={"query_string": {"query": CROSS + f" # hold {i}"}})
               for i in range(len(pool.pids()))]
    for thread in holders:
        thread.start()
    time.sleep(0.5)
    again = client.get("/sparql", query_string={"query": cheap + " # during, uncached"})
    broken = client.get("/sparql", query_string={"query": "SELECT WHERE {"})
    for thread in holders:
        thread.join()
    assert again.status_code == 200 and again.json["results"]["bindings"], again.json
    assert broken.status_code == 400


def test_named_query_and_syntax_error_answer_while_general_workers_are_held(
        app: Flask, client: FlaskClient) -> None:
    """A named query (queries/*.rq) is presumed cheap, so it gets the reserved worker
    even on its first run; a syntax error with a dataset is still a 400."""
    pool = app.extensions[KEY].get().pool
    holders = [threading.Thread(target=client.get, args=("/sparql",),
                                kwargs={"query_string": {"query": CROSS + f" # named {i}"}})
               for i in range(len(pool.pids()))]
    for thread in holders:
        thread.start()
    time.sleep(0.5)
    named = client.get("/api/queries/article", query_string={"article": "3"})
    broken = client.get("/sparql", query_string={"query": "ASK { ?s ?p }",
                                                 "default-graph-uri": "http://example.org/g"})
    for thread in holders:
        thread.join()
    assert named.status_code == 200 and named.json["ok"]
    assert broken.status_code == 400


def test_syntax_check_never_evaluates_in_the_web_process() -> None:
    """On an empty store some queries still run for ages (ASK over VALUES cross
    products): the check gives up on them, kills its checker, and lets them through."""
    from server.runtime.jobs import Job, SyntaxProblem
    from server.runtime.syntax import SyntaxChecker

    values = " ".join(str(i) for i in range(2000))
    endless = f"ASK {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} " \
              f"VALUES ?c {{ {values} }} FILTER(?a + ?b + ?c < 0) }}"
    checker = SyntaxChecker(size=1)
    try:
        assert checker.check(Job(endless, "json")) is None  # parsed, the workers decide
        assert checker.check(Job("SELECT * { ?s ?p ?o }", "json", union=True)) is None
        deadline = time.monotonic() + 30  # the killed checker respawns first
        while True:  # meanwhile a query is let through to the workers, never refused wrongly
            refused = checker.check(Job("SELECT * { ?s ?p ", "json", default_graph=("urn:g",)))
            if refused is not None or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert isinstance(refused, SyntaxProblem)
    finally:
        checker.close()


def test_cost_book_presumes_named_queries_cheap_until_they_time_out() -> None:
    from server.runtime.admission import CostBook

    book = CostBook(size=2)
    assert book.is_cheap("named", presumed=True) and not book.is_cheap("unknown")
    book.record("named", 0.5)  # slow because it waited for a worker: still presumed
    assert book.is_cheap("named", presumed=True) and not book.is_cheap("named")
    book.record("named", timed_out=True)
    assert not book.is_cheap("named", presumed=True)
    book.record("fast", 0.01)
    book.record("other", 0.01)
    assert book.is_cheap("named", presumed=True)  # the time-out forgotten: bounded
    assert book.is_cheap("fast") and book.is_cheap("other")


@pytest.mark.parametrize(("fmt", "name"), [("json", "JSON"), ("tsv", "TSV"), ("xml", "XML")])
def test_rows_are_counted_in_the_answer_even_with_breaks_and_tags_in_values(
        fmt: str, name: str) -> None:
    """A large answer's rows are counted in its own bytes (no second evaluation): values
    holding line breaks, tabs or '<result>' count once each."""
    import pyoxigraph

    from server.runtime.workers.serialise import row_count

    db = pyoxigraph.Store()
    for i in range(7):
        db.add(pyoxigraph.Quad(pyoxigraph.NamedNode("http://example.org/s"),
                               pyoxigraph.NamedNode("http://example.org/p"),
                               pyoxigraph.Literal(f"a\nb\t<result></result> {i}")))
    body = db.query("SELECT ?o WHERE { ?s ?p ?o }").serialize(
        format=getattr(pyoxigraph.QueryResultsFormat, name))
    assert row_count(body, fmt) == 7
