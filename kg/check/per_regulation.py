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
process holds more than one regulation's graph at a time. Those files are kept too
(build/cache/parts, hard links), under a hash of what makes the graph (the source as
read, the lexicon, the code): a regulation unchanged since is reused as written,
without making its graph at all.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import metadata
from itertools import chain
from pathlib import Path
from typing import Any

from rdflib import Graph, Node, URIRef

from kg.check import cache, parallel, reason, rules, sliced, slices, validate
from kg.check.context import Checked, Context, digest, union
from kg.release import parts

__all__ = ["Checked", "Context", "Sink", "check", "check_all", "check_whole"]


@dataclass(frozen=True)
class Sink:
    """Where each part's graph and inferred triples are written (kg/release/parts.py)
    instead of being returned, so that a build holds one regulation's graph at a time."""

    folder: Path
    inferred_name: str
    made_from: str = ""  # a digest of what makes a part's graph besides its source


@dataclass(frozen=True)
class _Job:
    key: str
    nodes: frozenset[Node] | None  # the first guess of its slice; None: the whole lexicon


@dataclass(frozen=True)
class _Done:
    """What a worker sends back of one part: no graph, no slice, and no triples when
    written out (a province's slices are millions of nodes)."""

    sliced: bool  # checked with its slice of the lexicon (else with the whole lexicon)
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
    lexicon_key = digest(context.digest(), "lexicon", context.lexicon_digest())
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
    elif plan is None or not done.sliced:
        report = validate.Report(True)
    else:
        report = sliced.report([], lexicon, plan, frozenset())
    return Checked(done.inferred, report, done.outcome is None, done.triples)


def _part(work: _Work, part: Any, name: str) -> _Done:
    """One part from its graph to its result: the cache's, or checked and cached. A part
    written before from the same source, lexicon and code is reused as it was."""
    context, plan = work.context, work.context.plan()
    made = _made_key(work, part)
    if made is not None and work.sink is not None:
        reused = parts.reuse(work.cache_dir, made, work.sink.folder, name)
        if reused is not None:
            return _Done(True, None, frozenset(), reused)
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
        return _Done(job.nodes is not None, outcome, inferred, len(graph))
    triples = parts.write_part(work.sink.folder, name, graph, inferred,
                               work.sink.inferred_name)
    if made is not None and job.nodes is not None and (
            outcome is None or _cacheable(job, outcome)):
        parts.remember(work.cache_dir, made, work.sink.folder, name, triples)
    return _Done(job.nodes is not None, _light(outcome), frozenset(), triples)


def _light(outcome: Outcome | None) -> Outcome | None:
    """The outcome without what the build no longer needs once the part is written."""
    if isinstance(outcome, sliced.Own):
        return replace(outcome, inferred=frozenset(), nodes=frozenset())
    return None if outcome is None else replace(outcome, inferred=frozenset())


def _made_key(work: _Work, part: Any) -> str | None:
    """The key of a part's written files, from what its graph is made of (no graph is
    made to find it); None when the part comes as a graph."""
    if work.make is None or work.sink is None or work.cache_dir is None:
        return None
    context = work.context
    return digest(context.digest(), _graph_code(), work.sink.made_from,
                 context.lexicon_digest(), repr(part))


@lru_cache(maxsize=1)
def _graph_code() -> str:
    """The code that reads, makes, checks and writes a part, and the libraries that
    write the lines: a part made by other code is made again. The release writer,
    the CLI, queries and review do not touch a part, so changing them re-checks
    nothing."""
    package = Path(__file__).parent.parent
    code = sorted(p for p in package.rglob("*.py") if _makes_parts(p.relative_to(package)))
    versions = [sys.version, *(metadata.version(n) for n in ("rdflib", "pyoxigraph"))]
    content = b"".join(p.read_bytes() for p in code) + "\0".join(versions).encode()
    return hashlib.sha256(content).hexdigest()


_DOWNSTREAM = ("cli", "query", "review")


def _makes_parts(path: Path) -> bool:
    top = path.parts[0]
    if top == "release":
        return path.name == "parts.py"
    return top not in _DOWNSTREAM


def check(context: Context, part: Graph) -> Checked:
    """Reason over and validate one part (in this process)."""
    plan = context.plan()
    nodes = plan.first_guess(part) if plan is not None and plan.fits(part) else None
    return _checked(plan, _outcome(context, part, nodes), context.lexicon_violations())


def _job(context: Context, plan: sliced.Plan | None, shared: str, part: Graph) -> _Job:
    if plan is None or not plan.fits(part):
        return _Job(digest(shared, "whole", context.lexicon_digest(), slices.digest(part)), None)
    nodes = plan.first_guess(part)
    lexicon = plan.lexicon.slice_digest(nodes)
    return _Job(digest(shared, "sliced", lexicon, slices.digest(part)), nodes)


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
    data = union(context.lexicon, part)
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
