"""Scale benchmark: a corpus worth ~9 million quads, built into the embedded store.

    .venv/bin/python -m bench.scale [--regulations 2040] [--sample 6] [--keep DIR]

How the corpus is made (the fastest honest path, stated in the README's "Scale"):
1. `bench.synth.make_corpus` writes `--sample` synthetic regulations (the seed's text and
   annotations under new slugs); the real pipeline (parse, annotate, OWL 2 RL, SHACL)
   builds them, timed: this gives the per-regulation build cost.
2. The built graph of synthetic-0000 (its named graph plus its inferred triples) is a
   template; rewriting its slug and title reproduces every other sample byte for byte
   (checked), so N regulations are written as N-Quads straight from that template.
3. The N-Quads are bulk-loaded into a fresh pyoxigraph store (child process: time and
   peak RSS), then named queries run on it read-only: about one regulation and
   across the whole corpus (child process: latency and peak RSS).
The temporary data is deleted afterwards unless --keep is given.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import queue
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from rdflib import Graph

from bench import synth
from kg import pipeline
from kg.config import Settings
from kg.namespaces import DEFAULT_BASE
from kg.query import named as queries

BASE = DEFAULT_BASE
TEMPLATE = "synthetic-0000"


def build_sample(work: Path, sample: int) -> tuple[dict[str, str], float]:
    data = synth.make_corpus(work, sample, include_seed=False)
    settings = Settings(data_dir=data, build_dir=work / "build")
    started = time.perf_counter()
    result = pipeline.run(settings, write=False)
    elapsed = time.perf_counter() - started
    return {str(name): _sorted_nt(graph) for name, graph in result.graphs.items()}, elapsed


def _sorted_nt(graph: Graph) -> str:
    """The template is rewritten as text (slug and title), so it is kept as N-Triples."""
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return "\n".join(sorted(line for line in lines if line.strip())) + "\n"


def _title(slug: str) -> tuple[str, str]:
    number = int(slug.rsplit("-", 1)[1])
    return f'"合成条例第{number}号"', f'"Synthetic Regulation No. {number}"'


def rewrite(text: str, slug: str) -> str:
    zh, en = _title(TEMPLATE)
    new_zh, new_en = _title(slug)
    return (text.replace(f"reg/{TEMPLATE}", f"reg/{slug}").replace(zh, new_zh)
            .replace(en, new_en))


def split_parts(parts: dict[str, str]) -> tuple[list[str], str, str]:
    """(shared N-Quads lines, template regulation N-Triples, template inferred lines)."""
    inferred = parts[f"{BASE}graph/inferred"].splitlines(keepends=True)
    marker = "/reg/synthetic-"
    own = "".join(ln for ln in inferred if f"reg/{TEMPLATE}" in ln)
    shared_inferred = [ln for ln in inferred if marker not in ln]
    shared = []
    for iri, nt in parts.items():
        if iri.endswith("/inferred") or "/graph/synthetic-" in iri:
            continue
        shared += [_quad(ln, iri) for ln in nt.splitlines(keepends=True)]
    shared += [_quad(ln, f"{BASE}graph/inferred") for ln in shared_inferred]
    return shared, parts[f"{BASE}graph/{TEMPLATE}"], own


def check_template(parts: dict[str, str], template: str, own_inferred: str) -> bool:
    """The template, rewritten, equals the pipeline's own output for another sample."""
    other = "synthetic-0001"
    inferred = "".join(ln for ln in parts[f"{BASE}graph/inferred"].splitlines(keepends=True)
                       if f"reg/{other}" in ln)
    same_graph = sorted(rewrite(template, other).splitlines()) == sorted(
        parts[f"{BASE}graph/{other}"].splitlines())
    return same_graph and sorted(rewrite(own_inferred, other).splitlines()) == sorted(
        inferred.splitlines())


def _quad(line: str, graph: str) -> str:
    line = line.rstrip("\n")
    return f"{line[:-2]} <{graph}> .\n" if line.endswith(" .") else ""


def write_nquads(path: Path, shared: list[str], template: str, own_inferred: str,
                 count: int) -> int:
    quads = 0
    with path.open("w", encoding="utf-8") as out:
        out.writelines(shared)
        quads += len(shared)
        for i in range(count):
            slug = f"synthetic-{i:04d}"
            lines = [_quad(ln, f"{BASE}graph/{slug}")
                     for ln in rewrite(template, slug).splitlines()]
            lines += [_quad(ln, f"{BASE}graph/inferred")
                      for ln in rewrite(own_inferred, slug).splitlines()]
            out.writelines(lines)
            quads += len(lines)
    return quads


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _load(nq: str, db_path: str, out: mp.Queue) -> None:
    import pyoxigraph
    started = time.perf_counter()
    db = pyoxigraph.Store(db_path)
    db.bulk_load(path=nq, format=pyoxigraph.RdfFormat.N_QUADS)
    db.flush()
    db.optimize()
    out.put({"seconds": round(time.perf_counter() - started, 1), "peak_rss_mb": _rss_mb(),
             "quads": len(db)})
    del db


def inline(text: str, values: dict[str, str]) -> str:
    """The parameters bound by a VALUES block at the start of the WHERE group (the
    same solutions as NamedQuery.bind's trailing VALUES here, but joined first)."""
    block = " ".join(f"VALUES ?{k} {{ {v} }}" for k, v in values.items())
    at = text.index("{", text.upper().index("WHERE")) + 1
    return text[:at] + f"\n  {block}\n" + text[at:]


_LABELS = """  ?class skos:prefLabel ?modality . FILTER(LANG(?modality) = "zh")
  VALUES ?class { dg:Obligation dg:Prohibition dg:Permission dg:Encouragement }
"""


def reorder_labels(named: queries.NamedQuery) -> str:
    """applies-to with the class-label join moved to the end of the group: the same
    solutions; Oxigraph's planner otherwise starts from the labels (see README Scale)."""
    text = named.text.replace(_LABELS, "")
    at = text.rindex("}")
    return named.__class__(named.name, named.title, named.description,
                           text[:at] + _LABELS + text[at:], named.params).bind()


def cases(count: int) -> dict[str, str]:
    named = queries.load_all(Settings().queries_dir)
    slug = f"synthetic-{count // 2:04d}"
    one = f"{BASE}reg/{slug}"
    actor = f"<{BASE}actor/receiving-area-county-government>"
    return {
        "one: article, trailing VALUES (NamedQuery.bind)": named["article"].bind(
            {"regulation": one}),
        "one: article, VALUES first": inline(named["article"].text,
                                             {"article": "3", "regulation": f"<{one}>"}),
        "one: norms of one regulation by class (GRAPH)": (
            f"SELECT ?c (COUNT(?n) AS ?k) WHERE {{ GRAPH <{BASE}graph/{slug}> {{ ?n a ?c }} }}"
            " GROUP BY ?c"),
        "one: DESCRIBE one paragraph": f"DESCRIBE <{one}/art_9__para_2>",
        "all: norms-by-modality (GROUP BY)": named["norms-by-modality"].bind(),
        "all: applies-to, trailing VALUES (NamedQuery.bind)": named["applies-to"].bind(),
        "all: applies-to, VALUES first": inline(named["applies-to"].text, {"actor": actor}),
        "all: applies-to, class labels joined last": reorder_labels(named["applies-to"]),
        "all: keyword 机制 (FILTER CONTAINS)": named["keyword"].bind(),
        "all: COUNT(*) of every quad": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    }


def _query(db_path: str, text: str, out: mp.Queue) -> None:
    import pyoxigraph
    db = pyoxigraph.Store.read_only(db_path)
    times, rows = [], 0
    for _ in range(3):
        t0 = time.perf_counter()
        result = db.query(text, use_default_graph_as_union=True)
        rows = 1 if isinstance(result, pyoxigraph.QueryBoolean) else sum(1 for _ in result)
        times.append(time.perf_counter() - t0)
    out.put({"first_ms": round(times[0] * 1000, 1),
             "median_ms": round(statistics.median(times) * 1000, 1), "rows": rows,
             "peak_rss_mb": round(_rss_mb())})


def query_latencies(db_path: str, count: int, limit: float) -> dict:
    report = {}
    for name, text in cases(count).items():
        try:
            report[name] = _child(_query, db_path, text, limit=limit)
        except queue.Empty:
            report[name] = {"first_ms": f"> {limit * 1000:.0f} (stopped)"}
    return report


def _child(target: object, *args: object, limit: float = 1800) -> dict:
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, out))
    proc.start()
    try:
        return out.get(timeout=limit)
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(timeout=30)


def run(count: int, sample: int, work: Path, limit: float = 120) -> dict:
    parts, seconds = build_sample(work, sample)
    shared, template, own = split_parts(parts)
    report: dict = {"regulations": count, "template_matches_pipeline": check_template(
        parts, template, own), "pipeline_sample": {"regulations": sample,
                                                  "seconds": round(seconds, 1),
                                                  "per_regulation_s": round(seconds / sample, 2)}}
    nq = work / "corpus.nq"
    started = time.perf_counter()
    report["nquads"] = {"quads": write_nquads(nq, shared, template, own, count),
                        "seconds": round(time.perf_counter() - started, 1),
                        "bytes": nq.stat().st_size}
    report["bulk_load"] = _child(_load, str(nq), str(work / "store"))
    report["bulk_load"]["store_bytes"] = sum(
        p.stat().st_size for p in (work / "store").rglob("*") if p.is_file())
    report["queries"] = query_latencies(str(work / "store"), count, limit)
    return report


def main() -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--regulations", type=int, default=2040)
    cli.add_argument("--sample", type=int, default=6)
    cli.add_argument("--keep", help="keep the data in this folder")
    cli.add_argument("--query-limit", type=float, default=120, help="seconds per query")
    args = cli.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="dutygraph-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print(json.dumps(run(args.regulations, max(2, args.sample), work, args.query_limit),
                         ensure_ascii=False, indent=2))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
