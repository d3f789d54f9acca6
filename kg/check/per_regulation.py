"""Reason and validate one part of the graph (the lexicon, or one regulation) at a time.

Regulations do not refer to each other's resources, only to the shared lexicon,
so OWL 2 RL reasoning and SHACL validation split cleanly by regulation: each part
is reasoned over together with the ontology and the lexicon, and validated with
them. A part's result is cached under a hash of everything it depends on (code,
ontology, shapes, lexicon, the part's own triples), so an unchanged regulation is
never reasoned over or validated twice. Parts that are not cached run in parallel.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.check import reason, validate

_CODE = [*sorted(Path(__file__).parent.glob("*.py")),
         Path(__file__).parent.parent / "graph" / "regulation.py"]
PARALLEL_FROM = 4


@dataclass(frozen=True)
class Shared:
    """What every part is reasoned and validated with."""

    ontology_nt: str
    lexicon_nt: str
    shapes_ttl: str
    base_iri: str
    engine: str = "fast"
    ontology_source: bytes = b""  # the ontology file as written (its N-Triples hold bnodes)

    def digest(self) -> str:
        code = b"".join(p.read_bytes() for p in _CODE if p.exists())
        parts = (code, self.ontology_source, self.lexicon_nt.encode(),
                 self.shapes_ttl.encode(), self.base_iri.encode(), self.engine.encode())
        return hashlib.sha256(b"\0".join(parts)).hexdigest()


@dataclass(frozen=True)
class Outcome:
    inferred_nt: str
    report: validate.Report
    cached: bool = False


def sorted_nt(graph: Graph) -> str:
    """Canonical-enough N-Triples: sorted lines (no blank nodes in our parts)."""
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return "\n".join(sorted(line for line in lines if line.strip())) + "\n"


def process_all(shared: Shared, parts: dict[str, str],
                cache_dir: Path | None) -> dict[str, Outcome]:
    """Reason over and validate each part (name → N-Triples); use and fill the cache."""
    shared_digest = shared.digest()
    keys = {name: _key(shared_digest, nt) for name, nt in parts.items()}
    outcomes = {name: hit for name in parts
                if (hit := _cached(cache_dir, keys[name])) is not None}
    todo = [name for name in parts if name not in outcomes]
    if len(todo) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, len(todo))) as pool:
            fresh = dict(zip(todo, pool.map(_process, [shared] * len(todo),
                                            [parts[n] for n in todo]), strict=True))
    else:
        fresh = {name: _process(shared, parts[name]) for name in todo}
    for name, outcome in fresh.items():
        if outcome.report.conforms and cache_dir is not None:
            _store(cache_dir, keys[name], outcome.inferred_nt)
    return {**outcomes, **fresh}


def _key(shared_digest: str, part_nt: str) -> str:
    return hashlib.sha256(shared_digest.encode() + part_nt.encode()).hexdigest()


def _process(shared: Shared, part_nt: str) -> Outcome:
    ontology = _parse(shared.ontology_nt)
    data = _parse(shared.lexicon_nt + part_nt)
    inferred = reason.infer(data, ontology, shared.base_iri, engine=shared.engine)
    everything = _parse(shared.ontology_nt + shared.lexicon_nt + part_nt)
    for triple in inferred:
        everything.add(triple)
    shapes = Graph().parse(data=shared.shapes_ttl, format="turtle")
    report = validate.run(everything, shapes)
    return Outcome(sorted_nt(inferred), _portable(report))


def _portable(report: validate.Report) -> validate.Report:
    """Drop the rdflib results graph: it is large to send between processes."""
    return validate.Report(report.conforms, report.violations, None)


def _parse(nt: str) -> Graph:
    return Graph().parse(data=nt, format="nt")


def _cached(cache_dir: Path | None, key: str) -> Outcome | None:
    if cache_dir is None:
        return None
    path = cache_dir / f"{key}.nt"
    try:
        return Outcome(path.read_text(encoding="utf-8"), validate.Report(True), cached=True)
    except OSError:
        return None


def _store(cache_dir: Path, key: str, inferred_nt: str) -> None:
    """Write a cache entry atomically; a failure to cache never fails the build."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cache_dir / f".{key}.{uuid.uuid4().hex[:8]}.tmp"
        tmp.write_text(inferred_nt, encoding="utf-8")
        os.replace(tmp, cache_dir / f"{key}.nt")
    except OSError:
        pass
