"""OWL 2 RL reasoning with owlrl; the inferred triples are kept apart."""

from __future__ import annotations

import owlrl
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.build import new_graph

# owlrl also derives axiomatic and reflexive triples that say nothing about the
# regulation (x owl:sameAs x, x a owl:Thing, datatype axioms); we keep only
# triples about our own resources that a query could use.
_NOISE_OBJECTS = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
_NOISE_PREDICATES = {OWL.sameAs, OWL.differentFrom}


def infer(data: Graph, ontology: Graph, base_iri: str) -> Graph:
    """Return the triples that OWL 2 RL entails from ontology + data and that neither
    states, restricted to subjects under ``base_iri``."""
    closure = Graph()
    for triple in ontology:
        closure.add(triple)
    for triple in data:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False,
                           datatype_axioms=False).expand(closure)
    inferred = new_graph()
    for s, p, o in closure:
        if _keep(s, p, o, base_iri) and (s, p, o) not in data and (s, p, o) not in ontology:
            inferred.add((s, p, o))
    return inferred


def _keep(s: object, p: object, o: object, base_iri: str) -> bool:
    if isinstance(s, BNode) or not str(s).startswith(base_iri) or "ontology#" in str(s):
        return False
    if p in _NOISE_PREDICATES or (p == RDF.type and o in _NOISE_OBJECTS):
        return False
    return not (p == RDF.type and isinstance(o, URIRef) and str(o).startswith(str(OWL)))
