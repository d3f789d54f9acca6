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
lexicon grows elsewhere. Parts that are not cached run in parallel; the shared graphs
reach each worker process once.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from rdflib import Graph, Node, URIRef

from kg.check import cache, reason, rules, sliced, slices, validate
from kg.graph.rdf import new_graph

_CODE = [*sorted(Path(__file__).parent.glob("*.py")),
         Path(__file__).parent.parent / "graph" / "regulation.py"]
PARALLEL_FROM = 4


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

    inferred: Collection[tuple]  # a Graph, or a set of triples
    report: validate.Report
    cached: bool = False


@dataclass(frozen=True)
class _Job:
    key: str
    nodes: frozenset[Node] | None  # the first guess of its slice; None: the whole lexicon


def check_all(context: Context, parts: Mapping[URIRef, Graph],
              cache_dir: Path | None) -> dict[URIRef, Checked]:
    """Reason over and validate each part (name → asserted graph); use and fill the
    cache."""
    if not parts:
        return {}
    plan, shared = context.plan(), context.digest()
    jobs = {name: _job(context, plan, shared, graph) for name, graph in parts.items()}
    found = {name: hit for name in parts
             if (hit := cache.inferred(cache_dir, jobs[name].key)) is not None}
    todo = [name for name in parts if name not in found]
    lexicon_key = _hash(shared, "lexicon", context.lexicon_digest())
    known = plan is None or cache.lexicon_conforms(cache_dir, lexicon_key)
    outcomes = _run(context, [(parts[n], jobs[n].nodes) for n in todo], with_lexicon=not known)
    lexicon = [] if known else outcomes.pop(0)
    if not known and not lexicon:
        cache.store_lexicon_conforms(cache_dir, lexicon_key)
    context._prepared["violations"] = lexicon
    checked = {}
    for name, outcome in zip(todo, outcomes, strict=True):
        checked[name] = _checked(plan, outcome, lexicon)
        if _cacheable(jobs[name], outcome):
            cache.store_inferred(cache_dir, jobs[name].key, checked[name].inferred)
    for name, hit in found.items():
        nodes = jobs[name].nodes
        report = validate.Report(True) if plan is None or nodes is None else sliced.report(
            [], lexicon, plan, nodes)
        checked[name] = Checked(hit, report, cached=True)
    return {name: checked[name] for name in parts}


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
                   sliced.report(outcome.violations, lexicon, plan, outcome.nodes))


def _cacheable(job: _Job, outcome: Outcome) -> bool:
    """Whether a part's result may be cached under its key: nothing wrong of its own,
    and made from what the key was made from (the whole lexicon, or the slice)."""
    if isinstance(outcome, Checked):
        return job.nodes is None and outcome.report.conforms
    return not outcome.violations and not outcome.widened


def check_whole(context: Context, part: Graph) -> Checked:
    """Reason over one part with the whole lexicon and ontology, then validate it all."""
    data = _union(context.lexicon, part)
    inferred = reason.infer(data, context.ontology, context.base_iri, engine=context.engine)
    report = validate.run(validate.DataGraph(chain(context.ontology, data, inferred)),
                          context.shapes)
    return Checked(inferred, validate.Report(report.conforms, report.violations, None))


def _run(context: Context, todo: list[tuple[Graph, frozenset[Node] | None]],
         with_lexicon: bool) -> list:
    """The outcome of each part (the lexicon's violations first, when asked for)."""
    tasks: list[int | None] = ([None] if with_lexicon else []) + list(range(len(todo)))
    if len(tasks) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return [_task(context, todo, task) for task in tasks]
    workers = min(os.cpu_count() or 1, len(tasks))
    with ProcessPoolExecutor(max_workers=workers, initializer=_receive,
                             initargs=(context, todo)) as pool:
        return list(pool.map(_received_task, tasks))


_received: tuple[Context, list] | None = None


def _receive(context: Context, todo: list) -> None:
    global _received
    _received = (context, todo)


def _received_task(task: int | None) -> object:
    assert _received is not None
    return _task(*_received, task)


def _task(context: Context, todo: list, task: int | None) -> object:
    if task is None:
        return context.lexicon_violations()
    return _outcome(context, *todo[task])


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
