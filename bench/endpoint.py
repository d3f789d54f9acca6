"""Benchmark: `kg serve` against `oxigraph serve-read-only`, same data, same queries.

    .venv/bin/python bench/endpoint.py [--seconds 20] [--concurrency 8]

Both servers load the current build's dutygraph.nq and answer with the union of
all graphs as the default graph (oxigraph: --union-default-graph). One run times
the same mix of 4 queries (an actor lookup, a GROUP BY, a DESCRIBE, a CONSTRUCT of
one article) on loopback with N keep-alive clients, one target after the other,
and writes bench/results/endpoint-<time>.json. Not a test.
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from kg import store
from kg.commands import ensure_build
from kg.config import Settings

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PREFIX = ("PREFIX dg: <https://w3id.org/dutygraph/ontology#> "
          "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
          "PREFIX eli: <http://data.europa.eu/eli/ontology#> ")
JSON_TYPE = "application/sparql-results+json"
TURTLE = "text/turtle"


def mix(base: str) -> list[tuple[str, str, str]]:
    """(name, query, Accept) for the four queries."""
    actor = f"<{base}actor/government-county-level-and-above>"
    article = f"<{base}reg/gd-industrial-transfer/art_3>"
    return [
        ("actor lookup", PREFIX + "SELECT ?norm ?type ?action WHERE { ?norm dg:appliesTo "
         f"{actor} ; a ?type . OPTIONAL {{ ?norm dg:action ?action }} }}", JSON_TYPE),
        ("group by", PREFIX + "SELECT ?actor (COUNT(DISTINCT ?norm) AS ?n) WHERE { ?norm "
         "dg:addressee ?actor } GROUP BY ?actor ORDER BY DESC(?n) ?actor", JSON_TYPE),
        ("describe", f"DESCRIBE {actor}", TURTLE),
        ("construct article", PREFIX + f"CONSTRUCT {{ ?x ?p ?o }} WHERE {{ ?x eli:is_part_of* "
         f"{article} . ?x ?p ?o }}", TURTLE),
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(port: int, path: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server on port {port} did not start")


def start_oxigraph(nquads: Path, tmp: Path) -> tuple[subprocess.Popen, int]:
    location = tmp / "oxigraph"
    subprocess.run([str(BIN / "oxigraph"), "load", "--location", str(location),
                    "--file", str(nquads)], check=True, capture_output=True)
    port = free_port()
    proc = subprocess.Popen([str(BIN / "oxigraph"), "serve-read-only", "--location",
                             str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph", "--timeout-s", "10"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_ready(port, "/query?query=ASK%7B%7D")
    return proc, port


def start_kg(settings: Settings, workers: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    proc = subprocess.Popen([str(BIN / "kg"), "--build-dir", str(settings.build_dir), "serve",
                             "--port", str(port), "--timeout", "10",
                             "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_ready(port, "/sparql/health")
    return proc, port


def fetch(conn: http.client.HTTPConnection, path: str, accept: str) -> tuple[int, bytes]:
    conn.request("GET", path, headers={"Accept": accept})
    response = conn.getresponse()
    return response.status, response.read()


def load(port: int, paths: list[tuple[str, str]], seconds: float,
         concurrency: int, cold: bool = False) -> dict[str, object]:
    """N keep-alive clients, round-robin through the mix, for `seconds`. With `cold`,
    every request's query text is unique (a trailing comment), so nothing is cached."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, bad, i = [], [], offset
        while time.monotonic() < stop:
            path, accept = paths[i % len(paths)]
            i += 1
            if cold:
                path += urllib.parse.quote(f"\n# {offset} {i}")
            started = time.perf_counter()
            try:
                status, body = fetch(conn, path, accept)
            except (OSError, http.client.HTTPException) as exc:
                bad.append(f"{type(exc).__name__}: {exc}"[:120])
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                time.sleep(0.05)
                continue
            mine.append(time.perf_counter() - started)
            if status != 200:
                bad.append(f"{status} {body[:80]!r}")
        with lock:
            latencies.extend(mine)
            for problem in bad:
                errors[problem] = errors.get(problem, 0) + 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return summary(latencies, errors, seconds)


def summary(latencies: list[float], errors: dict[str, int],
            seconds: float) -> dict[str, object]:
    ordered = sorted(latencies)
    def pct(p: float) -> float:
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000
    return {"requests": len(ordered), "errors": sum(errors.values()), "error_kinds": errors,
            "rps": len(ordered) / seconds,
            "p50_ms": pct(0.50), "p99_ms": pct(0.99),
            "mean_ms": statistics.fmean(ordered) * 1000 if ordered else 0.0}


def same_answers(ports: dict[str, tuple[int, str]], queries: list) -> dict[str, bool]:
    """Do both servers give the same answer to each query (as sets / graphs)?"""
    from rdflib import Graph
    from rdflib.compare import isomorphic
    agree = {}
    for name, query, accept in queries:
        bodies = []
        for port, prefix in ports.values():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            bodies.append(fetch(conn, prefix + urllib.parse.quote(query), accept)[1])
        if accept == TURTLE:
            graphs = [Graph().parse(data=b, format="turtle") for b in bodies]
            agree[name] = isomorphic(*graphs)
        else:
            rows = [sorted(map(json.dumps, json.loads(b)["results"]["bindings"])) for b in bodies]
            agree[name] = rows[0] == rows[1] and len(rows[0]) > 0
    return agree


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="kg query workers")
    parser.add_argument("--cold", action="store_true",
                        help="make every query text unique, defeating any cache")
    args = parser.parse_args()
    settings = Settings.from_env()
    release = ensure_build(settings)
    queries = mix(settings.base_iri)
    tmp = Path(tempfile.mkdtemp(prefix="dutygraph-bench-"))
    procs = []
    try:
        ox, ox_port = start_oxigraph(release / store.NQUADS, tmp)
        procs.append(ox)
        kg, kg_port = start_kg(settings, args.workers)
        procs.append(kg)
        targets = {"oxigraph serve-read-only": (ox_port, "/query?query="),
                   "kg serve": (kg_port, "/sparql?query=")}
        agree = same_answers(targets, queries)
        results = {}
        for name, (port, prefix) in targets.items():
            paths = [(prefix + urllib.parse.quote(q), accept) for _, q, accept in queries]
            load(port, paths, min(2.0, args.seconds / 5), args.concurrency)     # warm-up
            results[name] = load(port, paths, args.seconds, args.concurrency, args.cold)
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=20)
        shutil.rmtree(tmp, ignore_errors=True)
    report(results, agree, args, release.name)
    return 0


def report(results: dict, agree: dict, args: argparse.Namespace, release: str) -> None:
    ox, kg = results["oxigraph serve-read-only"], results["kg serve"]
    ratio = kg["rps"] / ox["rps"] if ox["rps"] else float("inf")
    doc = {"when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "release": release,
           "seconds": args.seconds, "concurrency": args.concurrency, "workers": args.workers,
           "cold": args.cold,
           "same_answers": agree, "results": results, "throughput_ratio": ratio}
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    suffix = "-cold" if args.cold else ""
    path = out / f"endpoint-{time.strftime('%Y%m%dT%H%M%S')}{suffix}.json"
    path.write_text(json.dumps(doc, indent=2))
    print(f"{'target':<26} {'requests':>9} {'errors':>7} {'req/s':>9} {'p50 ms':>8} "
          f"{'p99 ms':>8}")
    for name, r in results.items():
        print(f"{name:<26} {r['requests']:>9} {r['errors']:>7} {r['rps']:>9.0f} "
              f"{r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f}")
    for name, r in results.items():
        for problem, count in r["error_kinds"].items():
            print(f"  {name}: {count} x {problem}")
    print(f"throughput ratio kg/oxigraph: {ratio:.2f}x   same answers: {agree}")
    print(f"written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
