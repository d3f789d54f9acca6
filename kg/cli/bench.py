"""kg bench: build, query and endpoint benchmarks (side by side with `oxigraph serve`),
and with --load the 32-client mixed load test. Writes JSON and prints a short table."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

from kg.cli.common import ensure_build, settings_from
from kg.errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("bench", help="benchmarks against the goals, side by side "
                                "with oxigraph serve; --load for the load test")
    cmd.add_argument("--quick", action="store_true",
                     help="fewer runs, 10 regulations instead of 100, shorter HTTP runs")
    cmd.add_argument("--out", type=Path, help="JSON results file "
                     "(default bench/results/bench-<time>.json)")
    cmd.add_argument("--load", action="store_true",
                     help="run only the load test: 32 clients, mixed and pathological")
    cmd.add_argument("--clients", type=int, default=32, help="load test clients (default 32)")
    cmd.add_argument("--seconds", type=float, default=60.0, help="load test length (default 60)")
    cmd.add_argument("--corpus", type=Path, metavar="DIR",
                     help="measure ingest, cold build and warm build on real regulations: "
                     "DIR holds province folders (e.g. ../shared/corpus); writes the table "
                     "into README.md")
    cmd.add_argument("--folders", default="guangdong,all",
                     help="with --corpus: which folders, comma-separated; 'all' is every "
                     "folder at once (default guangdong,all)")
    cmd.add_argument("--keep", type=Path, metavar="DIR",
                     help="with --corpus: keep each row's data and build in DIR/<folder> "
                     "(to serve it, or to run --serving on it), instead of removing them")
    cmd.add_argument("--serving", action="store_true",
                     help="measure what readers wait for on the build (--build-dir): every "
                     "kind of page once uncached, search, kg serve ready, kg query startup, "
                     "memory per worker, and the endpoint against oxigraph serve at "
                     "concurrency 8; writes the table into README.md")
    cmd.add_argument("--skip", action="append", default=[],
                     choices=["seed", "steps", "corpus", "named", "endpoint"],
                     help="leave out one part (repeatable)")
    cmd.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    _checkout_on_path(settings.root)
    from bench import report

    results: dict = {"when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "quick": args.quick,
                     "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                 "platform": platform.platform()}}
    if args.corpus:
        from bench import corpus

        results["corpus"] = corpus.run(settings, args.corpus, args.folders.split(","),
                                       args.keep)
        text = corpus.table(results["corpus"])
        if corpus.write_readme(settings.root / "README.md", text):
            text += "\n(written into README.md)"
    elif args.load:
        results["load"] = _load(settings, args)
        text = report.load_table(results["load"])
    elif args.serving:
        results["serving"], text = _serving(settings, args)
    else:
        results.update(_benchmarks(settings, args))
        results["goals"] = [c.plain() for c in report.checks(results)]
        text = report.table(results)
    out = args.out or settings.root / "bench" / "results" / (
        f"{_kind(args)}-{time.strftime('%Y%m%dT%H%M%S')}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str),
                   encoding="utf-8")
    print(f"{text}\nwritten to {out}")
    return 0


def _kind(args: argparse.Namespace) -> str:
    return ("corpus" if args.corpus else "load" if args.load else
            "serving" if args.serving else "bench")


def _checkout_on_path(root: Path) -> None:
    """The benchmarks live in the source checkout's bench/, outside the installed
    package: `kg bench` runs them from there."""
    if not (root / "bench" / "__init__.py").is_file():
        raise InputError(root / "bench", None, "kg bench needs a source checkout "
                         "(bench/ is not installed with the package)")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))


def _benchmarks(settings: object, args: argparse.Namespace) -> dict:
    from bench import build, endpoint, mix, queries

    runs = 3 if args.quick else 5
    parts: dict = {}
    if "seed" not in args.skip:
        parts["seed_process"] = build.seed_process(settings, runs)
    if "steps" not in args.skip:
        parts["seed_steps_s"] = build.seed_steps(settings, runs)
    if "corpus" not in args.skip:
        parts["corpus"] = build.corpus(settings, 10 if args.quick else 100)
    release = ensure_build(settings)
    parts["release"] = release.name
    if "named" not in args.skip:
        parts["named_embedded"] = queries.embedded(
            release, mix.named_queries(settings.queries_dir), 50 if args.quick else 200)
    if "endpoint" not in args.skip:
        parts["endpoint"] = endpoint.compare(settings, release,
                                             seconds=3.0 if args.quick else 10.0,
                                             rounds=1 if args.quick else 2,
                                             named_runs=30 if args.quick else 100)
    return parts


def _load(settings: object, args: argparse.Namespace) -> dict:
    from bench import load

    ensure_build(settings)
    return load.run_load(settings.build_dir, settings.queries_dir, args.clients,
                         15.0 if args.quick else args.seconds)


def _serving(settings: object, args: argparse.Namespace) -> tuple[dict, str]:
    from bench import corpus, endpoint
    from bench.serving import goals, measure

    release = ensure_build(settings)
    results = measure.run(settings.build_dir, release, runs=1 if args.quick else 3)
    if "endpoint" not in args.skip:
        results["endpoint"] = endpoint.compare(settings, release,
                                               seconds=3.0 if args.quick else 10.0,
                                               concurrency=(8,), rounds=1 if args.quick else 2,
                                               named_runs=10 if args.quick else 30)
    text = goals.table(results)
    if corpus.write_readme(settings.root / "README.md", text, goals.MARK):
        text += "\n(written into README.md)"
    return results, text
