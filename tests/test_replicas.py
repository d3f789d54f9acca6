"""Replicas: several `kg serve` processes serve the same build at once. The server keeps
no state (no sessions, no cookies) and the store is opened read-only, so any replica
answers any request alike, and losing one leaves the others serving."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
from pathlib import Path

import requests

from kg.config import Settings
from kg.release import store
from tests.w3c import live

QUERIES = ["SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
           "SELECT ?s WHERE { ?s a <https://w3id.org/dutygraph/ontology#Obligation> } ORDER BY ?s"]
PATHS = ["/api/queries/applies-to", "/reg/gd-industrial-transfer/art_9__para_2?format=nt",
         "/download/checksums.json"]


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def _answers(url: str) -> list[bytes]:
    bodies = []
    for query in QUERIES:
        r = requests.get(url + "/sparql", params={"query": query},
                         headers={"Accept": "text/csv"}, timeout=10)
        assert r.status_code == 200 and "Set-Cookie" not in r.headers
        bodies.append(r.content)
    for path in PATHS:
        r = requests.get(url + path, timeout=10)
        assert r.status_code == 200 and "Set-Cookie" not in r.headers
        bodies.append(r.content)
    return bodies


def start(settings: Settings, tmp: Path) -> live.Live:
    """`kg serve` on the build itself (no --data: the release's own store, read-only)."""
    tmp.mkdir(parents=True, exist_ok=True)
    port = live.free_port()
    args = [sys.executable, "-m", "kg.cli", "--build-dir", str(settings.build_dir), "serve",
            "--host", "127.0.0.1", "--port", str(port), "--workers", "2", "--threads", "4"]
    log = (tmp / "server.log").open("wb")
    process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    replica = live.Live(f"http://127.0.0.1:{port}", process, settings, {})
    live._wait(replica, tmp / "server.log")
    return replica


def test_three_replicas_serve_the_same_build(seed_settings: Settings, tmp_path: Path) -> None:
    release = store.current(seed_settings.build_dir)
    before = _tree_digest(release)
    replicas = [start(seed_settings, tmp_path / f"replica-{n}") for n in range(3)]
    try:
        answers = [_answers(r.url) for r in replicas]
        assert answers[0] == answers[1] == answers[2]
        replicas[0].process.send_signal(signal.SIGKILL)   # one replica dies
        replicas[0].process.wait(timeout=10)
        for other in replicas[1:]:
            assert _answers(other.url) == answers[0]
    finally:
        for replica in replicas:
            replica.stop()
    assert _tree_digest(release) == before   # nothing was written to the shared build
