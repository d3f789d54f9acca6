"""The fast reasoner gives exactly what owlrl (the reference) gives."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from kg import pipeline, reason, rules
from kg.config import Settings
from kg.iris import Iris


def both(settings: Settings) -> tuple[set, set]:
    sources = pipeline.read_sources(settings)
    data = pipeline.union(pipeline.assemble(sources, Iris(settings.base_iri)).values())
    ontology = pipeline.load_rdf(settings.ontology_file)
    reference = reason.infer(data, ontology, settings.base_iri)
    fast = reason.infer(data, ontology, settings.base_iri, engine="fast")
    return set(reference), set(fast)


def test_fast_equals_owlrl_on_the_seed() -> None:
    reference, fast = both(Settings())
    assert reference and fast == reference


def test_fast_equals_owlrl_on_the_fixture(mini_settings: Settings) -> None:
    reference, fast = both(mini_settings)
    assert reference and fast == reference


def test_unsupported_ontology_is_refused() -> None:
    ontology = Graph()
    ontology.add((OWL.Thing, RDF.type, OWL.Restriction))
    with pytest.raises(rules.UnsupportedOntology):
        rules.Schema(ontology)
