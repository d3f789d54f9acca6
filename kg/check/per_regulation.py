"""Reason over and validate the build one part at a time (the lexicon, or one regulation).

Regulations do not refer to each other's resources, only to the shared lexicon, so
OWL 2 RL reasoning and SHACL validation split cleanly. The lexicon is reasoned over and
validated once, alone; each regulation with the ontology and the slice of the lexicon
it needs (kg/check/slices.py, kg/check/sliced.py), and its report adds the lexicon's
violations outside that slice, so a regulation conforms exactly when it would with the
whole lexicon. The union of the parts' inferred triples and the lexicon's is what
reasoning over everything at once gives (tests check it against owlrl). Where slicing
does not apply (the owlrl engine, an ontology or lexicon the fast engine cannot
reason over, a regulation stating something about a designation) the part is checked
with the whole lexicon, as before.

A part's result is cached under a hash of everything it depends on (code, ontology,
shapes, the part's own triples, and its slice of the lexicon, or the whole lexicon),
so an unchanged regulation is never reasoned over or validated twice, even when the
lexicon grows elsewhere. Parts run in parallel (kg/check/parallel.py): in a build each
worker makes a regulation's graph from its source, checks it (or finds it in the cache)
and writes it to a file (kg/release/parts.py), so that only reports come back and no
process holds more than one regulation's graph at a time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import Any

from rdflib import Graph, Node, URIRef

from kg.check import cache, parallel, reason, rules, sliced, slices, validate
from kg.graph.rdf import new_graph
from kg.release import parts

_CODE = [*sorted(Path(__file__).parent.glob("*.py")),
         Path(__file__).parent.parent / "graph" / "regulation.py"]


@dataclass(frozen=True)
class Context:
    """What every part is reasoned and validated with."""

    ontology: Graph
    lexicon: Graph
    shapes: Graph
    base_iri: str
    engine: str = "fast"
    sources: bytes = b""  # the ontology and shapes files as written (they hold blank nodes)
    _prepared: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def digest(self) -> str:
        """What every result depends on, the lexicon apart."""
        code = b"".join(p.read_bytes() for p in _CODE if p.exists())
        parts = (code, self.sources, self.base_iri.encode(), self.engine.encode())
        return hashlib.sha256(b"\0".join(parts)).hexdigest()

    def plan(self) -> sliced.Plan | None:
        """The sliced check's preparation, or None to check with the whole lexicon."""
        if "plan" not in self._prepared:
            fast = self.engine == "fast"
            self._prepared["plan"] = sliced.Plan.make(
                self.ontology, self.lexicon, self.shapes, self.base_iri) if fast else None
        return self._prepared["plan"]

    def lexicon_digest(self) -> str:
        if "lexicon" not in self._prepared:
            self._prepared["lexicon"] = slices.digest(self.lexicon)
        return self._prepared["lexicon"]

    def lexicon_violations(self) -> list[validate.Violation]:
        """The lexicon's own validation (for a build in one process)."""
        plan = self.plan()
        if plan is None:
            return []
        if "violations" not in self._prepared:
            self._prepared["violations"] = sliced.lexicon_violations(plan, self.ontology)
        return self._prepared["violations"]

    def lexicon_inferred(self) -> Graph:
        """What the lexicon entails alone; with the whole lexicon every part has it."""
        plan = self.plan()
        return _graph(plan.lexicon.inferred if plan else ())


@dataclass(frozen=True)
class Checked:
    """A part's inferred triples and its validation report."""

    inferred: Collection[tuple]  # a Graph, or a set of triples; empty when written out
    report: validate.Report
    cached: bool = False
    triples: int = 0  # the part's own, when written out


@dataclass(frozen=True)
class Sink:
    """Where each part's graph and inferred triples are written (kg/release/parts.py)
    instead of being returned, so that a build holds one regulation's graph at a time."""

    folder: Path
    inferred_name: str


@dataclass(frozen=True)
class _Job:
    key: str
    nodes: frozenset[Node] | None  # the first guess of its slice; None: the whole lexicon


@dataclass(frozen=True)
class _Done:
    """What a worker sends back of one part: no graph, and no triples when written out."""

    nodes: frozenset[Node] | None
    outcome: Outcome | None  # None: found in the cache
    inferred: Collection[tuple]
    triples: int


@dataclass(frozen=True)
class _Work:
    """What every worker receives once."""

    context: Context
    cache_dir: Path | None
    make: Callable[[Any], Graph] | None  # a part's graph from what check_all was given
    sink: Sink | None


def check_all(context: Context, parts: Mapping[URIRef, Any], cache_dir: Path | None,
              make: Callable[[Any], Graph] | None = None, sink: Sink | None = None,
              progress: Callable[[int, int, str], None] | None = None
              ) -> dict[URIRef, Checked]:
    """Reason over and validate each part (name → its asserted graph, or what ``make``
    makes it from); use and fill the cache; write each part to ``sink`` if given."""
    if not parts:
        return {}
    plan, names = context.plan(), list(parts)
    lexicon_key = _hash(context.digest(), "lexicon", context.lexicon_digest())
    known = plan is None or cache.lexicon_conforms(cache_dir, lexicon_key)
    work = _Work(context, cache_dir, make, sink)
    tasks = ([None] if not known else []) + [(str(n), parts[n]) for n in names]
    outcomes = parallel.run(_task, work, tasks, _label, progress)
    lexicon = [] if known else outcomes.pop(0)
    if not known and not lexicon:
        cache.store_lexicon_conforms(cache_dir, lexicon_key)
    context._prepared["violations"] = lexicon
    return {name: _finished(plan, done, lexicon) for name, done in zip(names, outcomes,
                                                                      strict=True)}


def _finished(plan: sliced.Plan | None, done: _Done,
              lexicon: list[validate.Violation]) -> Checked:
    if done.outcome is not None:
        report = _checked(plan, done.outcome, lexicon).report
    elif plan is None or done.nodes is None:
        report = validate.Report(True)
    else:
        report = sliced.report([], lexicon, plan, frozenset())
    return Checked(done.inferred, report, done.outcome is None, done.triples)


def _part(work: _Work, part: Any, name: str) -> _Done:
    """One part from its graph to its result: the cache's, or checked and cached."""
    context, plan = work.context, work.context.plan()
    graph = part if work.make is None else work.make(part)
    job = _job(context, plan, context.digest(), graph)
    outcome: Outcome | None = None
    inferred = cache.inferred(work.cache_dir, job.key)
    if inferred is None:
        outcome = _outcome(context, graph, job.nodes)
        inferred = outcome.inferred
        if _cacheable(job, outcome):
            cache.store_inferred(work.cache_dir, job.key, inferred)
    if work.sink is None:
        return _Done(job.nodes, outcome, inferred, len(graph))
    triples = parts.write_part(work.sink.folder, name, graph, inferred,
                               work.sink.inferred_name)
    light = None if outcome is None else replace(outcome, inferred=frozenset())
    return _Done(job.nodes, light, frozenset(), triples)


def check(context: Context, part: Graph) -> Checked:
    """Reason over and validate one part (in this process)."""
    plan = context.plan()
    nodes = plan.first_guess(part) if plan is not None and plan.fits(part) else None
    return _checked(plan, _outcome(context, part, nodes), context.lexicon_violations())


def _job(context: Context, plan: sliced.Plan | None, shared: str, part: Graph) -> _Job:
    if plan is None or not plan.fits(part):
        return _Job(_hash(shared, "whole", context.lexicon_digest(), slices.digest(part)), None)
    nodes = plan.first_guess(part)
    lexicon = plan.lexicon.slice_digest(nodes)
    return _Job(_hash(shared, "sliced", lexicon, slices.digest(part)), nodes)


Outcome = sliced.Own | Checked


def _outcome(context: Context, part: Graph, nodes: frozenset[Node] | None) -> Outcome:
    plan = context.plan()
    if plan is not None and nodes is not None:
        try:
            return sliced.check_part(plan, part, nodes)
        except rules.NeedsEquality:  # owlrl, with the whole lexicon
            pass
    return check_whole(context, part)


def _checked(plan: sliced.Plan | None, outcome: Outcome,
             lexicon: list[validate.Violation]) -> Checked:
    if isinstance(outcome, Checked):
        return outcome
    assert plan is not None
    return Checked(outcome.inferred,
                   sliced.report(outcome.violations, lexicon, plan, outcome.covered))


def _cacheable(job: _Job, outcome: Outcome) -> bool:
    """Whether a part's result may be cached under its key: nothing wrong of its own,
    and made from what the key was made from (the whole lexicon, or the slice)."""
    if isinstance(outcome, Checked):
        return job.nodes is None and outcome.report.conforms
    return not outcome.violations and not outcome.widened and not outcome.covered


def check_whole(context: Context, part: Graph) -> Checked:
    """Reason over one part with the whole lexicon and ontology, then validate it all."""
    data = _union(context.lexicon, part)
    inferred = reason.infer(data, context.ontology, context.base_iri, engine=context.engine)
    report = validate.run(validate.DataGraph(chain(context.ontology, data, inferred)),
                          context.shapes)
    return Checked(inferred, validate.Report(report.conforms, report.violations, None))


def _task(work: _Work, task: tuple | None) -> object:
    if task is None:
        return work.context.lexicon_violations()
    name, part = task
    return _part(work, part, name)


def _label(task: tuple | None) -> str:
    return "the lexicon" if task is None else task[0]


def _union(*graphs: Iterable) -> Graph:
    merged = new_graph()
    for graph in graphs:
        for triple in graph:
            merged.add(triple)
    return merged


def _graph(triples: Iterable) -> Graph:
    return _union(triples)


def _hash(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()
