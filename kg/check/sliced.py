"""Reason over and validate one regulation with the slice of the lexicon it needs
(kg/check/slices.py says why that gives what the whole lexicon gives).

A regulation's verdict is made of two halves: the violations at its own nodes and at
the lexicon nodes of its slice (validated here, with the regulation), and those at
every other lexicon node and ontology term, which the regulation cannot change and
which the lexicon's own validation finds once for all regulations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain

from rdflib import Graph, Node
from rdflib.namespace import RDFS

from kg.check import rules, validate
from kg.check.reason import Reasoner, Triple
from kg.check.slices import Lexicon


@dataclass(frozen=True)
class Own:
    """What checking one regulation with its slice found."""

    inferred: frozenset[Triple]  # entailed with the regulation, beyond the lexicon's own
    violations: list[validate.Violation]  # at the regulation's nodes and its slice's
    nodes: frozenset[Node]  # the slice's lexicon nodes
    widened: bool = False  # the first guess of the slice was too small


@dataclass
class Plan:
    """Everything the sliced check needs, prepared once per build (and per worker)."""

    reasoner: Reasoner
    lexicon: Lexicon
    shapes: Graph
    subclasses: list[Triple] = field(default_factory=list)  # of the ontology, for sh:class

    @classmethod
    def make(cls, ontology: Graph, lexicon: Graph, shapes: Graph, base_iri: str) -> Plan | None:
        """None when the fast engine cannot reason over this ontology and lexicon, or
        the ontology has a rule (a chain of three links) that the slice does not cover."""
        reasoner = Reasoner(ontology, base_iri)
        schema = reasoner.schema
        if schema is None or any(len(links) > 2 for _, links in schema.chains):
            return None
        try:
            sliced = Lexicon(lexicon, reasoner)
        except rules.NeedsEquality:
            return None
        return cls(reasoner, sliced, shapes, list(ontology.triples((None, RDFS.subClassOf, None))))

    def fits(self, part: Graph) -> bool:
        """A regulation that states something about a designation or an ontology term
        could change how those validate: it is checked with the whole lexicon."""
        return not self.lexicon.states_about(part)

    def first_guess(self, part: Graph) -> frozenset[Node]:
        return frozenset(self.lexicon.neighbourhood(self.lexicon.named(part)))


def check_part(plan: Plan, part: Graph, nodes: frozenset[Node]) -> Own:
    """Reason over and validate ``part`` with the slice of ``nodes``, widened until
    every lexicon node that a new triple joins at is in it. Raises rules.NeedsEquality."""
    stated, widened = set(part), False
    while True:
        sliced = plan.lexicon.slice(nodes)
        entailed = plan.reasoner.entailed(chain(stated, sliced))
        fresh = {t for t in entailed if t not in plan.lexicon.triples and t not in stated
                 and t not in plan.reasoner.ontology}
        missing = plan.lexicon.missing(fresh, set(nodes))
        if not missing:
            break
        nodes, widened = nodes | missing, True
    inferred = frozenset(plan.reasoner.kept(fresh))
    data = validate.DataGraph(chain(plan.subclasses, stated, sliced, inferred))
    report = validate.run(data, plan.shapes)
    return Own(inferred, _at(report.violations, plan.lexicon, nodes, inside=True),
               nodes, widened)


def lexicon_violations(plan: Plan, ontology: Graph) -> list[validate.Violation]:
    """Validate the lexicon alone, with the ontology and what they entail."""
    data = validate.DataGraph(chain(ontology, plan.lexicon.triples))
    return validate.run(data, plan.shapes).violations


def report(own: list[validate.Violation], lexicon: list[validate.Violation],
           plan: Plan, nodes: frozenset[Node]) -> validate.Report:
    """A regulation's report: its own violations and the lexicon's outside its slice."""
    violations = own + _at(lexicon, plan.lexicon, nodes, inside=False)
    violations.sort(key=lambda v: (v.focus, v.shape, v.path, v.value, v.message_en))
    return validate.Report(not any(v.blocking for v in violations), violations)


def _at(violations: list[validate.Violation], lexicon: Lexicon, nodes: frozenset[Node],
        inside: bool) -> list[validate.Violation]:
    """The violations at the regulation's side (its own nodes and the slice's), or at
    the lexicon's side (every other lexicon node and ontology term)."""
    names = {str(n) for n in nodes}
    return [v for v in violations
            if (v.focus not in lexicon.foci or v.focus in names) == inside]
