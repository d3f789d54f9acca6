"""The W3C SPARQL 1.1 Protocol manifest and result-format suites, over HTTP,
against a live `kg serve` with the manifests' data loaded through --data."""

from __future__ import annotations

import hashlib
import uuid

import pytest
import requests

from kg.config import Settings
from tests.w3c import live, protocol, results
from tests.w3c.live import Live

CASES = protocol.load()


@pytest.fixture
def server(seed_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Live:
    return live.shared(seed_settings, tmp_path_factory)
SNAPSHOT = "SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} # {}"


def _snapshot(base: str) -> str:
    """A digest of every quad, asked with a fresh query text (bypassing the cache)."""
    response = requests.get(base + "/sparql", params={"query": SNAPSHOT.format(uuid.uuid4())},
                            headers={"Accept": "text/tab-separated-values"}, timeout=10)
    assert response.status_code == 200
    return hashlib.sha256(b"\n".join(sorted(response.content.splitlines()))).hexdigest()


@pytest.mark.parametrize("case", [c for c in CASES if not c.is_update], ids=lambda c: c.name)
def test_protocol_query(server: Live, case: protocol.Case) -> None:
    for req in case.requests:
        response = protocol.send(server.url, req)
        assert protocol.check(req, response) == [], (case.name, response.text[:300])


@pytest.mark.parametrize("case", [c for c in CASES if c.is_update], ids=lambda c: c.name)
def test_protocol_update_is_refused(server: Live, case: protocol.Case) -> None:
    before = _snapshot(server.url)
    update = case.requests[0]
    response = protocol.send(server.url, update)
    assert response.status_code == 403, response.text
    assert response.json()["status"] == 403
    assert _snapshot(server.url) == before


def test_manifest_has_both_kinds() -> None:
    assert sum(c.is_update for c in CASES) >= 10
    assert sum(not c.is_update for c in CASES) >= 15


@pytest.mark.parametrize("case", results.load("json-res") + results.load("csv-tsv-res"),
                         ids=lambda c: f"{c.suite}/{c.name}")
def test_result_format(server: Live, case: results.Case) -> None:
    response = results.run(server.url, case)
    assert response.status_code == 200, response.text
    suffix = case.result.suffix
    expected = results.normalise(suffix, case.result.read_text(encoding="utf-8"))
    assert results.normalise(suffix, response.content.decode("utf-8")) == expected
