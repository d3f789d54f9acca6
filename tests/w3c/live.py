"""A live `kg serve` process for end-to-end tests: one per session, on a free
loopback port, with the W3C test data (and a hostile fixture) loaded via --data."""

from __future__ import annotations

import atexit
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from kg.config import PROJECT_ROOT, Settings

W3C = Path(os.environ.get("KG_W3C_TESTS", PROJECT_ROOT / "tests" / "data" / "w3c-rdf-tests"))
SPARQL11 = W3C / "sparql" / "sparql11"
TIMEOUT = 2.0
HUB_LINKS = 150          # backlinks to <base>test/hub, for paging
HOSTILE_TTL = """@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{base}test/hostile> rdfs:label "<script>alert('x')</script>" ;
    rdfs:comment "SERVICE <http://127.0.0.1:1/> is only a string" .
"""


@dataclass
class Live:
    url: str
    process: subprocess.Popen
    settings: Settings
    data: dict[str, str]        # graph IRI -> file

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def w3c_data(tmp: Path, base: str) -> dict[str, str]:
    """Graph IRI -> file for every data file the W3C suites need."""
    graphs = {f"http://kasei.us/2009/09/sparql/data/{name}.rdf": str(
        SPARQL11 / "protocol" / f"{name}.nt") for name in ("data1", "data2", "data3")}
    for suite, names in (("json-res", ["data.ttl"]), ("csv-tsv-res", ["data.ttl", "data2.ttl"])):
        for name in names:
            graphs[graph_for(suite, name)] = str(SPARQL11 / suite / name)
    hostile = tmp / "hostile.ttl"
    fans = "".join(f"<{base}test/fan-{n:03d}> rdfs:seeAlso <{base}test/hub> .\n"
                   for n in range(HUB_LINKS))
    hostile.write_text(HOSTILE_TTL.format(base=base) + fans, encoding="utf-8")
    graphs["urn:dutygraph:test:hostile"] = str(hostile)
    return graphs


def graph_for(suite: str, name: str) -> str:
    return f"urn:w3c:{suite}/{name}"


def start(settings: Settings, tmp: Path, timeout: float = TIMEOUT) -> Live:
    tmp.mkdir(parents=True, exist_ok=True)
    port = free_port()
    data = w3c_data(tmp, settings.base_iri)
    args = [sys.executable, "-m", "kg.cli", "--build-dir", str(settings.build_dir),
            "serve", "--host", "127.0.0.1", "--port", str(port), "--timeout", str(timeout),
            "--workers", "3"]
    for graph, path in data.items():
        args += ["--data", f"{path}={graph}"]
    log = (tmp / "server.log").open("wb")
    process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    live = Live(f"http://127.0.0.1:{port}", process, settings, data)
    atexit.register(live.stop)
    _wait(live, tmp / "server.log")
    return live


def _wait(live: Live, log: Path, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if live.process.poll() is not None:
            raise RuntimeError("kg serve exited:\n" + log.read_text(errors="replace"))
        try:
            if requests.get(live.url + "/sparql/health", timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    live.stop()
    raise RuntimeError("kg serve did not start:\n" + log.read_text(errors="replace"))


_LIVE: list[Live] = []


def shared(settings: Settings, tmp_factory: object) -> Live:
    """The session's one live server (started on first use), for a test fixture."""
    if not _LIVE:
        _LIVE.append(start(settings, tmp_factory.getbasetemp() / "live-server"))
    return _LIVE[0]
