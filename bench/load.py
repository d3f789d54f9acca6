"""The load test: `clients` keep-alive clients for `seconds` against `kg serve`,
with a mix of ordinary and pathological requests, while the server's memory (its
whole process tree) is sampled and a cheap query is timed. Loopback only."""

from __future__ import annotations

import http.client
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench import client, mix, servers
from bench.stats import summary_ms

ALLOWED_5XX = {503}


def allowed(status: int) -> bool:
    """Designed outcomes: success, client errors, and 503 (time limit, busy)."""
    return 200 <= status < 500 or status in ALLOWED_5XX


@dataclass
class Probe:
    """Samples RSS and the latency of a cheap query (cached and uncached) until stopped."""

    running: servers.Running
    every: float = 0.25
    rss: list[tuple[float, int]] = field(default_factory=list)
    cheap: dict[str, list[tuple[int, float]]] = field(
        default_factory=lambda: {"cached": [], "uncached": []})
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self._loop, daemon=True)
        thread.start()
        return thread

    def stop(self, thread: threading.Thread) -> None:
        self._stop.set()
        thread.join(timeout=30)

    def _loop(self) -> None:
        started, i = time.monotonic(), 0
        while not self._stop.is_set():
            self.rss.append((round(time.monotonic() - started, 2),
                             servers.rss_bytes(self.running.pid)))
            self.cheap["cached"].append(self._time(mix.CHEAP, ""))
            self.cheap["uncached"].append(self._time(mix.CHEAP, f"probe {i}"))
            i += 1
            self._stop.wait(self.every)

    def _time(self, query: str, nonce: str) -> tuple[int, float]:
        conn = http.client.HTTPConnection(client.HOST, self.running.port, timeout=30)
        started = time.perf_counter()
        try:
            status, _ = client.send(conn, mix.get(self.running.path, "probe", query, nonce))
        except (OSError, http.client.HTTPException):
            status = client.CONNECTION_ERROR
        finally:
            conn.close()
        return status, time.perf_counter() - started


def run_load(build_dir: Path, queries_dir: Path, clients: int = 32, seconds: float = 60.0,
             timeout: float = 10.0, log: Path | None = None) -> dict:
    running = servers.start_kg(build_dir, timeout=timeout, log=log)
    with servers.serving(running):
        probe = Probe(running)
        thread = probe.start()
        tally = client.run(running.port, mix.load_requests(running.path, queries_dir),
                           clients, seconds, timeout=timeout * 3 + 30)
        probe.stop(thread)
        after = servers.probe(running)
    return summarize(tally, probe, after, clients, seconds, timeout)


def summarize(tally: client.Tally, probe: Probe, after: int | None, clients: int,
              seconds: float, timeout: float) -> dict:
    statuses = tally.by_status()
    rss_mb = [round(b / 2**20, 1) for _, b in probe.rss]
    return {
        "clients": clients, "seconds": seconds, "query_timeout_s": timeout,
        "requests_per_s": round(tally.requests_per_s, 1),
        "statuses": statuses,
        "statuses_by_label": {k: dict(sorted(v.items())) for k, v in tally.statuses.items()},
        "connection_errors": dict(tally.errors),
        "disallowed": {s: n for s, n in statuses.items() if not allowed(s)},
        "latency": {label: summary_ms(v) for label, v in sorted(tally.latencies.items())},
        "rss_mb": {"first": rss_mb[0] if rss_mb else None, "max": max(rss_mb, default=0),
                   "last": rss_mb[-1] if rss_mb else None,
                   "series": rss_mb[:: max(1, len(rss_mb) // 60)]},
        "cheap_query": {kind: {"statuses": _counts([s for s, _ in samples]),
                               **summary_ms([t for _, t in samples])}
                        for kind, samples in probe.cheap.items()},
        "answers_after_load": after,
    }


def _counts(statuses: list[int]) -> dict[int, int]:
    return {s: statuses.count(s) for s in sorted(set(statuses))}
