"""The goals of issue 15 for a large build, checked against `kg bench --serving`
results, as one Markdown table (written into README.md between MARK)."""

from __future__ import annotations

from bench import report
from bench.report import Check

MARK = ("<!-- serving-bench:start -->", "<!-- serving-bench:end -->")


def _p95(results: dict, kind: str) -> float | None:
    return results["pages"]["by_kind"].get(kind, {}).get("p95_ms")


def _endpoint(results: dict) -> list[Check]:
    """The endpoint rows of `kg bench` (bench/report.py) for this build."""
    return [c for c in report.checks({"endpoint": results.get("endpoint") or {}})
            if "kg/oxigraph" in c.metric]


def checks(results: dict) -> list[Check]:
    pages = results["pages"]
    return [*_endpoint(results),
            Check("search p95", _p95(results, "search"), 100, "ms"),
            Check("applies-to, first page, p95", _p95(results, "applies-to, first page"),
                  200, "ms"),
            Check("my office, first page, p95", _p95(results, "my office, first page"),
                  200, "ms"),
            Check("every people's page, p95", pages["all_pages"]["p95_ms"], 300, "ms"),
            Check("kg query startup (ASK {}), median", results["kg_query"]["ask_median_s"],
                  1.0, "s"),
            Check("kg serve ready, median", results["ready"]["median_s"], 5.0, "s")]


def table(results: dict) -> str:
    memory = results["pages"]["memory_mb"]
    lines = [f"Release {results['release']} ({results['quads']:,} quads).", "",
             "| goal | measured | goal | met |", "|---|---|---|---|"]
    for check in checks(results):
        value = "–" if check.value is None else f"{check.value:g} {check.unit}"
        sign = "≥" if check.higher_is_better else "≤"
        met = {True: "yes", False: "**no**", None: "–"}[check.met]
        lines.append(f"| {check.metric} | {value} | {sign} {check.goal:g} {check.unit} | {met} |")
    lines.append(f"| memory per worker (RSS) | query workers {memory['query_workers']} MB, "
                 f"HTTP workers {memory['http_workers']} MB, master {memory['master']} MB, "
                 f"whole tree {memory['tree']} MB | stated | – |")
    lines += ["", "| page kind | n | p50 ms | p95 ms | max ms | statuses |",
              "|---|---|---|---|---|---|"]
    for kind, row in results["pages"]["by_kind"].items():
        lines.append(f"| {kind} | {row['n']} | {row['p50_ms']} | {row['p95_ms']} | "
                     f"{row['max_ms']} | {row['statuses']} |")
    slow = ", ".join(f"`{s['path'][:60]}` {s['ms']} ms ({s['status']})"
                     for s in results["pages"]["slowest"][:5])
    query = results["kg_query"]
    named = ", ".join(f"{k} {v} s ({query['named_cpu_s'][k]} s CPU)"
                      for k, v in query["named_s"].items())
    lines += ["", f"Slowest pages: {slow}.", "",
              f"`kg query` wall time, startup included: {named}; `ASK {{}}` runs "
              f"{query['ask_runs_s']} s ({query['ask_cpu_median_s']} s CPU). `kg serve` "
              f"ready runs {results['ready']['runs_s']} s ({results['ready']['cpu_median_s']} s "
              f"CPU in its processes). Load average at the start "
              f"{', '.join(f'{x:.1f}' for x in results['load_average'])} on "
              f"{results['cpus']} CPUs."]
    return "\n".join(lines)

