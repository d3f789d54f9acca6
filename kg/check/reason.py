"""OWL 2 RL reasoning with owlrl; the inferred triples are kept apart.

Two optimisations keep the reasoning step fast without changing what is inferred
about our resources:

* owlrl's rule eq-ref adds ``x owl:sameAs x`` for every node of every triple and then
  runs every rule over those triples again in each cycle. Reflexive sameAs triples
  entail nothing else (replacing x by x gives back the same triples) and we discard
  them anyway, so :class:`_Semantics` skips eq-ref; all other equality rules (eq-sym,
  eq-trans, eq-rep-*, eq-diff*) still run on real ``owl:sameAs`` triples.
* Triples whose predicate is an annotation property (labels, comments, definitions)
  carry no OWL RL semantics as long as the ontology states no axiom about that
  property, so they are not given to the reasoner (see :func:`_inert_predicates`).
"""

from __future__ import annotations

from collections.abc import Collection, Container, Iterable
from itertools import chain

import owlrl
from owlrl.OWLRL import OWLRL_Annotation_properties
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.check import rules
from kg.graph.regulation import new_graph

Triple = rules.Triple

# owlrl also derives axiomatic and reflexive triples that say nothing about the
# regulation (x owl:sameAs x, x a owl:Thing, datatype axioms); we keep only
# triples about our own resources that a query could use.
_NOISE_OBJECTS = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
_NOISE_PREDICATES = {OWL.sameAs, OWL.differentFrom}

# Annotation properties whose triples are not reasoned over, unless the ontology
# gives them an axiom (then they are kept, see _inert_predicates).
_ANNOTATION_PREDICATES = {
    *OWLRL_Annotation_properties, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel,
    SKOS.definition, SKOS.note, SKOS.scopeNote, DCTERMS.title, DCTERMS.description}
_AXIOM_PREDICATES = {RDFS.subPropertyOf, RDFS.domain, RDFS.range, OWL.equivalentProperty,
                     OWL.inverseOf, OWL.propertyChainAxiom}


class _Semantics(owlrl.OWLRL_Semantics):
    """OWL 2 RL without the reflexive-equality rule eq-ref (see module docstring)."""

    def _equality(self, triple: tuple, cycle_num: int) -> None:
        _s, p, o = triple
        if p == OWL.sameAs or (p == RDF.type and o == OWL.AllDifferent):
            super()._equality(triple, cycle_num)


def infer(data: Graph, ontology: Graph, base_iri: str, engine: str = "owlrl") -> Graph:
    """Return the triples that OWL 2 RL entails from ontology + data and that neither
    states, restricted to subjects under ``base_iri`` that the ontology does not describe.

    ``engine="fast"`` uses kg.rules (identical results, checked by tests/test_rules.py)
    and falls back to owlrl when the ontology uses a feature kg.rules lacks."""
    inert = _inert_predicates(ontology)
    closure = Graph()
    for graph in (ontology, data):
        for triple in graph:
            if triple[1] not in inert:
                closure.add(triple)
    _expand(closure, ontology, engine)
    terms = set(ontology.subjects())
    inferred = new_graph()
    for s, p, o in closure:
        if (s not in terms and _keep(s, p, o, base_iri) and (s, p, o) not in data
                and (s, p, o) not in ontology):
            inferred.add((s, p, o))
    return inferred


class Reasoner:
    """The fast engine with everything it needs of one ontology prepared once, for
    reasoning over many small inputs (the build's parts). ``schema`` is None when the
    ontology needs owlrl."""

    def __init__(self, ontology: Graph, base_iri: str) -> None:
        self.ontology = frozenset(ontology)
        self.terms = frozenset(ontology.subjects())
        self.base_iri = base_iri
        self._inert = _inert_predicates(ontology)
        self._axioms = [t for t in self.ontology if t[1] not in self._inert]
        try:
            self.schema: rules.Schema | None = rules.Schema(ontology)
        except rules.UnsupportedOntology:
            self.schema = None

    def entailed(self, data: Iterable[Triple]) -> set[Triple]:
        """Ontology + data (without inert annotations) and all they entail; raises
        rules.NeedsEquality when that would take owl:sameAs reasoning."""
        assert self.schema is not None
        stated = (t for t in data if t[1] not in self._inert)
        return rules.entailed(chain(self._axioms, stated), self.schema)

    def closed(self, closed_data: Collection[Triple]) -> rules.Closed:
        """Ontology + data already closed under OWL 2 RL (the lexicon with what it
        entails), prepared for :meth:`beyond`. Inert annotations among them join
        nothing and are never derived, so they may stay in."""
        assert self.schema is not None
        return rules.Closed((closed_data, self.ontology), self.schema)

    def beyond(self, closed: rules.Closed, data: Iterable[Triple]) -> set[Triple]:
        """What closed + data entail beyond ``closed`` (data included); raises
        rules.NeedsEquality like :meth:`entailed`."""
        assert self.schema is not None
        stated = (t for t in data if t[1] not in self._inert)
        return rules.entailed(stated, self.schema, closed)

    def kept(self, triples: Iterable[Triple], *stated: Container[Triple]) -> set[Triple]:
        """What :func:`infer` keeps of entailed triples: about our own resources, not
        about ontology terms, neither in the ontology nor in any ``stated`` set."""
        return {(s, p, o) for s, p, o in triples
                if s not in self.terms and _keep(s, p, o, self.base_iri)
                and (s, p, o) not in self.ontology
                and not any((s, p, o) in given for given in stated)}


def _expand(closure: Graph, ontology: Graph, engine: str) -> None:
    if engine == "fast":
        try:
            rules.expand(closure, rules.Schema(ontology))
            return
        except rules.UnsupportedOntology:
            pass
    owlrl.DeductiveClosure(_Semantics, axiomatic_triples=False,
                           datatype_axioms=False).expand(closure)


def _inert_predicates(ontology: Graph) -> set[URIRef]:
    """Annotation properties (well-known ones and those the ontology declares) that
    no axiom of the ontology mentions: their triples entail nothing in OWL 2 RL."""
    candidates = _ANNOTATION_PREDICATES | {
        p for p in ontology.subjects(RDF.type, OWL.AnnotationProperty) if isinstance(p, URIRef)}
    return {p for p in candidates
            if not any((p, axiom, None) in ontology or (None, axiom, p) in ontology
                       for axiom in _AXIOM_PREDICATES)}


def _keep(s: object, p: object, o: object, base_iri: str) -> bool:
    if isinstance(s, BNode) or not str(s).startswith(base_iri):
        return False
    if p in _NOISE_PREDICATES or (p == RDF.type and o in _NOISE_OBJECTS):
        return False
    return not (p == RDF.type and isinstance(o, URIRef) and str(o).startswith(str(OWL)))
