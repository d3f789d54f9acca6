"""The W3C SPARQL 1.1 result-format suites (json-res, csv-tsv-res) through `kg serve
--backend` on Oxigraph and on Virtuoso: each test's data pushed into the engine as a named
graph, the query naming it with `default-graph-uri`, the answer compared with the W3C's
expected result as tests/test_server_w3c.py compares the embedded store's."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph
import pytest
from flask.testing import FlaskClient

from kg.config import Settings
from server import create_app
from server.runtime import KEY, ServeOptions
from server.runtime.remote import RemoteRuntime
from tests.backends import BACKENDS, Engines
from tests.w3c import results
from tests.w3c.live import graph_for

CASES = results.load("json-res") + results.load("csv-tsv-res")
OPTIONS = ServeOptions(timeout=10.0, workers=2)


@pytest.fixture(scope="module")
def engines(tmp_path_factory: pytest.TempPathFactory,
            seed_settings: Settings) -> Iterator[Engines]:
    found = Engines(tmp_path_factory, seed_settings)
    yield found
    found.close()


def _ntriples(case: results.Case) -> bytes:
    triples = pyoxigraph.parse(path=str(case.data), format=pyoxigraph.RdfFormat.TURTLE)
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)


@pytest.fixture(scope="module", params=BACKENDS)
def client(request: pytest.FixtureRequest, engines: Engines,
           seed_settings: Settings) -> Iterator[FlaskClient]:
    """`kg serve --backend` over an engine that holds the seed and every test's data."""
    for case in CASES:
        engines.put(request.param, graph_for(case.suite, case.data.name), _ntriples(case))
    url = engines.pushed(request.param).query_url
    app = create_app(seed_settings, OPTIONS, RemoteRuntime(OPTIONS, url))
    yield app.test_client()
    app.extensions[KEY].close()


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.suite}/{c.name}")
def test_result_format_through_the_backend(client: FlaskClient, case: results.Case) -> None:
    response = client.get("/sparql", query_string={
        "query": case.query.read_text(encoding="utf-8"),
        "default-graph-uri": graph_for(case.suite, case.data.name)},
        headers={"Accept": results.ACCEPT[case.result.suffix]})
    assert response.status_code == 200, response.text
    suffix = case.result.suffix
    expected = results.normalise(suffix, case.result.read_text(encoding="utf-8"))
    found = results.normalise(suffix, response.data.decode("utf-8"))
    assert unordered(case, found) == unordered(case, expected)


def unordered(case: results.Case, normalised: object) -> object:
    """Without ORDER BY the rows may come in any order (Virtuoso's is not Oxigraph's)."""
    if "ORDER BY" in case.query.read_text(encoding="utf-8").upper():
        return normalised
    if isinstance(normalised, tuple):
        names, rows = normalised
        return names, sorted(rows, key=repr)
    return normalised
