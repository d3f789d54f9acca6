"""`kg serve` side by side with `oxigraph serve-read-only` on the same release.

The four-query mix (actor lookup, GROUP BY, DESCRIBE, CONSTRUCT of one article) is
the server engineer's, from bench/endpoint.py, when that script is present; both
servers answer with the union of all graphs as the default graph. Rounds alternate
between the two servers so that background noise falls on both alike."""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path
from types import ModuleType

from kg import store
from kg.bench import client, mix, queries, servers
from kg.bench.stats import ratio, summary_ms
from kg.config import Settings


def shared_script(settings: Settings) -> ModuleType | None:
    """bench/endpoint.py (a script, not a package module), if the checkout has it."""
    path = settings.root / "bench" / "endpoint.py"
    spec = importlib.util.spec_from_file_location("_bench_endpoint", path)
    if not path.is_file() or spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception:  # a broken or half-edited script: fall back to our own mix
        return None
    return module


def endpoint_mix(settings: Settings) -> dict[str, str]:
    script = shared_script(settings)
    if script is not None and hasattr(script, "mix"):
        return {name: query for name, query, _ in script.mix(settings.base_iri)}
    return dict(mix.ENDPOINT_MIX)


def same_answers(settings: Settings, kg: servers.Running,
                 ox: servers.Running) -> dict[str, bool] | None:
    """Whether both servers answer each query of the mix alike (bench/endpoint.py)."""
    script = shared_script(settings)
    if script is None or not hasattr(script, "same_answers"):
        return None
    ports = {"kg": (kg.port, f"{kg.path}?query="), "oxigraph": (ox.port, f"{ox.path}?query=")}
    try:
        return script.same_answers(ports, script.mix(settings.base_iri))
    except Exception:  # a comparison failure must not lose the measurements
        return None


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
            kg = servers.start_kg(settings.build_dir)
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
