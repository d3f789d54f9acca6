"""Goals, ratios and a short text table from the results of `kg bench`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    metric: str
    value: float | None
    goal: float
    unit: str
    higher_is_better: bool = False

    @property
    def met(self) -> bool | None:
        if self.value is None:
            return None
        return self.value >= self.goal if self.higher_is_better else self.value <= self.goal

    @property
    def of_goal(self) -> float | None:
        """value / goal: ≤ 1 meets a ceiling, ≥ 1 meets a floor."""
        return None if self.value is None else round(self.value / self.goal, 3)

    def plain(self) -> dict:
        return {"metric": self.metric, "value": self.value, "goal": self.goal,
                "unit": self.unit, "of_goal": self.of_goal, "met": self.met}


def _get(results: dict, *keys: str) -> float | None:
    node: object = results
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node if isinstance(node, int | float) else None


def _worst_p99(table: dict | None) -> float | None:
    values = [row.get("p99_ms") for row in (table or {}).values() if isinstance(row, dict)]
    values = [v for v in values if isinstance(v, int | float)]
    return max(values) if values else None


def checks(results: dict) -> list[Check]:
    corpus_n = _get(results, "corpus", "regulations") or 100
    out = [Check("seed build, whole process, cold median", _get(
                     results, "seed_process", "cold_median_s"), 2.0, "s"),
           Check("seed build, whole process, warm median", _get(
                     results, "seed_process", "warm_median_s"), 2.0, "s"),
           Check(f"{corpus_n:g} regulations, cold build", _get(
                     results, "corpus", "cold", "wall_s"), 120.0, "s"),
           Check(f"{corpus_n:g} regulations, warm build", _get(
                     results, "corpus", "warm", "wall_s"), 120.0, "s"),
           Check("named queries, worst p99, embedded",
                 _worst_p99(results.get("named_embedded")), 20.0, "ms")]
    endpoint = results.get("endpoint") or {}
    named_http = endpoint.get("named_http") or {}
    for kind in ("kg_cached", "kg_uncached"):
        out.append(Check(f"named queries, worst p99, HTTP {kind}",
                         _worst_p99(named_http.get(kind)), 20.0, "ms"))
    for level, row in (endpoint.get("concurrency") or {}).items():
        out.append(Check(f"throughput kg/oxigraph at {level}", row.get("throughput_ratio"),
                         1.0, "x", higher_is_better=True))
        out.append(Check(f"endpoint mix p99, kg at {level}",
                         _get(row, "kg", "p99_ms"), 20.0, "ms"))
        if "kg_uncached" in row:  # issue 15: every query distinct, as integrators send them
            out.append(Check(f"uncached throughput kg/oxigraph at {level}", _ratio(
                row, "requests_per_s"), 1.2, "x", higher_is_better=True))
            out.append(Check(f"uncached p99 kg/oxigraph at {level}", _ratio(row, "p99_ms"),
                             1.0, "x"))
    return out


def _ratio(row: dict, key: str) -> float | None:
    """kg uncached against oxigraph on one measure of the same run."""
    ours, theirs = _get(row, "kg_uncached", key), _get(row, "oxigraph", key)
    return round(ours / theirs, 3) if ours is not None and theirs else None


def table(results: dict) -> str:
    lines = [f"{'metric':<44} {'value':>10} {'goal':>8} {'of goal':>8}  met"]
    for check in checks(results):
        value = "-" if check.value is None else f"{check.value:.3g}{check.unit}"
        mark = {True: "yes", False: "NO", None: "-"}[check.met]
        of_goal = "-" if check.of_goal is None else f"{check.of_goal:.2f}"
        goal = f"{'≥' if check.higher_is_better else '≤'}{check.goal:g}{check.unit}"
        lines.append(f"{check.metric:<44} {value:>10} {goal:>8} {of_goal:>8}  {mark}")
    lines.extend(_endpoint_lines(results.get("endpoint") or {}))
    return "\n".join(lines)


def _endpoint_lines(endpoint: dict) -> list[str]:
    rows = []
    for level, row in (endpoint.get("concurrency") or {}).items():
        for name in ("kg", "oxigraph", "kg_uncached"):
            if name in row:
                r = row[name]
                rows.append(f"  {level:<4} {name:<12} {r['requests_per_s']:>9.0f} req/s  "
                            f"p50 {r.get('p50_ms', 0):>7.2f} ms  p99 {r.get('p99_ms', 0):>8.2f} ms"
                            f"  statuses {r['statuses']}")
    return (["", "endpoint mix (same queries, same data, same client):", *rows]
            if rows else [])


def load_table(load: dict) -> str:
    cheap = load["cheap_query"]
    return "\n".join([
        f"load: {load['clients']} clients for {load['seconds']:g}s, "
        f"{load['requests_per_s']:.1f} req/s",
        f"  statuses {load['statuses']}  disallowed {load['disallowed'] or 'none'}"
        f"  connection errors {load['connection_errors'] or 'none'}",
        f"  server RSS MB: first {load['rss_mb']['first']}, max {load['rss_mb']['max']}, "
        f"last {load['rss_mb']['last']}",
        *(f"  cheap query ({kind}): p50 {c.get('p50_ms', '-')} ms, p99 {c.get('p99_ms', '-')}"
          f" ms, statuses {c['statuses']}" for kind, c in cheap.items()),
        f"  answers after the load: {load['answers_after_load']}"])
