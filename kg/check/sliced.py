"""Reason over and validate one regulation with the slice of the lexicon it needs
(kg/check/slices.py says why that gives what the whole lexicon gives).

A regulation's verdict is made of two halves: the violations at its own nodes
(validated here, with the regulation), and those at the lexicon nodes and ontology
terms, which the lexicon's own validation finds once for all regulations. A regulation
cannot change how a lexicon node validates unless what it entails gives that node a
type, or a triple a shape follows from it (any term the shapes name, forward; a term
under sh:inversePath or in a SPARQL query, backward). When it does (a designation
missing from the lexicon, say), the lexicon nodes of its slice are validated here too,
as before. At corpus size the slice holds thousands of designations (every actor
within a county government), and validating them with every regulation was most of
its check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain

from rdflib import Graph, Node, URIRef
from rdflib.namespace import RDF, RDFS, SH

from kg.check import reach, rules, targets, validate
from kg.check.reason import Reasoner, Triple
from kg.check.slices import Lexicon


@dataclass(frozen=True)
class Own:
    """What checking one regulation with its slice found."""

    inferred: frozenset[Triple]  # entailed with the regulation, beyond the lexicon's own
    violations: list[validate.Violation]  # at the regulation's nodes (and `covered`)
    nodes: frozenset[Node]  # the slice's lexicon nodes
    widened: bool = False  # the first guess of the slice was too small
    covered: frozenset[Node] = frozenset()  # lexicon nodes validated with the regulation


@dataclass
class Plan:
    """Everything the sliced check needs, prepared once per build (and per worker)."""

    reasoner: Reasoner
    lexicon: Lexicon
    shapes: Graph
    subclasses: list[Triple] = field(default_factory=list)  # of the ontology, for sh:class
    forward: frozenset[Node] = frozenset()  # every term the shapes name
    backward: frozenset[Node] = frozenset()  # terms shapes follow from object to subject
    paths: reach.Paths | None = None  # when shapes read only named designations

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
        terms = shape_terms(shapes)
        if terms is None:  # a shape may reach any property: check with the whole lexicon
            return None
        forward, backward = terms
        return cls(reasoner, sliced, shapes, list(ontology.triples((None, RDFS.subClassOf, None))),
                   forward, backward, reach.Paths.make(shapes, schema.transitive))

    def fits(self, part: Graph) -> bool:
        """A regulation that states something about a designation or an ontology term
        could change how those validate: it is checked with the whole lexicon."""
        return not self.lexicon.states_about(part)

    def changes_lexicon(self, fresh: Iterable[Triple]) -> bool:
        """Whether new triples could change how some lexicon node validates."""
        nodes = self.lexicon.nodes
        return any((s in nodes and (p == RDF.type or p in self.forward))
                   or (o in nodes and p in self.backward) for s, p, o in fresh)

    def seen(self, triples: Iterable[Triple]) -> Iterator[Triple]:
        """``triples`` without those about a lexicon node whose property no shape names
        (dg:includes, skos:narrowerTransitive, dg:subjectTo…: a third of a slice and
        of what a regulation entails): no shape can reach them, since none is closed and
        no query of theirs has a variable for a property (Plan.make checks both)."""
        nodes, named = self.lexicon.nodes, self.forward
        return (t for t in triples if t[1] in named or t[0] not in nodes)

    def first_guess(self, part: Graph) -> frozenset[Node]:
        return frozenset(self.lexicon.neighbourhood(self.lexicon.named(part)))


def check_part(plan: Plan, part: Graph, nodes: frozenset[Node]) -> Own:
    """Reason over ``part`` with the whole lexicon (closed: only what the part adds is
    derived) and validate it with the slice of ``nodes``, widened by every lexicon node
    that a new triple joins at. Raises rules.NeedsEquality."""
    stated = set(part)
    entailed = plan.reasoner.beyond(plan.lexicon.closed, stated)
    fresh = {t for t in entailed if t not in stated and t not in plan.reasoner.ontology}
    missing = plan.lexicon.missing(fresh, set(nodes))
    nodes = nodes | missing
    inferred = frozenset(plan.reasoner.kept(fresh))
    covered = nodes if plan.changes_lexicon(chain(stated, fresh)) else frozenset()
    sliced = plan.lexicon.slice(_shown(plan, stated, fresh, nodes, covered))
    data = validate.DataGraph(chain(plan.subclasses, stated,
                                    plan.seen(chain(sliced, inferred))))
    excluded = frozenset() if covered else plan.lexicon.foci
    report = validate.run(data, plan.shapes, excluded)
    return Own(inferred, _at(report.violations, plan.lexicon, covered, inside=True),
               nodes, bool(missing), covered)


def _shown(plan: Plan, stated: set[Triple], fresh: set[Triple], nodes: frozenset[Node],
           covered: frozenset[Node]) -> Iterable[Node]:
    """The designations whose triples the validation needs: all of the slice when
    some are validated with the regulation or a shape may read further than one step
    (kg/check/reach.py), else those the regulation names and those an inspected
    value of its triples is."""
    if covered or plan.paths is None:
        return nodes
    lexicon = plan.lexicon
    own = chain(stated, (t for t in fresh if t[0] not in lexicon.nodes))
    return lexicon.named(stated) | plan.paths.reached(own, lexicon.nodes)


def shape_terms(shapes: Graph) -> tuple[frozenset[Node], frozenset[Node]] | None:
    """Every IRI the shapes name (and their queries), and those a shape may follow
    backwards: under sh:inversePath, or in a SPARQL query (which can go either way).
    None when a shape may look at properties it does not name (a closed shape, or a
    query with a variable property)."""
    queried = targets.queried(shapes)
    if queried is None or (None, SH.closed, None) in shapes:
        return None
    named = {n for t in shapes for n in t if isinstance(n, URIRef)}
    inverse = {*shapes.objects(None, SH.inversePath), *shapes.objects(None, SH.targetObjectsOf)}
    return frozenset(named | queried), frozenset(queried | inverse)


def lexicon_violations(plan: Plan, ontology: Graph) -> list[validate.Violation]:
    """Validate the lexicon alone, with the ontology and what they entail."""
    data = validate.DataGraph(chain(ontology, plan.seen(plan.lexicon.triples)))
    return validate.run(data, plan.shapes).violations


def report(own: list[validate.Violation], lexicon: list[validate.Violation],
           plan: Plan, covered: frozenset[Node]) -> validate.Report:
    """A regulation's report: its own violations and the lexicon's outside what was
    validated with it."""
    violations = own + _at(lexicon, plan.lexicon, covered, inside=False)
    violations.sort(key=lambda v: (v.focus, v.shape, v.path, v.value, v.message_en))
    return validate.Report(not any(v.blocking for v in violations), violations)


def _at(violations: list[validate.Violation], lexicon: Lexicon, nodes: frozenset[Node],
        inside: bool) -> list[validate.Violation]:
    """The violations at the regulation's side (its own nodes and the slice's), or at
    the lexicon's side (every other lexicon node and ontology term)."""
    names = {str(n) for n in nodes}
    return [v for v in violations
            if (v.focus not in lexicon.foci or v.focus in names) == inside]
