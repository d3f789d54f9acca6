"""Reason over and validate the build one part at a time (the lexicon, or one regulation).

Regulations do not refer to each other's resources, only to the shared lexicon, so
OWL 2 RL reasoning and SHACL validation split cleanly: the lexicon is checked alone,
and each regulation together with the ontology and the lexicon. The union of the
parts' inferred triples is what reasoning over everything at once gives (a test
checks it against owlrl). A part's result is cached under a hash of everything it
depends on (code, ontology, shapes, lexicon, the part's own triples), so an
unchanged regulation is never reasoned over or validated twice. Parts that are not
cached run in parallel; the shared graphs reach each worker process once.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from kg.check import reason, validate
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

    def digest(self) -> str:
        code = b"".join(p.read_bytes() for p in _CODE if p.exists())
        parts = (code, self.sources, _digest(self.lexicon).encode(), self.base_iri.encode(),
                 self.engine.encode())
        return hashlib.sha256(b"\0".join(parts)).hexdigest()


@dataclass(frozen=True)
class Checked:
    """A part's inferred triples and its validation report."""

    inferred: Graph
    report: validate.Report
    cached: bool = False


def check_all(context: Context, parts: Mapping[URIRef, Graph],
              cache_dir: Path | None) -> dict[URIRef, Checked]:
    """Reason over and validate each part (name → asserted graph); use and fill the
    cache. An empty mapping checks the lexicon alone."""
    shared = context.digest()
    keys = {name: _key(shared, graph) for name, graph in parts.items()}
    found = {name: hit for name in parts if (hit := _cached(cache_dir, keys[name]))}
    todo = [name for name in parts if name not in found]
    fresh = dict(zip(todo, _run(context, [parts[n] for n in todo]), strict=True))
    for name, checked in fresh.items():
        if checked.report.conforms and cache_dir is not None:
            _store(cache_dir, keys[name], checked.inferred)
    return {name: found.get(name) or fresh[name] for name in parts}


def _run(context: Context, graphs: list[Graph]) -> Iterable[Checked]:
    if len(graphs) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return [check(context, graph) for graph in graphs]
    workers = min(os.cpu_count() or 1, len(graphs))
    with ProcessPoolExecutor(max_workers=workers, initializer=_receive,
                             initargs=(context,)) as pool:
        return list(pool.map(_check_received, graphs))


_received: Context | None = None


def _receive(context: Context) -> None:
    global _received
    _received = context


def _check_received(graph: Graph) -> Checked:
    assert _received is not None
    return check(_received, graph)


def check(context: Context, part: Graph) -> Checked:
    """Reason over one part with the lexicon and ontology, then validate it all."""
    data = _union(context.lexicon, part)
    inferred = reason.infer(data, context.ontology, context.base_iri, engine=context.engine)
    everything = _union(context.ontology, data, inferred)
    report = validate.run(everything, context.shapes)
    return Checked(inferred, validate.Report(report.conforms, report.violations, None))


def _union(*graphs: Graph) -> Graph:
    merged = new_graph()
    for graph in graphs:
        for triple in graph:
            merged.add(triple)
    return merged


def _digest(graph: Graph) -> str:
    """A digest of a graph's triples (parts and the lexicon hold no blank nodes)."""
    lines = sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in graph)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _key(shared_digest: str, part: Graph) -> str:
    return hashlib.sha256(f"{shared_digest}\0{_digest(part)}".encode()).hexdigest()


def _cached(cache_dir: Path | None, key: str) -> Checked | None:
    if cache_dir is None:
        return None
    path = cache_dir / f"{key}.nt"
    try:
        inferred = new_graph().parse(path, format="nt")
    except (OSError, SyntaxError, ValueError):
        return None
    return Checked(inferred, validate.Report(True), cached=True)


def _store(cache_dir: Path, key: str, inferred: Graph) -> None:
    """Write a cache entry atomically; a failure to cache never fails the build."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cache_dir / f".{key}.{uuid.uuid4().hex[:8]}.tmp"
        inferred.serialize(tmp, format="nt", encoding="utf-8")
        os.replace(tmp, cache_dir / f"{key}.nt")
    except OSError:
        pass
