"""A keep-alive HTTP load generator: `concurrency` clients, each a thread sending
requests back to back for `duration` seconds, spread over a few processes so the
client is not limited by one interpreter lock. Loopback only."""

from __future__ import annotations

import http.client
import multiprocessing as mp
import os
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field

from bench.mix import Request

HOST = "127.0.0.1"
CONNECTION_ERROR = 0  # the status recorded when no HTTP answer came back


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, dict[int, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    requests_per_s: float = 0.0

    def record(self, label: str, status: int, seconds: float) -> None:
        self.latencies[label].append(seconds)
        self.statuses[label][status] += 1

    def merge(self, other: Tally) -> None:
        for label, values in other.latencies.items():
            self.latencies[label].extend(values)
        for label, counts in other.statuses.items():
            for status, count in counts.items():
                self.statuses[label][status] += count
        for name, count in other.errors.items():
            self.errors[name] += count
        self.requests_per_s += other.requests_per_s

    def by_status(self) -> dict[int, int]:
        totals: dict[int, int] = defaultdict(int)
        for counts in self.statuses.values():
            for status, count in counts.items():
                totals[status] += count
        return dict(sorted(totals.items()))

    def all_latencies(self, labels: set[str] | None = None) -> list[float]:
        return [v for label, values in self.latencies.items()
                if labels is None or label in labels for v in values]

    def plain(self) -> dict:
        return {"latencies": dict(self.latencies), "errors": dict(self.errors),
                "statuses": {k: dict(v) for k, v in self.statuses.items()},
                "requests_per_s": self.requests_per_s}

    @classmethod
    def from_plain(cls, data: dict) -> Tally:
        tally = cls(requests_per_s=data["requests_per_s"])
        tally.latencies.update(data["latencies"])
        tally.errors.update(data["errors"])
        for label, counts in data["statuses"].items():
            tally.statuses[label].update(counts)
        return tally


def send(conn: http.client.HTTPConnection, request: Request) -> tuple[int, bytes]:
    conn.request(request.method, request.target, body=request.body,
                 headers=dict(request.headers))
    response = conn.getresponse()
    return response.status, response.read()


def fetch(port: int, request: Request, timeout: float = 30.0) -> bytes:
    """One request on a connection of its own; the body."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        return send(conn, request)[1]
    finally:
        conn.close()


def _client(port: int, mix: list[Request], offset: int, deadline: float,
            tally: Tally, lock: threading.Lock, timeout: float) -> None:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    i = offset
    while time.monotonic() < deadline:
        request = mix[i % len(mix)]
        i += 1
        started = time.perf_counter()
        try:
            status, _ = send(conn, request)
        except (OSError, http.client.HTTPException) as exc:
            status = CONNECTION_ERROR
            conn.close()
            with lock:
                tally.errors[type(exc).__name__] += 1
        with lock:
            tally.record(request.label, status, time.perf_counter() - started)
    conn.close()


def run_threads(port: int, mix: list[Request], clients: int, duration: float,
                first: int = 0, timeout: float = 60.0) -> Tally:
    """`clients` threads in this process; client k starts at mix[(first + k) * 7]."""
    tally, lock = Tally(), threading.Lock()
    started = time.monotonic()
    deadline = started + duration
    threads = [threading.Thread(target=_client, daemon=True,
                                args=(port, mix, (first + k) * 7, deadline, tally, lock,
                                      timeout)) for k in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = sum(len(v) for v in tally.latencies.values())
    tally.requests_per_s = total / max(1e-9, time.monotonic() - started)
    return tally


def _in_process(args: tuple) -> dict:
    return run_threads(*args).plain()


def run(port: int, mix: list[Request], clients: int, duration: float,
        processes: int | None = None, timeout: float = 60.0) -> Tally:
    """The load over several processes (default: up to one per CPU, at most 4)."""
    processes = max(1, min(clients, processes or min(4, os.cpu_count() or 1)))
    shares = [clients // processes + (1 if k < clients % processes else 0)
              for k in range(processes)]
    jobs = [(port, mix, share, duration, sum(shares[:k]), timeout)
            for k, share in enumerate(shares)]
    if processes == 1:
        return run_threads(*jobs[0])
    with mp.get_context("spawn").Pool(processes) as pool:
        parts = pool.map(_in_process, jobs)
    tally = Tally()
    for part in parts:
        tally.merge(Tally.from_plain(part))
    return tally
