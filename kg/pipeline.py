"""The whole build in one place: parse → annotate → build → reason → validate → store."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from kg import annotate, build, lexicon, parse, reason, store, tomlfile, validate
from kg.config import Settings
from kg.errors import InputError, ValidationFailed
from kg.iris import Iris
from kg.lexicon import Lexicon
from kg.model import Regulation
from kg.statements import Statement


@dataclass
class BuildResult:
    report: validate.Report
    graphs: dict[URIRef, Graph]
    release: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def asserted_count(self) -> int:
        return sum(len(g) for iri, g in self.graphs.items() if not str(iri).endswith("inferred"))

    @property
    def inferred_count(self) -> int:
        return sum(len(g) for iri, g in self.graphs.items() if str(iri).endswith("inferred"))


@dataclass
class Sources:
    """Everything read from data/: regulations with their statements, and the lexicon."""

    lexicon: Lexicon
    regulations: list[tuple[Regulation, list[Statement]]]


class _Clock:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    def run(self, name: str, step: Callable, *args: object) -> object:
        started = time.perf_counter()
        result = step(*args)
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - started
        return result


def run(settings: Settings, write: bool = True) -> BuildResult:
    """Build the graph. Raises InputError (bad input) or ValidationFailed (SHACL);
    in both cases the current build is left as it was."""
    clock = _Clock()
    sources = clock.run("parse+annotate", read_sources, settings)
    iris = Iris(settings.base_iri)
    graphs = clock.run("graph", assemble, sources, iris)
    ontology = clock.run("ontology", load_rdf, settings.ontology_file)
    asserted = union(graphs.values())
    graphs[iris.graph("inferred")] = clock.run("reason", reason.infer, asserted, ontology,
                                               settings.base_iri)
    graphs = {iris.graph("ontology"): ontology, **graphs}
    report = clock.run("validate", validate.run, union(graphs.values()),
                       load_rdf(settings.shapes_file))
    result = BuildResult(report, graphs, timings=clock.timings)
    if not report.conforms:
        raise ValidationFailed(report.text())
    if write:
        info = {"asserted": result.asserted_count, "inferred": result.inferred_count,
                "regulations": [r.slug for r, _ in sources.regulations],
                "base_iri": settings.base_iri}
        result.release = clock.run("store", store.write, settings.build_dir, graphs, info,
                                   report.graph)
    return result


def read_sources(settings: Settings) -> Sources:
    lex = lexicon.load([settings.lexicon_file])
    files = settings.regulation_files()
    if not files:
        raise InputError(settings.data_dir, None, "no regulation texts (*.txt) found")
    return Sources(lex, [read_regulation(settings, path, lex) for path in files])


def read_regulation(settings: Settings, path: Path,
                    lex: Lexicon) -> tuple[Regulation, list[Statement]]:
    regulation = parse.read(path)
    meta_path = settings.meta_file(regulation.slug)
    if meta_path.exists():
        regulation.meta.update(tomlfile.load(meta_path))
    curated_path = settings.annotation_file(regulation.slug)
    draft_path = settings.draft_file(regulation.slug)
    curated = annotate.load(curated_path, regulation, lex) if curated_path.exists() else []
    drafts = (annotate.load(draft_path, regulation, lex, machine_made=True)
              if draft_path.exists() else [])
    return regulation, curated + without_curated_units(drafts, curated)


def without_curated_units(drafts: list[Statement], curated: list[Statement]) -> list[Statement]:
    """Curated annotations win: a unit with any curated statement drops its drafts."""
    curated_units = {s.at for s in curated}
    return [s for s in drafts if s.at not in curated_units]


def assemble(sources: Sources, iris: Iris) -> dict[URIRef, Graph]:
    graphs = {iris.graph("lexicon"): build.lexicon_graph(sources.lexicon, iris)}
    for regulation, statements in sources.regulations:
        graphs[iris.graph(regulation.slug)] = build.regulation_graph(
            regulation, statements, sources.lexicon, iris)
    return graphs


def load_rdf(path: Path) -> Graph:
    graph = build.new_graph()
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError:
        raise InputError(path, None, "file not found") from None
    except Exception as exc:  # rdflib raises many parser types; report them all the same way
        raise InputError(path, getattr(exc, "lineno", None), f"not valid Turtle: {exc}") from None
    return graph


def union(graphs: object) -> Graph:
    merged = build.new_graph()
    for graph in graphs:  # type: ignore[attr-defined]
        for triple in graph:
            merged.add(triple)
    return merged
