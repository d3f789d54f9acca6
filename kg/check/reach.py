"""What of the lexicon a regulation's validation reads, when the shapes' paths are short.

A regulation's slice (kg/check/slices.py) holds every designation within one of its
addressees (thousands at corpus size) with all their triples: the reasoning over it
needed them, and they let any shape look at any of them. Most shapes look at nothing
of a designation but its being there: a value compared (sh:equals, sh:in), or its type
(sh:class), and the one path that walks dg:within walks a transitive property whose
closure the lexicon holds, so that one step from an addressee reaches every designation
the whole walk reaches. When every shape is of such a kind (``Paths.make``), a
regulation is validated with the slice of the designations it names and those a
value-inspecting path leads to from its own nodes (``Paths.reached``); the slice holds
the triples about them and those ending at them (the one step of dg:within). Shapes of
any other kind keep the whole slice. tests/test_check_speed_equivalence.py compares
both on real regulations and on broken ones.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from rdflib import Graph, Literal, Node, URIRef
from rdflib.collection import Collection as RdfList
from rdflib.namespace import RDF, SH

from kg.check.reason import Triple

# constraints that look at a value node's own triples (its type, its properties)
_INSPECTING = (SH["class"], SH.node, SH.property, SH.qualifiedValueShape, SH["or"],
               SH["and"], SH.xone, SH["not"], SH.sparql)


@dataclass(frozen=True)
class Paths:
    """The properties whose values some shape inspects (forward, and inverse)."""

    forward: frozenset[Node]
    inverse: frozenset[Node]

    @classmethod
    def make(cls, shapes: Graph, transitive: Collection[Node]) -> Paths | None:
        """None when some shape's path is longer than one step (but for a closure of
        a transitive property after it, whose values are then not inspected)."""
        forward: set[Node] = set()
        inverse: set[Node] = set()
        for shape, path in shapes.subject_objects(SH.path):
            steps = _steps(shapes, path, transitive)
            if steps is None:
                return None
            head, closed = steps
            inspects = any((shape, c, None) in shapes for c in _INSPECTING)
            if closed and inspects:
                return None
            if inspects or closed:
                for prop, backwards in head:
                    (inverse if backwards else forward).add(prop)
        return cls(frozenset(forward), frozenset(inverse))

    def reached(self, triples: Iterable[Triple], lexicon_nodes: Collection[Node]) -> set[Node]:
        """The designations an inspected value of the regulation's own triples is."""
        found = set()
        for s, p, o in triples:
            if p in self.forward and o in lexicon_nodes:
                found.add(o)
            if p in self.inverse and s in lexicon_nodes:
                found.add(s)
        return found


def _steps(shapes: Graph, path: Node, transitive: Collection[Node]
           ) -> tuple[list[tuple[Node, bool]], bool] | None:
    """A path as its first step's (property, inverse?) alternatives and whether a
    closure of a transitive property follows; None for any longer path."""
    one = _one_step(shapes, path)
    if one is not None:
        return one, False
    if (path, RDF.first, None) not in shapes:
        return None
    members = list(RdfList(shapes, path))
    if len(members) != 2:
        return None
    head, tail = _one_step(shapes, members[0]), shapes.value(members[1], SH.zeroOrMorePath)
    closure = None if tail is None else _one_step(shapes, tail)
    if head is None or closure is None or any(p not in transitive for p, _ in closure):
        return None
    return head, True


def _one_step(shapes: Graph, path: Node) -> list[tuple[Node, bool]] | None:
    if isinstance(path, URIRef):
        return [(path, False)]
    if isinstance(path, Literal):
        return None
    inverse = shapes.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return [(inverse, True)]
    choices = shapes.value(path, SH.alternativePath)
    if choices is not None:
        members = list(RdfList(shapes, choices))
        if all(isinstance(m, URIRef) for m in members):
            return [(m, False) for m in members]
    return None
