"""What every part is checked with (the ontology, the lexicon, the shapes, the
engine) and what checking one part gives."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.check import sliced, slices, validate
from kg.graph.rdf import new_graph

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
        """What every result depends on, the lexicon apart (the code as it was when
        first asked: files edited during a build do not change its keys)."""
        if "digest" not in self._prepared:
            code = b"".join(p.read_bytes() for p in _CODE if p.exists())
            parts = (code, self.sources, self.base_iri.encode(), self.engine.encode())
            self._prepared["digest"] = hashlib.sha256(b"\0".join(parts)).hexdigest()
        return self._prepared["digest"]

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
        return graph_of(plan.lexicon.inferred if plan else ())


@dataclass(frozen=True)
class Checked:
    """A part's inferred triples and its validation report."""

    inferred: Collection[tuple]  # a Graph, or a set of triples; empty when written out
    report: validate.Report
    cached: bool = False
    triples: int = 0  # the part's own, when written out



def union(*graphs: Iterable) -> Graph:
    merged = new_graph()
    for graph in graphs:
        for triple in graph:
            merged.add(triple)
    return merged


def graph_of(triples: Iterable) -> Graph:
    return union(triples)


def digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()
