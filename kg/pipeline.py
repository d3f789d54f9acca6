"""The whole build in one place: parse → annotate → build → reason → validate → store."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.compare import to_canonical_graph

from kg.check import per_regulation as parts
from kg.check import validate
from kg.config import Settings
from kg.errors import InputError, ValidationFailed
from kg.graph import regulation as build
from kg.graph import versions
from kg.graph.iris import Iris
from kg.release import store
from kg.source import annotations as annotate
from kg.source import lexicon, parse, tomlfile
from kg.source.lexicon import Lexicon
from kg.source.model import Regulation
from kg.source.statements import Statement


@dataclass
class BuildResult:
    report: validate.Report
    parts: dict[str, str]  # named graph IRI → N-Triples
    release: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)
    cached: int = 0

    @property
    def asserted_count(self) -> int:
        return sum(_lines(nt) for iri, nt in self.parts.items() if not iri.endswith("/inferred"))

    @property
    def inferred_count(self) -> int:
        return sum(_lines(nt) for iri, nt in self.parts.items() if iri.endswith("/inferred"))

    @property
    def graphs(self) -> dict[URIRef, Graph]:
        """The named graphs as rdflib graphs (parsed on demand; fine for small builds)."""
        return {URIRef(iri): Graph().parse(data=nt, format="nt") for iri, nt in self.parts.items()}


def _lines(nt: str) -> int:
    return nt.count("\n")


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


def run(settings: Settings, write: bool = True, engine: str = "fast",
        force: bool = False) -> BuildResult:
    """Build the graph. Raises InputError (bad input) or ValidationFailed (SHACL);
    in both cases the current build is left as it was."""
    clock = _Clock()
    sources = clock.run("parse", read_sources, settings)
    iris = Iris(settings.base_iri)
    graphs = clock.run("graph", assemble, sources, iris)
    ontology = load_rdf(settings.ontology_file)
    load_rdf(settings.shapes_file)  # a broken shapes file is an input error, reported here
    lexicon_iri = str(iris.graph("lexicon"))
    asserted = {str(iri): parts.sorted_nt(g) for iri, g in graphs.items()}
    shared = parts.Shared(parts.sorted_nt(to_canonical_graph(ontology)), asserted[lexicon_iri],
                          settings.shapes_file.read_text(encoding="utf-8"),
                          settings.base_iri, engine, settings.ontology_file.read_bytes())
    todo = {iri: nt for iri, nt in asserted.items() if iri != lexicon_iri} or {lexicon_iri: ""}
    cache = settings.build_dir / "cache" if write else None
    outcomes = clock.run("reason+validate", parts.process_all, shared, todo, cache)
    report = _merge([o.report for o in outcomes.values()])
    inferred = "".join(sorted({ln + "\n" for o in outcomes.values()
                               for ln in o.inferred_nt.splitlines() if ln}))
    result = BuildResult(report, {str(iris.graph("ontology")): shared.ontology_nt, **asserted,
                                  str(iris.graph("inferred")): inferred},
                         timings=clock.timings, cached=sum(o.cached for o in outcomes.values()))
    if not report.conforms:
        raise ValidationFailed(report.text())
    if write:
        info = {"asserted": result.asserted_count, "inferred": result.inferred_count,
                "regulations": [r.slug for r, _ in sources.regulations],
                "base_iri": settings.base_iri}
        result.release = clock.run("store", store.write, settings.build_dir, result.parts, info,
                                   force)
    return result


def _merge(reports: list[validate.Report]) -> validate.Report:
    violations = [v for r in reports for v in r.violations]
    return validate.Report(all(r.conforms for r in reports), sorted(set(violations),
                           key=lambda v: (v.focus, v.shape)))


def read_sources(settings: Settings) -> Sources:
    """Parse every regulation and load its annotations (curated, then drafts)."""
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
    # issue 6: versions over time ([[version]] in the metadata; kg/versions.py)
    regulation.meta[versions.META_KEY] = versions.load(regulation, meta_path, settings.data_dir)
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
