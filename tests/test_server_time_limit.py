"""One runtime, one time limit for every reader: on a live `kg serve --timeout 1` with a
large generated graph loaded through --data, a people's page whose query runs longer
than the limit answers 503 within the limit + 1 s (its worker killed), and so does a
slow /sparql query; meanwhile another page and a cheap /sparql ASK answer 200."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from kg.config import Settings
from tests.w3c.live import Live, _wait, free_port

LIMIT = 1.0
NORMS = 120_000           # generated obligations (40,000 were listed in 0.8 s in CI)
WORD = "慢"
DG = "https://w3id.org/dutygraph/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
CROSS = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP_PAGE = "/actors/receiving-area-county-government"


def slow_data(path: Path) -> Path:
    """Obligations with long actions: the norm list filtered by a word must read every
    action to its end, then count and order the matches in reading order (the search
    page no longer scans: it reads the release's full-text index)."""
    text = "查询" * 300 + WORD
    with path.open("w", encoding="utf-8") as out:
        for n in range(NORMS):
            unit = f"<https://w3id.org/dutygraph/reg/generated-{n % 50}/art_{n}>"
            norm = f"<https://w3id.org/dutygraph/reg/generated-{n % 50}/art_{n}/obligation-0-1>"
            out.write(f'{unit} <{DG}eId> "art_{n}" .\n'
                      f"{norm} <{RDF_TYPE}> <{DG}Obligation> .\n{norm} <{DG}source> {unit} .\n"
                      f'{norm} <{DG}action> "{text}{n}"@zh .\n')
    return path


@pytest.fixture(scope="module")
def server(seed_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    tmp = tmp_path_factory.mktemp("time-limit")
    data = slow_data(tmp / "slow.nt")
    port = free_port()
    args = [sys.executable, "-m", "kg.cli", "--build-dir", str(seed_settings.build_dir),
            "serve", "--host", "127.0.0.1", "--port", str(port), "--timeout", str(LIMIT),
            "--workers", "2", "--data", f"{data}=urn:dutygraph:test:slow"]
    log = tmp / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    live = Live(f"http://127.0.0.1:{port}", process, seed_settings, {})
    try:
        _wait(live, log)
        yield live
    finally:
        live.stop()


def _slow_in_background(url: str, **params: str) -> tuple[threading.Thread, dict]:
    seen: dict = {}

    def fetch() -> None:
        started = time.monotonic()
        seen["response"] = requests.get(url, params=params, timeout=30)
        seen["seconds"] = time.monotonic() - started
    thread = threading.Thread(target=fetch)
    thread.start()
    time.sleep(0.3)  # the slow query is running in its worker now
    return thread, seen


def _cheap_answers_meanwhile(server: Live) -> None:
    page = requests.get(server.url + CHEAP_PAGE, timeout=30)
    ask = requests.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"},
                       timeout=30)
    assert page.status_code == 200 and "产业承接地县级人民政府" in page.text
    assert ask.status_code == 200 and ask.json()["boolean"] is True


def _assert_stopped(seen: dict) -> None:
    response = seen["response"]
    assert response.status_code == 503, response.text[:300]
    assert response.headers["Retry-After"]
    assert seen["seconds"] < LIMIT + 1.0, seen["seconds"]


def test_slow_page_is_stopped_while_cheap_readers_are_answered(server: Live) -> None:
    thread, seen = _slow_in_background(server.url + "/norms", q=WORD)
    _cheap_answers_meanwhile(server)
    thread.join()
    _assert_stopped(seen)
    assert "time limit" in seen["response"].text


def test_slow_sparql_is_stopped_while_cheap_readers_are_answered(server: Live) -> None:
    thread, seen = _slow_in_background(server.url + "/sparql", query=CROSS)
    _cheap_answers_meanwhile(server)
    thread.join()
    _assert_stopped(seen)
    assert "1 s time limit" in seen["response"].json()["error"]
