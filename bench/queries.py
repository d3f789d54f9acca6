"""Latency of every named query: in-process on the embedded store, and over HTTP
(sequential, one keep-alive client) with and without the server's answer cache."""

from __future__ import annotations

import http.client
import time
from pathlib import Path

import pyoxigraph

from bench import mix
from bench.client import HOST, send
from bench.stats import summary_ms
from kg.query import stores as engine
from kg.release import store


def _serialize(result: object) -> bytes:
    graph = isinstance(result, pyoxigraph.QueryTriples)
    return engine.serialize(result, "turtle" if graph else "json")


def embedded(release: Path, queries: dict[str, str], runs: int = 200,
             warmup: int = 5) -> dict[str, dict]:
    """p50/p99 per named query: run and fully serialise, in this process, on the store
    the server's query workers use (in memory for small builds)."""
    db = store.for_queries(str(release / store.STORE_DIR))
    out = {}
    for name, text in queries.items():
        for _ in range(warmup):
            _serialize(engine.execute(db, text))
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            _serialize(engine.execute(db, text))
            samples.append(time.perf_counter() - started)
        out[name] = summary_ms(samples)
    del db
    return out


def over_http(port: int, path: str, queries: dict[str, str], runs: int = 100,
              cached: bool = True) -> dict[str, dict]:
    """p50/p99 per named query over HTTP; uncached requests differ by a comment."""
    conn = http.client.HTTPConnection(HOST, port, timeout=300)  # loaded machines
    out = {}
    for name, text in queries.items():
        samples, statuses = [], set()
        for i in range(runs + 3):
            request = mix.get(path, name, text, nonce="" if cached else f"run {time.time()} {i}")
            started = time.perf_counter()
            status, _ = send(conn, request)
            if i >= 3:
                samples.append(time.perf_counter() - started)
                statuses.add(status)
        out[name] = {**summary_ms(samples), "statuses": sorted(statuses)}
    conn.close()
    return out
