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


def entailed(triples: Iterable[Triple], schema: Schema) -> set[Triple]:
    """The given triples and everything the schema entails from them (no rdflib graph:
    the build reasons over thousands of small parts)."""
    by_prop: dict[Node, set[Pair]] = defaultdict(set)
    for s, p, o in triples:
        by_prop[p].add((s, o))
    changed = True
    while changed:
        changed = _property_rules(by_prop, schema)
        changed = _chain_rules(by_prop, schema) or changed
        changed = _type_rules(by_prop, schema) or changed
    _check_functional(by_prop, schema)
    return {(s, p, o) for p, pairs in by_prop.items() for s, o in pairs}


def _check_functional(by_prop: dict[Node, set[Pair]], schema: Schema) -> None:
    """With one value each, (inverse-)functional properties entail nothing; with more,
    they entail owl:sameAs, and the caller must use owlrl."""
    for prop in schema.functional:
        if len({s for s, _ in by_prop.get(prop, ())}) != len(by_prop.get(prop, ())):
            raise NeedsEquality(f"{prop} has two values for one subject")
    for prop in schema.inverse_functional:
        if len({o for _, o in by_prop.get(prop, ())}) != len(by_prop.get(prop, ())):
            raise NeedsEquality(f"{prop} has two subjects for one value")


def _add(by_prop: dict[Node, set[Pair]], p: Node, pairs: Iterable[Pair]) -> bool:
    target = by_prop[p]
    before = len(target)
    target.update(pairs)
    return len(target) != before


def _property_rules(by_prop: dict[Node, set[Pair]], schema: Schema) -> bool:
    changed = False
    for p in list(by_prop):
        pairs = list(by_prop[p])
        for sup in schema.super_props.get(p, ()):
            changed = _add(by_prop, sup, pairs) or changed
        flipped = [(o, s) for s, o in pairs if not isinstance(o, Literal)]
        for inverse in schema.inverses.get(p, ()):
            changed = _add(by_prop, inverse, flipped) or changed
        if p in schema.symmetric:
            changed = _add(by_prop, p, flipped) or changed
        if p in schema.transitive:
            changed = _add(by_prop, p, _transitive(by_prop[p])) or changed
    return changed


def _transitive(pairs: set[Pair]) -> set[Pair]:
    succ = _group(pairs)
    return {(a, b) for a, reach in _closure(succ).items() for b in reach if a != b}


def _chain_rules(by_prop: dict[Node, set[Pair]], schema: Schema) -> bool:
    changed = False
    for prop, chain in schema.chains:
        joined = set(by_prop.get(chain[0], ()))
        for link in chain[1:]:
            succ = _group(by_prop.get(link, ()))
            joined = {(a, c) for a, b in joined for c in succ.get(b, ())}
        changed = _add(by_prop, prop, joined) or changed
    return changed


def _type_rules(by_prop: dict[Node, set[Pair]], schema: Schema) -> bool:
    types: set[Pair] = set()
    for p, classes in schema.domains.items():
        types.update((s, c) for s, _ in by_prop.get(p, ()) for c in classes)
    for p, classes in schema.ranges.items():
        types.update((o, c) for _, o in by_prop.get(p, ()) if not isinstance(o, Literal)
                     for c in classes)
    types.update(by_prop.get(RDF.type, ()))
    expanded = {(x, sup) for x, c in types for sup in schema.super_classes.get(c, {c})}
    return _add(by_prop, RDF.type, expanded | types)
