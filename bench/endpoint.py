"""`kg serve` side by side with `oxigraph serve-read-only` on the same release.

The four-query mix (actor lookup, GROUP BY, DESCRIBE, CONSTRUCT of one article) is
bench/mix.py's; both servers answer with the union of all graphs as the default
graph. Rounds alternate between the two servers so that background noise falls on
both alike."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from rdflib import Graph
from rdflib.compare import isomorphic

from bench import client, mix, queries, servers
from bench.stats import ratio, summary_ms
from kg.config import Settings
from kg.release import store


def endpoint_mix(settings: Settings) -> dict[str, str]:
    return {name: query for name, query in mix.endpoint_mix(settings.base_iri).items()}


def same_answers(settings: Settings, kg: servers.Running,
                 ox: servers.Running) -> dict[str, bool]:
    """Whether both servers answer each query of the mix alike (as sets / graphs)."""
    agree = {}
    for name, query in endpoint_mix(settings).items():
        bodies = [client.fetch(t.port, mix.get(t.path, name, query), timeout=300.0)
                  for t in (kg, ox)]  # a loaded machine: the first answers are slow
        if mix.accept_for(query) == mix.TURTLE:
            graphs = [Graph().parse(data=b, format="turtle") for b in bodies]
            agree[name] = isomorphic(*graphs)
        else:
            rows = [sorted(map(json.dumps, json.loads(b)["results"]["bindings"]))
                    for b in bodies]
            agree[name] = rows[0] == rows[1] and len(rows[0]) > 0
    return agree


def requests_for(path: str, queries_: dict[str, str], unique: int = 0) -> list[mix.Request]:
    """The mix as requests; with `unique`, that many distinct copies (cache-busting)."""
    if not unique:
        return [mix.get(path, name, q) for name, q in queries_.items()]
    return [mix.get(path, name, q, nonce=f"n{i}") for i in range(unique)
            for name, q in queries_.items()]


def measure(port: int, requests: list[mix.Request], clients: int, seconds: float,
            rounds: int) -> dict:
    tally = client.Tally()
    for _ in range(rounds):
        tally.merge(client.run(port, requests, clients, seconds))
    return {"clients": clients, "requests_per_s": round(tally.requests_per_s / rounds, 1),
            "statuses": tally.by_status(), **summary_ms(tally.all_latencies())}


def compare(settings: Settings, release: Path, seconds: float = 10.0,
            concurrency: tuple[int, ...] = (8, 32), rounds: int = 2,
            named_runs: int = 100) -> dict:
    """Throughput and latency of both servers, and named-query latency over HTTP."""
    queries_ = endpoint_mix(settings)
    named = mix.named_queries(settings.queries_dir)
    with tempfile.TemporaryDirectory(prefix="kg-bench-endpoint-") as tmp:
        ox = servers.start_oxigraph(release / store.NQUADS, Path(tmp))
        with servers.serving(ox):
            kg = servers.start_kg(settings.build_dir, ready_within=600.0)  # copies, loaded CPUs
            with servers.serving(kg):
                targets = {"kg": kg, "oxigraph": ox}
                agree = same_answers(settings, kg, ox)
                for target in targets.values():  # warm-up: caches, page cache, JIT-free
                    client.run(target.port, requests_for(target.path, queries_), 8, 1.0)
                table = {f"c{c}": {name: measure(t.port, requests_for(t.path, queries_), c,
                                                 seconds, rounds)
                                   for name, t in targets.items()} for c in concurrency}
                uncached = measure(kg.port, requests_for(kg.path, queries_, 2500),
                                   concurrency[0], seconds, 1)
                http_named = {
                    "kg_cached": queries.over_http(kg.port, kg.path, named, named_runs),
                    "kg_uncached": queries.over_http(kg.port, kg.path, named, named_runs,
                                                     cached=False),
                    "oxigraph": queries.over_http(ox.port, ox.path, named, named_runs)}
    for row in table.values():
        row["throughput_ratio"] = ratio(row["kg"]["requests_per_s"],
                                        row["oxigraph"]["requests_per_s"])
    table[f"c{concurrency[0]}"]["kg_uncached"] = uncached
    return {"mix": queries_, "same_answers": agree, "seconds": seconds, "rounds": rounds,
            "concurrency": table, "named_http": http_named}
