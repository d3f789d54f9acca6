"""The whole build in one place: read → graph → check (reason + validate) → release."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TypeVar

from rdflib import Graph, URIRef
from rdflib.compare import to_canonical_graph

from kg.check import per_regulation, quarantine, validate
from kg.config import Settings
from kg.errors import InputError, ValidationFailed
from kg.graph import offices, regulation
from kg.graph.iris import Iris
from kg.graph.rdf import new_graph
from kg.release import parts, store
from kg.release.parts import Parts
from kg.source import sources, tomlcache
from kg.source.sources import Sources

T = TypeVar("T")


@dataclass
class BuildResult:
    report: validate.Report  # of what is published
    graphs: Parts  # named graph → triples, the inferred graph included (read on demand)
    release: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)
    cached: int = 0
    quarantined: list[quarantine.Quarantined] = field(default_factory=list)

    @property
    def asserted_count(self) -> int:
        return sum(self.graphs.count(name) for name in self.graphs
                   if not name.endswith("/inferred"))

    @property
    def inferred_count(self) -> int:
        return sum(self.graphs.count(name) for name in self.graphs
                   if name.endswith("/inferred"))


class Clock:
    """Wall time per stage, for `kg build` and the benchmarks."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    def time(self, name: str, step: Callable[..., T], *args: object) -> T:
        started = time.perf_counter()
        result = step(*args)
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - started
        return result


Progress = Callable[[str, int, int, str], None]  # (stage, done, total, what)


def run(settings: Settings, write: bool = True, engine: str = "fast",
        force: bool = False, strict: bool = False,
        progress: Progress | None = None) -> BuildResult:
    """Build the graph. A regulation that cannot be read or does not conform is
    quarantined and the others are published; with ``strict`` it raises InputError or
    ValidationFailed instead. Either way the current build is never damaged."""
    clock, iris = Clock(), Iris(settings.base_iri)
    with tomlcache.cache_in(settings.build_dir / "cache" / "toml") if write else nullcontext():
        read = clock.time("parse", sources.read_all, settings, strict, _stage(progress, "read"))
    unified, lexicon = clock.time("lexicon", _lexicon, read, iris)
    context = check_context(settings, lexicon, engine)
    built = Parts({iris.graph("ontology"): context.ontology},
                  parts.scratch(settings.build_dir if write else None))
    checked = clock.time("graph+check", per_regulation.check_all, context,
                         {iris.graph(s.slug): s for s in unified.sources.regulations},
                         settings.build_dir / "cache" if write else None,
                         partial(regulation.regulation_graph, lexicon=unified.lexicon, iris=iris),
                         per_regulation.Sink(built.folder, str(iris.graph("inferred")),
                                             _digest(repr(unified.lexicon)) if write else ""),
                         _stage(progress, "build"))
    for name, part in checked.items():
        built.written(name, part.triples)
    if strict:
        _raise_violations(checked)
    accepted = clock.time("quarantine", quarantine.separate, read, context, built, checked,
                          iris, settings.build_dir)
    result = clock.time("merge", _result, iris, accepted, clock.timings)
    if write:
        result.release = clock.time("store", store.write, settings.build_dir, result.graphs,
                                    _info(settings, result), force, settings.keep_releases)
    return result


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _stage(progress: Progress | None, stage: str) -> Callable[[int, int, str], None] | None:
    if progress is None:
        return None
    return lambda done, total, what: progress(stage, done, total, what)


def _lexicon(read: Sources, iris: Iris) -> tuple[offices.Unified, Graph]:
    unified = offices.unify(read)  # one actor per office, across every regulation
    return unified, offices.lexicon_graph(unified, iris)


def assemble(read: Sources, iris: Iris) -> dict[URIRef, Graph]:
    """The lexicon's named graph and one per regulation, in memory."""
    unified, lexicon = _lexicon(read, iris)
    graphs = {iris.graph("lexicon"): lexicon}
    for source in unified.sources.regulations:
        graphs[iris.graph(source.slug)] = regulation.regulation_graph(
            source, unified.lexicon, iris)
    return graphs


def check_context(settings: Settings, lexicon: Graph, engine: str) -> per_regulation.Context:
    ontology = new_graph()
    ontology += to_canonical_graph(load_rdf(settings.ontology_file))  # stable blank nodes
    shapes = load_rdf(settings.shapes_file)
    written = settings.ontology_file.read_bytes() + settings.shapes_file.read_bytes()
    return per_regulation.Context(ontology, lexicon, shapes, settings.base_iri, engine, written)


def _raise_violations(checked: dict[URIRef, per_regulation.Checked]) -> None:
    report = _merge([part.report for part in checked.values()])
    if not report.conforms:
        raise ValidationFailed(report.text())


def _raise_nothing_published(quarantined: list[quarantine.Quarantined]) -> None:
    unreadable = [q.error for q in quarantined if q.error is not None]
    if len(unreadable) == len(quarantined):
        raise unreadable[0]
    problems = "\n".join(q.line() for q in quarantined)
    raise ValidationFailed(f"no regulation could be published:\n{problems}")


def _result(iris: Iris, accepted: quarantine.Accepted, timings: dict) -> BuildResult:
    if not accepted.checked.keys() - {iris.graph("lexicon")}:
        _raise_nothing_published(accepted.quarantined)
    built = accepted.parts
    built.keep(iris.graph("lexicon"), accepted.lexicon)
    built.merge_inferred(iris.graph("inferred"),
                         chain.from_iterable(part.inferred for part in accepted.checked.values()))
    report = _merge([part.report for part in accepted.checked.values()])
    return BuildResult(report, built, timings=timings, quarantined=accepted.quarantined,
                       cached=sum(part.cached for part in accepted.checked.values()))


def _info(settings: Settings, result: BuildResult) -> dict:
    iris = Iris(settings.base_iri)
    shared = {iris.graph(name) for name in ("ontology", "lexicon", "inferred")}
    regulations = sorted(str(name).removeprefix(str(iris.graph("")))
                         for name in result.graphs if name not in shared)
    return {"asserted": result.asserted_count, "inferred": result.inferred_count,
            "regulations": regulations, "base_iri": settings.base_iri,
            "quarantined": [{"regulation": q.slug, "problem": q.problem, "kept": q.kept}
                            for q in result.quarantined]}


def _merge(reports: list[validate.Report]) -> validate.Report:
    violations = [v for r in reports for v in r.violations]
    return validate.Report(all(r.conforms for r in reports), sorted(
        set(violations), key=lambda v: (v.focus, v.shape)))


def load_rdf(path: Path) -> Graph:
    graph = new_graph()
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError:
        raise InputError(path, None, "file not found") from None
    except Exception as exc:  # rdflib raises many parser types; report them all the same way
        raise InputError(path, getattr(exc, "lineno", None), f"not valid Turtle: {exc}") from None
    return graph
