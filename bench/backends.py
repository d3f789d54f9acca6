"""The embedded store and Virtuoso 7 side by side on one release, in one run: load time,
the named queries' times (with each engine's row count, which must agree), memory, disk.

    .venv/bin/python -m bench.backends [--build-dir build] [--memory-mb 2048] [--runs 3]

Embedded: the release's N-Quads bulk-loaded into a fresh pyoxigraph store in a child
process (as `kg build` writes it), then each named query run on it read-only in a child
of its own (as a `kg serve` query worker runs it): time to the last row, peak RSS.
Virtuoso: a fresh database (bench.virtuoso) loaded by `kg push` (one Graph Store PUT of
N-Triples per named graph, digest auth), each named query POSTed to /sparql over loopback
(as `kg serve --backend` sends it), the whole XML answer read and its rows counted; the
server's peak RSS (VmHWM) and database size. Both answer every query with its defaults.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph
import requests

from bench import scale, virtuoso
from kg.config import Settings
from kg.query import named
from kg.release import push, store

RESULTS_XML = "application/sparql-results+xml"


def _embedded_query(db_path: str, text: str, runs: int, out: object) -> None:
    db = pyoxigraph.Store.read_only(db_path)
    times, rows = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        result = db.query(text, use_default_graph_as_union=True)
        rows = 1 if isinstance(result, pyoxigraph.QueryBoolean) else sum(1 for _ in result)
        times.append(time.perf_counter() - started)
    out.put({"times": times, "rows": rows, "peak_rss_mb": round(scale._rss_mb())})  # type: ignore


def _rows(body: bytes) -> int:
    result = pyoxigraph.parse_query_results(body, format=pyoxigraph.QueryResultsFormat.XML)
    return 1 if isinstance(result, pyoxigraph.QueryBoolean) else sum(1 for _ in result)


def virtuoso_query(engine: virtuoso.Virtuoso, text: str, runs: int, limit: float) -> dict:
    times, rows = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        response = requests.post(engine.sparql, data={"query": text},
                                 headers={"Accept": RESULTS_XML}, timeout=limit + 10)
        if response.status_code != 200:
            return {"error": f"HTTP {response.status_code}: {response.text[:120]}"}
        rows = _rows(response.content)
        times.append(time.perf_counter() - started)
    return {"times": times, "rows": rows}


def summary(found: dict) -> dict:
    if "times" not in found:
        return found
    times = found.pop("times")
    return {**found, "first_ms": round(times[0] * 1000, 1),
            "median_ms": round(statistics.median(times) * 1000, 1)}


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return 0.0


def folder_mb(folder: Path, pattern: str = "*") -> float:
    return round(sum(p.stat().st_size for p in folder.rglob(pattern) if p.is_file()) / 2**20)


def queries() -> dict[str, str]:
    return {name: query.bind() for name, query in sorted(named.load_all(
        Settings().queries_dir).items())}


def load_embedded(release: Path, work: Path) -> dict:
    found = scale._child(scale._load, str(release / store.NQUADS), str(work / "embedded"))
    return {**found, "disk_mb": folder_mb(work / "embedded")}


def load_virtuoso(release: Path, engine: virtuoso.Virtuoso) -> dict:
    started = time.perf_counter()
    report = push.push(release, engine.graph_store, timeout=600,
                       auth=(virtuoso.USER, virtuoso.PASSWORD))
    seconds = time.perf_counter() - started
    engine.isql("CHECKPOINT;", timeout=600)  # on disk, as the embedded store is
    return {"seconds": round(seconds, 1), "graphs": len(report.graphs),
            "quads": report.triples, "with_checkpoint_s": round(
                time.perf_counter() - started, 1), "peak_rss_mb": peak_rss_mb(engine.running.pid),
            "disk_mb": folder_mb(engine.workdir, "virtuoso*.db")}


def run(release: Path, work: Path, memory_mb: int, runs: int, limit: float) -> dict:
    report: dict = {"release": release.name, "runs": runs, "virtuoso_buffer_mb": memory_mb,
                    "embedded": {"load": load_embedded(release, work), "queries": {}},
                    "virtuoso": {"queries": {}}}
    engine = virtuoso.start(work / "virtuoso", memory_mb=memory_mb, timeout=int(limit))
    try:
        report["virtuoso"]["load"] = load_virtuoso(release, engine)
        for name, text in queries().items():
            try:
                found = scale._child(_embedded_query, str(work / "embedded"), text, runs,
                                     limit=limit * runs)
            except Exception:  # the child was stopped at the limit
                found = {"error": f"> {limit:g} s"}
            report["embedded"]["queries"][name] = summary(found)
            report["virtuoso"]["queries"][name] = summary(
                virtuoso_query(engine, text, runs, limit))
        report["virtuoso"]["peak_rss_mb"] = peak_rss_mb(engine.running.pid)
    finally:
        engine.stop()
    return report


def _cell(found: dict) -> str:
    if "error" in found:
        return f"fails: {found['error'][:60]}"
    return f"{found['median_ms']:,.0f} ms"


def _ratio(embedded: dict, remote: dict) -> str:
    if "median_ms" not in embedded or "median_ms" not in remote:
        return "–"
    return f"{remote['median_ms'] / max(embedded['median_ms'], 0.1):.2f}×"


def table(report: dict) -> str:
    """The side-by-side table (Markdown) of one run's report."""
    ours, theirs = report["embedded"], report["virtuoso"]
    lines = ["| | embedded (pyoxigraph) | Virtuoso 7.2.5 | Virtuoso ÷ embedded |",
             "|---|---|---|---|"]
    load, push_load = ours["load"], theirs["load"]
    lines.append(f"| load {push_load['quads']:,} quads | {load['seconds']} s (bulk_load) | "
                 f"{push_load['seconds']} s (`kg push`, {push_load['graphs']} PUTs; "
                 f"{push_load['with_checkpoint_s']} s with checkpoint) | "
                 f"{push_load['seconds'] / max(load['seconds'], 0.1):.2f}× |")
    lines.append(f"| peak RSS while loading | {load['peak_rss_mb']:,.0f} MB | "
                 f"{push_load['peak_rss_mb']:,.0f} MB | |")
    lines.append(f"| on disk | {load['disk_mb']:,.0f} MB | {push_load['disk_mb']:,.0f} MB | |")
    for name, found in ours["queries"].items():
        remote = theirs["queries"][name]
        rows = found.get("rows")
        same = "" if rows is None or remote.get("rows") in (None, rows) else \
            f" (**{remote['rows']} rows, not {rows}**)"
        lines.append(f"| `{name}` ({rows if rows is not None else '?'} rows) | {_cell(found)} | "
                     f"{_cell(remote)}{same} | {_ratio(found, remote)} |")
    peak = max((q.get("peak_rss_mb", 0) for q in ours["queries"].values()), default=0)
    lines.append(f"| peak RSS while querying | {peak:,.0f} MB (one query process) | "
                 f"{theirs['peak_rss_mb']:,.0f} MB (buffer pool "
                 f"{report['virtuoso_buffer_mb']:,} MB) | |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", type=Path, default=Settings().build_dir)
    parser.add_argument("--memory-mb", type=int, default=2048,
                        help="Virtuoso's buffer pool (NumberOfBuffers × 8 kB)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=float, default=120.0, help="per query, seconds")
    parser.add_argument("--work", type=Path, default=None, help="temporary folder")
    parser.add_argument("--json", type=Path, default=None, help="write the report here")
    args = parser.parse_args()
    release = store.current(args.build_dir).resolve()
    with tempfile.TemporaryDirectory(dir=args.work) as work:
        report = run(release, Path(work), args.memory_mb, args.runs, args.limit)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(report))


if __name__ == "__main__":
    main()
