"""Server-side faults against a real `kg serve` (gunicorn, query worker pool) on
loopback: killed workers, a damaged build on reload, and SIGTERM draining."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench import servers
from kg.config import Settings
from kg.release import store

CROSS3 = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CROSS2 = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"  # seconds, then an answer
JSON = "application/sparql-results+json"


def get(running: servers.Running, query: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(servers.HOST, running.port, timeout=60)
    try:
        conn.request("GET", running.query_url(query), headers={"Accept": JSON})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def in_background(call: Callable[[], object]) -> tuple[threading.Thread, list]:
    box: list = []
    thread = threading.Thread(target=lambda: box.append(_outcome(call)), daemon=True)
    thread.start()
    return thread, box


def _outcome(call: Callable[[], object]) -> object:
    try:
        return call()
    except (OSError, http.client.HTTPException) as exc:
        return exc


def eventually(check: Callable[[], bool], within: float = 30.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def answers(running: servers.Running, tag: str) -> bool:
    return servers.probe(running, f"ASK {{ ?s ?p ?o }} # {tag} {time.monotonic()}") == 200


@pytest.fixture(scope="module")
def build_dir(seed_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("serve-faults") / "build"
    shutil.copytree(seed_settings.build_dir, target, symlinks=True)
    return target


@pytest.fixture(scope="module")
def server(build_dir: Path) -> Iterator[servers.Running]:
    running = servers.start_kg(build_dir, timeout=20, workers=2)
    with servers.serving(running):
        yield running


def test_query_worker_killed_mid_query_gives_a_clean_503_and_recovers(server) -> None:
    thread, box = in_background(lambda: get(server, CROSS3 + " # killed"))
    assert eventually(lambda: len(servers.query_workers(server.pid)) >= 2, 10)
    time.sleep(0.8)  # the query is running on one of them
    victims = servers.query_workers(server.pid)
    for pid in victims:
        os.kill(pid, signal.SIGKILL)
    thread.join(timeout=60)
    status, headers, body = box[0]
    assert status == 503 and headers.get("Retry-After")
    assert json.loads(body)["ok"] is False and "Traceback" not in body.decode()
    assert eventually(lambda: answers(server, "after kill"))
    assert not set(victims) & set(servers.query_workers(server.pid))


def test_http_worker_killed_is_replaced(server) -> None:
    for pid in servers.http_workers(server.pid):
        os.kill(pid, signal.SIGKILL)
    assert eventually(lambda: answers(server, "after http kill"), within=60)


def test_a_damaged_build_is_refused_on_reload_and_the_old_one_served(tmp_path, build_dir):
    own = tmp_path / "build"
    shutil.copytree(build_dir, own, symlinks=True)
    running = servers.start_kg(own, timeout=20, workers=2)
    with servers.serving(running):
        good = store.current(own)
        bad = own / "releases" / "29991231T235959-half-written"
        shutil.copytree(good, bad)
        (bad / store.MANIFEST).unlink()
        link = own / ".current-test"
        link.symlink_to(bad.relative_to(own))
        os.replace(link, own / "current")
        os.kill(running.pid, signal.SIGHUP)
        time.sleep(3)
        assert running.process.poll() is None, "the server stopped"
        assert eventually(lambda: answers(running, "after bad reload"), within=15)


def test_sigterm_finishes_in_flight_requests_and_refuses_new_ones(build_dir) -> None:
    running = servers.start_kg(build_dir, timeout=60, workers=2)
    with servers.serving(running):
        thread, box = in_background(lambda: get(running, CROSS2 + " # in flight"))
        time.sleep(1.0)
        running.process.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        late = _outcome(lambda: get(running, "ASK { ?s ?p ?o } # late"))
        thread.join(timeout=90)
        code = running.process.wait(timeout=90)
    status, _, body = box[0]
    assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 0
    assert isinstance(late, OSError) or late[0] == 503, late
    assert code == 0
