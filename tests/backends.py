"""The external engines the backend tests run against, each on loopback in a fresh
temporary database: `oxigraph serve` (from PyPI) and Virtuoso 7 (Debian's package,
installed by `make system-deps`; a missing one is an error, never a skip)."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from bench import virtuoso
from kg.config import Settings
from kg.release import push, store
from tests.w3c.live import free_port

OXIGRAPH = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "oxigraph"
BACKENDS = ["oxigraph", "virtuoso"]
REMOTE_LIMIT = 3  # the engines' own time limit (s): just past the runtime's 2 s


@dataclass
class Backend:
    """A running external engine: where to query, where to push, and as whom."""
    name: str
    query_url: str
    store_url: str
    auth: tuple[str, str] | None = None

    def requests_auth(self) -> requests.auth.AuthBase | None:
        return requests.auth.HTTPDigestAuth(*self.auth) if self.auth else None

    def push_command(self) -> tuple[list[str], dict[str, str]]:
        """`kg push` arguments and environment for this engine."""
        args, env = ["push", "--endpoint", self.store_url], dict(os.environ)
        if self.auth:
            args += ["--user", self.auth[0]]
            env["KG_PUSH_PASSWORD"] = self.auth[1]
        return args, env


def start_oxigraph(tmp: Path) -> tuple[Backend, subprocess.Popen]:
    """`oxigraph serve` on loopback (union default graph, its own time limit)."""
    port = free_port()
    proc = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp), "--bind",
                             f"127.0.0.1:{port}", "--union-default-graph",
                             "--timeout-s", str(REMOTE_LIMIT)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            requests.get(url + "/query", params={"query": "ASK {}"}, timeout=1)
            break
        except requests.ConnectionError:
            time.sleep(0.1)
    return Backend("oxigraph", url + "/query", url + "/store"), proc


def start_virtuoso(tmp: Path) -> tuple[Backend, virtuoso.Virtuoso]:
    """Virtuoso on loopback: anonymous SPARQL read-only, pushes as the administrator."""
    engine = virtuoso.start(tmp, memory_mb=256, timeout=REMOTE_LIMIT)
    return Backend("virtuoso", engine.sparql, engine.graph_store,
                   (virtuoso.USER, virtuoso.PASSWORD)), engine


class Engines:
    """Each external engine started once (per test module), on first use, in a fresh
    temporary database, with the seed pushed into it; all stopped at the end."""

    def __init__(self, tmp: pytest.TempPathFactory, settings: Settings) -> None:
        self.tmp, self.settings = tmp, settings
        self.started: dict[str, Backend] = {}
        self.processes: list[subprocess.Popen | virtuoso.Virtuoso] = []

    def pushed(self, name: str) -> Backend:
        if name not in self.started:
            start = start_oxigraph if name == "oxigraph" else start_virtuoso
            found, process = start(self.tmp.mktemp(name))
            self.processes.append(process)
            push.push(store.current(self.settings.build_dir), found.store_url,
                      auth=found.auth)
            self.started[name] = found
        return self.started[name]

    def put(self, name: str, graph: str, ntriples: bytes) -> None:
        """One more named graph into an engine (Graph Store PUT)."""
        found = self.pushed(name)
        requests.put(push.graph_url(found.store_url, graph), data=ntriples,
                     headers={"Content-Type": push.NT_TYPE}, auth=found.requests_auth(),
                     timeout=30).raise_for_status()

    def close(self) -> None:
        for process in self.processes:
            if isinstance(process, virtuoso.Virtuoso):
                process.stop()
            else:
                process.terminate()
                process.wait(timeout=10)
