"""A fast forward-chainer for the part of OWL 2 RL that the DutyGraph ontology uses.

owlrl is the reference (kg/reason.py); this engine must give identical inferred
graphs, which tests/test_rules.py checks on every regulation we ship. It supports
rdfs:subClassOf, owl:equivalentClass, rdfs:subPropertyOf, owl:equivalentProperty,
owl:inverseOf, owl:TransitiveProperty, owl:SymmetricProperty,
owl:propertyChainAxiom, rdfs:domain and rdfs:range, and (inverse-)functional
properties as long as the data gives them one value. An ontology that uses anything
else that OWL 2 RL reasons with is refused (UnsupportedOntology), as is data that
would need owl:sameAs (NeedsEquality), and the caller falls back to owlrl.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection as Sized
from collections.abc import Iterable

from rdflib import Graph, Literal, Node
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

UNSUPPORTED = (OWL.sameAs, OWL.hasKey, OWL.unionOf, OWL.intersectionOf, OWL.oneOf,
               OWL.someValuesFrom, OWL.allValuesFrom, OWL.hasValue, OWL.maxCardinality,
               OWL.maxQualifiedCardinality, OWL.complementOf, OWL.disjointWith,
               OWL.propertyDisjointWith)
UNSUPPORTED_TYPES = (OWL.AsymmetricProperty, OWL.IrreflexiveProperty, OWL.Restriction)

Pair = tuple[Node, Node]
Triple = tuple[Node, Node, Node]


class UnsupportedOntology(ValueError):
    """The ontology uses an OWL 2 RL feature this engine does not implement."""


class NeedsEquality(UnsupportedOntology):
    """The data gives a functional property two values (or an inverse-functional one two
    subjects): OWL 2 RL then derives owl:sameAs, which this engine does not do."""


def _closure(edges: dict[Node, set[Node]]) -> dict[Node, set[Node]]:
    """Reflexive-transitive closure of a small schema relation."""
    result: dict[Node, set[Node]] = {}
    for start in edges:
        seen, stack = {start}, [start]
        while stack:
            for nxt in edges.get(stack.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        result[start] = seen
    return result


class Schema:
    """The axioms of an ontology, precomputed for instance reasoning."""

    def __init__(self, ontology: Graph) -> None:
        self._refuse_unsupported(ontology)
        sub_class: dict[Node, set[Node]] = defaultdict(set)
        sub_prop: dict[Node, set[Node]] = defaultdict(set)
        for a, b in ontology.subject_objects(RDFS.subClassOf):
            sub_class[a].add(b)
        for a, b in ontology.subject_objects(OWL.equivalentClass):
            sub_class[a].add(b)
            sub_class[b].add(a)
        for a, b in ontology.subject_objects(RDFS.subPropertyOf):
            sub_prop[a].add(b)
        for a, b in ontology.subject_objects(OWL.equivalentProperty):
            sub_prop[a].add(b)
            sub_prop[b].add(a)
        self.super_classes = _closure(sub_class)
        self.super_props = _closure(sub_prop)
        self.inverses: dict[Node, set[Node]] = defaultdict(set)
        for a, b in ontology.subject_objects(OWL.inverseOf):
            self.inverses[a].add(b)
            self.inverses[b].add(a)
        self.transitive = set(ontology.subjects(RDF.type, OWL.TransitiveProperty))
        self.symmetric = set(ontology.subjects(RDF.type, OWL.SymmetricProperty))
        self.chains = [(p, list(Collection(ontology, head)))
                       for p, head in ontology.subject_objects(OWL.propertyChainAxiom)]
        self.functional = set(ontology.subjects(RDF.type, OWL.FunctionalProperty))
        self.inverse_functional = set(ontology.subjects(RDF.type,
                                                        OWL.InverseFunctionalProperty))
        self.domains = _group(ontology.subject_objects(RDFS.domain))
        self.ranges = _group(ontology.subject_objects(RDFS.range))

    def joining(self) -> frozenset[Node]:
        """The properties whose triples meet another instance triple at their object in
        some rule (transitivity, property chains, inverse-functional properties); every
        other rule either takes one instance triple or joins two at a subject."""
        links = {link for _, chain in self.chains for link in chain}
        return frozenset({*self.transitive, *links, *self.inverse_functional})

    @staticmethod
    def _refuse_unsupported(ontology: Graph) -> None:
        for prop in UNSUPPORTED:
            if (None, prop, None) in ontology:
                raise UnsupportedOntology(f"the fast reasoner does not implement {prop}")
        for kind in UNSUPPORTED_TYPES:
            if (None, RDF.type, kind) in ontology:
                raise UnsupportedOntology(f"the fast reasoner does not implement {kind}")


def _group(pairs: Iterable[Pair]) -> dict[Node, set[Node]]:
    grouped: dict[Node, set[Node]] = defaultdict(set)
    for a, b in pairs:
        grouped[a].add(b)
    return grouped


def expand(graph: Graph, schema: Schema) -> Graph:
    """Add to ``graph`` everything the schema entails about its instances; return it."""
    for triple in entailed(graph, schema):
        graph.add(triple)
    return graph


def entailed(triples: Iterable[Triple], schema: Schema,
             base: Closed | None = None) -> set[Triple]:
    """The given triples and everything the schema entails from them (no rdflib graph:
    the build reasons over thousands of small parts). With ``base``, triples already
    closed under the schema (the lexicon and what it entails), the given triples are
    reasoned over together with it and only what is beyond ``base`` is returned.

    Semi-naive: each round applies every rule with at least one premise among the
    triples the round before added (the first round: the given ones), so that nothing
    derived from ``base`` alone is derived again (it is in ``base``, being closed) and
    the rules, being monotone, reach the fixpoint that applying every rule to
    everything until nothing changes reaches."""
    known = _Known(base)
    delta = known.add_all(_pairs(triples))
    while delta:
        derived: dict[Node, set[Pair]] = defaultdict(set)
        _property_rules(known, delta, schema, derived)
        _chain_rules(known, delta, schema, derived)
        _type_rules(delta, schema, derived)
        delta = known.add_all(derived)
    known.check_functional(schema)
    return {(s, p, o) for p, pairs in known.by_prop.items() for s, o in pairs}


def _pairs(triples: Iterable[Triple]) -> dict[Node, set[Pair]]:
    by_prop: dict[Node, set[Pair]] = defaultdict(set)
    for s, p, o in triples:
        by_prop[p].add((s, o))
    return by_prop


Index = dict[Node, dict[Node, set[Node]]]


def _index(pairs_by_prop: Iterable[tuple[Node, Iterable[Pair]]]) -> tuple[Index, Index]:
    succ: Index = defaultdict(lambda: defaultdict(set))
    pred: Index = defaultdict(lambda: defaultdict(set))
    for p, pairs in pairs_by_prop:
        for s, o in pairs:
            succ[p][s].add(o)
            pred[p][o].add(s)
    return succ, pred


class Closed:
    """Triples closed under a schema's rules, with the successors and predecessors
    along the properties that rules join on or count (prepared once per build, shared
    by every regulation reasoned over with it). ``parts`` are the sets the triples are
    in (the lexicon's with what it entails, the ontology's axioms): kept as given, not
    copied into one more set of a quarter of a million triples."""

    def __init__(self, parts: Iterable[Sized[Triple]], schema: Schema) -> None:
        self.parts = tuple(parts)
        joined = schema.joining() | schema.functional | schema.inverse_functional
        by_prop = _pairs(t for part in self.parts for t in part if t[1] in joined)
        self.succ, self.pred = _index(by_prop.items())

    def __contains__(self, triple: object) -> bool:
        return any(triple in part for part in self.parts)


class _Known:
    """Every triple derived so far beyond ``base``, by property, with each property's
    successors and predecessors (for the joins of transitivity and chains)."""

    def __init__(self, base: Closed | None) -> None:
        self.base = base
        self.by_prop: dict[Node, set[Pair]] = defaultdict(set)
        self.succ, self.pred = _index(())

    def add_all(self, pairs_by_prop: dict[Node, set[Pair]]) -> dict[Node, set[Pair]]:
        """Add the pairs; return those that were new."""
        fresh: dict[Node, set[Pair]] = {}
        for p, pairs in pairs_by_prop.items():
            new = pairs - self.by_prop[p]
            if self.base is not None:
                new = {(s, o) for s, o in new if (s, p, o) not in self.base}
            if not new:
                continue
            fresh[p] = new
            self.by_prop[p] |= new
            succ, pred = self.succ[p], self.pred[p]
            for s, o in new:
                succ[s].add(o)
                pred[o].add(s)
        return fresh

    def successors(self, p: Node, node: Node) -> Iterable[Node]:
        return self._along(self.succ, p, node, None if self.base is None else self.base.succ)

    def predecessors(self, p: Node, node: Node) -> Iterable[Node]:
        return self._along(self.pred, p, node, None if self.base is None else self.base.pred)

    @staticmethod
    def _along(own: Index, p: Node, node: Node, base: Index | None) -> Iterable[Node]:
        mine = own[p].get(node, ()) if p in own else ()
        theirs = base[p].get(node, ()) if base is not None and p in base else ()
        return (*mine, *theirs) if mine and theirs else mine or theirs

    def check_functional(self, schema: Schema) -> None:
        """With one value each, (inverse-)functional properties entail nothing; with
        more, they entail owl:sameAs, and the caller must use owlrl."""
        for prop in schema.functional:
            if any(len(set(self.successors(prop, s))) > 1 for s in self.succ.get(prop, {})):
                raise NeedsEquality(f"{prop} has two values for one subject")
        for prop in schema.inverse_functional:
            if any(len(set(self.predecessors(prop, o))) > 1 for o in self.pred.get(prop, {})):
                raise NeedsEquality(f"{prop} has two subjects for one value")


def _property_rules(known: _Known, delta: dict[Node, set[Pair]], schema: Schema,
                    derived: dict[Node, set[Pair]]) -> None:
    for p, pairs in delta.items():
        for sup in schema.super_props.get(p, ()):
            derived[sup] |= pairs
        flipped = {(o, s) for s, o in pairs if not isinstance(o, Literal)}
        for inverse in schema.inverses.get(p, ()):
            derived[inverse] |= flipped
        if p in schema.symmetric:
            derived[p] |= flipped
        if p in schema.transitive:
            derived[p] |= _transitive_step(known, p, pairs)


def _transitive_step(known: _Known, p: Node, pairs: set[Pair]) -> set[Pair]:
    """New pairs (a, b) extended by one known link on either side."""
    found = {(a, c) for a, b in pairs for c in known.successors(p, b)}
    found.update((x, b) for a, b in pairs for x in known.predecessors(p, a))
    return found


def _chain_rules(known: _Known, delta: dict[Node, set[Pair]], schema: Schema,
                 derived: dict[Node, set[Pair]]) -> None:
    """p ← l1 ∘ … ∘ ln: every join in which link i comes from the round's new pairs
    and the other links from everything known."""
    for prop, chain in schema.chains:
        for i, link in enumerate(chain):
            if link not in delta:
                continue
            joined = set(delta[link])
            for after in chain[i + 1:]:
                joined = {(a, c) for a, b in joined for c in known.successors(after, b)}
            for before in reversed(chain[:i]):
                joined = {(x, c) for a, c in joined for x in known.predecessors(before, a)}
            derived[prop] |= joined


def _type_rules(delta: dict[Node, set[Pair]], schema: Schema,
                derived: dict[Node, set[Pair]]) -> None:
    types = derived[RDF.type]
    for p, pairs in delta.items():
        for c in schema.domains.get(p, ()):
            types.update((s, c) for s, _ in pairs)
        for c in schema.ranges.get(p, ()):
            types.update((o, c) for _, o in pairs if not isinstance(o, Literal))
    for x, c in delta.get(RDF.type, ()):
        types.update((x, sup) for sup in schema.super_classes.get(c, ()))
