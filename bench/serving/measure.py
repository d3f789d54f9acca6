"""Measure what a reader waits for on one build: `kg serve` ready time, each page once
(uncached: the first time the server is asked for it), `kg query` startup and the named
queries through it, and the resident memory of every worker process.

Every figure is taken on a loaded, shared machine: compare it with the figures taken in
the same run (the oxigraph side of `kg bench`), never as an absolute."""

from __future__ import annotations

import contextlib
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import servers
from bench.serving import sample
from bench.stats import percentile

NAMED = ("applies-to", "keyword", "office-duties")


def _timed_get(port: int, path: str, timeout: float = 120.0) -> tuple[int, float]:
    conn = http.client.HTTPConnection(servers.HOST, port, timeout=timeout)
    started = time.perf_counter()
    try:
        conn.request("GET", path, headers={"Accept": "text/html"})
        response = conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    except (OSError, http.client.HTTPException):
        return 0, time.perf_counter() - started
    finally:
        conn.close()


def _summary(samples: list[tuple[int, float]]) -> dict:
    seconds = [s for _, s in samples]
    return {"n": len(samples), "p50_ms": round(percentile(seconds, 50) * 1000, 1),
            "p95_ms": round(percentile(seconds, 95) * 1000, 1),
            "max_ms": round(max(seconds) * 1000, 1),
            "statuses": dict(sorted(_count(s for s, _ in samples).items()))}


def _count(values: object) -> dict[int, int]:
    counts: dict[int, int] = {}
    for value in values:  # type: ignore[attr-defined]
        counts[value] = counts.get(value, 0) + 1
    return counts


def ready_time(build_dir: Path, runs: int) -> dict:
    """Seconds from `kg serve` starting to its first answered query, each run a fresh
    server (median and all runs), and the CPU seconds its processes used until then (on
    a shared machine the wall time also counts the wait for a CPU)."""
    times, cpu = [], []
    for _ in range(runs):
        started = time.perf_counter()
        running = servers.start_kg(build_dir, ready_within=600.0)
        times.append(round(time.perf_counter() - started, 2))
        cpu.append(round(sum(map(_cpu_seconds, [running.pid,
                                                *servers.descendants(running.pid)])), 2))
        servers.stop(running)
    return {"median_s": statistics.median(times), "runs_s": times,
            "cpu_median_s": statistics.median(cpu), "cpu_runs_s": cpu}


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one live process (Linux /proc)."""
    with contextlib.suppress(OSError, IndexError, ValueError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return 0.0


def page_latencies(build_dir: Path, release: Path, timeout: float) -> dict:
    """Each sampled page once on a fresh server (after one warm-up request), by kind;
    then the memory of every process of the server."""
    paths = sample.pages(release)
    running = servers.start_kg(build_dir, timeout=timeout, ready_within=600.0)
    try:
        _timed_get(running.port, "/about-nothing")  # the app's first request: imports
        kinds = {kind: [_timed_get(running.port, p) for p in ps] for kind, ps in paths.items()}
        slowest = sorted(((s, p, st) for kind, ps in paths.items()
                          for p, (st, s) in zip(ps, kinds[kind], strict=True)), reverse=True)
        memory = worker_memory(running.pid)
    finally:
        servers.stop(running)
    every = [x for values in kinds.values() for x in values]
    by_kind = {kind: _summary(values) for kind, values in kinds.items()}
    people = [x for kind, values in kinds.items() if kind != "search" for x in values]
    return {"by_kind": by_kind, "all_pages": _summary(every), "people_pages": _summary(people),
            "slowest": [{"path": p, "ms": round(s * 1000), "status": st}
                        for s, p, st in slowest[:8]], "memory_mb": memory}


def _own_rss(pid: int) -> int:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def worker_memory(server_pid: int) -> dict:
    """Resident memory (MB) of the gunicorn master, each HTTP worker and each query
    worker, and of the whole process tree."""
    mb = 1 << 20
    http = [round(_own_rss(p) / mb) for p in servers.http_workers(server_pid)]
    query = [round(_own_rss(p) / mb) for p in servers.query_workers(server_pid)]
    return {"master": round(_own_rss(server_pid) / mb), "http_workers": http,
            "query_workers": query, "tree": round(servers.rss_bytes(server_pid) / mb)}


def _kg(build_dir: Path, *args: str, stdin: str = "") -> tuple[int, float, float]:
    """Exit code, wall seconds and CPU seconds (user + system) of one `kg query`: on a
    shared machine the wall time also counts the wait for a CPU."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as feed:
        feed.write(stdin.encode())
        feed.seek(0)
        child = subprocess.Popen([sys.executable, "-m", "kg.cli", "--build-dir",
                                  str(build_dir), "query", *args], stdin=feed,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    return (os.waitstatus_to_exitcode(status), round(wall, 2),
            round(usage.ru_utime + usage.ru_stime, 2))


def query_startup(build_dir: Path, runs: int) -> dict:
    """`kg query` for `ASK {}` (its startup: nothing to evaluate), and for the named
    queries of the issue with their default parameters."""
    ask = [_kg(build_dir, "-", "--format", "json", stdin="ASK {}") for _ in range(runs)]
    named = {name: _kg(build_dir, name, "--format", "csv") for name in NAMED}
    return {"ask_median_s": statistics.median(w for _, w, _ in ask),
            "ask_cpu_median_s": statistics.median(c for _, _, c in ask),
            "ask_runs_s": [w for _, w, _ in ask], "ask_exit": sorted({e for e, _, _ in ask}),
            "named_s": {name: w for name, (_, w, _) in named.items()},
            "named_cpu_s": {name: c for name, (_, _, c) in named.items()},
            "named_exit": {name: e for name, (e, _, _) in named.items()}}


def run(build_dir: Path, release: Path, timeout: float = 30.0, runs: int = 3) -> dict:
    return {"release": release.name, "quads": _quads(release),
            "load_average": os.getloadavg(), "cpus": os.cpu_count(),
            "ready": ready_time(build_dir, runs),
            "pages": page_latencies(build_dir, release, timeout),
            "kg_query": query_startup(build_dir, runs)}


def _quads(release: Path) -> int:
    from kg.release import store

    manifest = store.manifest(release)
    return int(manifest.get("asserted", 0)) + int(manifest.get("inferred", 0))
