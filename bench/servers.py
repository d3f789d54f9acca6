"""Start and stop the servers under test on loopback: `kg serve` and `oxigraph serve`.

Every server is started in a session of its own, so stopping it reaches its whole
process tree (gunicorn master, its worker, the query pool) and nothing else.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
READY_QUERY = "ASK {}"


class ServerError(RuntimeError):
    """A server did not start, or its tool is missing."""


@dataclass
class Running:
    name: str
    process: subprocess.Popen
    port: int
    path: str  # the SPARQL query path: /sparql or /query
    workdir: Path | None = None

    @property
    def pid(self) -> int:
        return self.process.pid

    def query_url(self, query: str) -> str:
        return f"{self.path}?{urllib.parse.urlencode({'query': query})}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def kg_command(build_dir: Path, port: int, timeout: float, workers: int | None) -> list[str]:
    cmd = [sys.executable, "-m", "kg.cli", "--build-dir", str(build_dir), "serve",
           "--host", HOST, "--port", str(port), "--timeout", str(timeout)]
    return cmd + (["--workers", str(workers)] if workers else [])


def start_kg(build_dir: Path, timeout: float = 10.0, workers: int | None = None,
             log: Path | None = None, ready_within: float = 90.0) -> Running:
    """`kg serve` on a free loopback port, once it answers a query."""
    port = free_port()
    process = _spawn(kg_command(build_dir, port, timeout, workers), log)
    running = Running("kg serve", process, port, "/sparql")
    return _ready(running, ready_within)


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        raise ServerError("the `oxigraph` CLI is not installed (pip install oxigraph)")
    return found


def start_oxigraph(nquads: Path, workdir: Path, log: Path | None = None,
                   ready_within: float = 60.0) -> Running:
    """`oxigraph serve-read-only` over a fresh store loaded from the same N-Quads."""
    location = workdir / "oxigraph-store"
    binary = oxigraph_binary()
    subprocess.run([binary, "load", "--location", str(location), "--file", str(nquads)],
                   check=True, capture_output=True, timeout=300)
    port = free_port()
    cmd = [binary, "serve-read-only", "--location", str(location),
           "--bind", f"{HOST}:{port}", "--union-default-graph"]
    running = Running("oxigraph serve", _spawn(cmd, log), port, "/query", workdir)
    return _ready(running, ready_within)


def _spawn(cmd: list[str], log: Path | None) -> subprocess.Popen:
    out = log.open("ab") if log else subprocess.DEVNULL
    try:
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    finally:
        if log:
            out.close()  # type: ignore[union-attr]


def _ready(running: Running, within: float) -> Running:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if running.process.poll() is not None:
            raise ServerError(f"{running.name} exited with {running.process.returncode}")
        if probe(running) == 200:
            return running
        time.sleep(0.2)
    stop(running)
    raise ServerError(f"{running.name} did not answer within {within:g} s")


def probe(running: Running, query: str = READY_QUERY, timeout: float = 5.0) -> int | None:
    """The status of one GET query, or None when the server cannot be reached."""
    conn = http.client.HTTPConnection(HOST, running.port, timeout=timeout)
    try:
        conn.request("GET", running.query_url(query),
                     headers={"Accept": "application/sparql-results+json"})
        response = conn.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return None
    finally:
        conn.close()


def stop(running: Running, grace: float = 20.0) -> int | None:
    """SIGTERM, wait up to `grace` seconds, then SIGKILL the server's own session."""
    process = running.process
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # stragglers of this server only
    return process.returncode


@contextlib.contextmanager
def serving(running: Running) -> Iterator[Running]:
    try:
        yield running
    finally:
        stop(running)


def descendants(pid: int) -> list[int]:
    """The pids of a process's children, grandchildren and so on (Linux /proc)."""
    found: list[int] = []
    todo = [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            with contextlib.suppress(OSError):
                kids = [int(p) for p in (task / "children").read_text().split()]
                found.extend(kids)
                todo.extend(kids)
    return found


def rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (0 if gone)."""
    total = 0
    for each in [pid, *descendants(pid)]:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
    return total


def cmdline(pid: int) -> str:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    return ""


def parent(pid: int) -> int | None:
    with contextlib.suppress(OSError, IndexError, ValueError):
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    return None


def query_workers(server_pid: int) -> list[int]:
    """The query worker processes of a `kg serve` (children of its forkserver, or
    spawned processes), not the forkserver or resource tracker themselves."""
    found = []
    for pid in descendants(server_pid):
        up = parent(pid)
        if (up and "forkserver import main" in cmdline(up)) or "spawn_main" in cmdline(pid):
            found.append(pid)
    return found


def http_workers(server_pid: int) -> list[int]:
    """gunicorn's worker processes: the master's children that are not helpers."""
    return [pid for pid in descendants(server_pid) if parent(pid) == server_pid
            and "multiprocessing" not in cmdline(pid)]
