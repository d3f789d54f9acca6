"""OWL 2 RL reasoning (kg.reason): what the ontology makes the build materialise."""

from __future__ import annotations

from pathlib import Path

import owlrl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from kg import pipeline
from kg.check import reason
from kg.config import Settings
from kg.graph.iris import Iris
from kg.namespaces import DEFAULT_BASE, DG, ELI, ORG
from kg.source import sources
from tests.graphs import union

CASES = Path(__file__).parent / "shape_cases"
REG = f"{DEFAULT_BASE}reg/t"
OBLIGATION = URIRef(f"{REG}/art_2__para_1/obligation-0-18")
ENCOURAGEMENT = URIRef(f"{REG}/art_2__para_1__item_1/encouragement-0-9")
PURPOSE = URIRef(f"{REG}/art_1__para_1/purpose-6-11")


def actor(name: str) -> URIRef:
    return URIRef(f"{DEFAULT_BASE}actor/{name}")


ABOVE = actor("government-county-level-and-above")
COUNTY = actor("county-government")
RECEIVING_COUNTY = actor("receiving-area-county-government")
RECEIVING = actor("receiving-area")
ENTERPRISE = actor("enterprise")
ZONE = URIRef(f"{DEFAULT_BASE}carrier/development-zone")
CARRIER = URIRef(f"{DEFAULT_BASE}carrier/carrier")
MECHANISM = URIRef(f"{DEFAULT_BASE}mechanism/coordination")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return pipeline.load_rdf(Settings.from_env().ontology_file)


@pytest.fixture(scope="module")
def fixture_data() -> Graph:
    return pipeline.load_rdf(CASES / "base.ttl")


@pytest.fixture(scope="module")
def inferred(fixture_data: Graph, ontology: Graph) -> Graph:
    return reason.infer(fixture_data, ontology, DEFAULT_BASE)


@pytest.fixture(scope="module")
def closure(fixture_data: Graph, inferred: Graph) -> Graph:
    return union([fixture_data, inferred])


# -- small fixture graph ----------------------------------------------------------------

def test_applies_to_through_property_chain(closure: Graph, inferred: Graph) -> None:
    # addressed to 县级以上人民政府 → applies to 产业承接地县级人民政府 via 县级人民政府
    assert set(closure.objects(OBLIGATION, DG.appliesTo)) == {ABOVE, COUNTY, RECEIVING_COUNTY}
    assert (OBLIGATION, DG.appliesTo, RECEIVING_COUNTY) in inferred
    assert (OBLIGATION, DG.appliesTo, ABOVE) in inferred  # dg:addressee ⊑ dg:appliesTo
    # not upwards: a norm for 产业承接地县级人民政府 would not apply to 产业承接地 at large
    assert (OBLIGATION, DG.appliesTo, RECEIVING) not in closure


def test_within_is_transitive_and_includes_is_its_inverse(closure: Graph) -> None:
    assert (RECEIVING_COUNTY, DG.within, ABOVE) in closure
    assert (ABOVE, DG.includes, RECEIVING_COUNTY) in closure
    assert (ABOVE, DG.includes, COUNTY) in closure
    assert (RECEIVING, DG.includes, RECEIVING_COUNTY) in closure
    assert (ZONE, DG.within, CARRIER) in closure
    assert (RECEIVING_COUNTY, SKOS.broaderTransitive, ABOVE) in closure
    assert (ABOVE, SKOS.narrowerTransitive, RECEIVING_COUNTY) in closure


def test_concerns_from_sub_properties(closure: Graph) -> None:
    assert (OBLIGATION, DG.concerns, MECHANISM) in closure  # from dg:establishes
    assert (ENCOURAGEMENT, DG.concerns, ZONE) in closure  # from dg:concernsCarrier
    assert (MECHANISM, DG.concernedBy, OBLIGATION) in closure
    # dg:addressee is not a dg:concerns link
    assert (OBLIGATION, DG.concerns, ABOVE) not in closure


def test_inverse_properties(closure: Graph) -> None:
    assert (RECEIVING_COUNTY, DG.subjectTo, OBLIGATION) in closure
    assert (ABOVE, DG.addressedBy, OBLIGATION) in closure
    assert (URIRef(f"{REG}/art_1__para_1"), DG.states, PURPOSE) in closure
    assert (ABOVE, DG.promotes, ENCOURAGEMENT) in closure
    assert (URIRef(f"{REG}/art_2"), ELI.has_part, URIRef(f"{REG}/art_2__para_1")) in closure
    assert (URIRef(REG), ELI.has_part, URIRef(f"{REG}/chp_1")) in closure


def test_superclass_types(closure: Graph) -> None:
    types = {
        ENTERPRISE: {DG.Enterprise, DG.MarketEntity, DG.Actor, DG.Designation, SKOS.Concept},
        RECEIVING_COUNTY: {DG.CountyGovernment, DG.Government, DG.PublicBody, DG.Actor},
        RECEIVING: {DG.ReceivingRegion, DG.Region, DG.Actor},
        ZONE: {DG.DevelopmentZone, DG.Carrier, DG.Designation},
        MECHANISM: {DG.Mechanism, DG.Designation},
        OBLIGATION: {DG.Obligation, DG.Norm, DG.Statement},
        PURPOSE: {DG.Purpose, DG.Provision, DG.Statement},
        URIRef(f"{REG}/art_1__para_1"): {DG.Paragraph, DG.TextUnit, ELI.LegalResourceSubdivision,
                                         ELI.LegalResource},
        URIRef(REG): {DG.Regulation, ELI.LegalResource},
    }
    for node, expected in types.items():
        assert expected <= set(closure.objects(node, RDF.type)), node


def test_ranges_do_not_mistype(closure: Graph) -> None:
    """Carriers and mechanisms never become actors; provisions never become norms;
    designations are concepts, not organisations."""
    for node in (ZONE, CARRIER, MECHANISM):
        assert (node, RDF.type, DG.Actor) not in closure
    assert (PURPOSE, RDF.type, DG.Norm) not in closure
    assert not set(closure.subjects(RDF.type, ORG.Organization))


def test_inferred_graph_is_clean(inferred: Graph, fixture_data: Graph,
                                 ontology: Graph) -> None:
    assert not set(inferred.triples((None, OWL.sameAs, None)))
    assert not (set(inferred) & set(fixture_data))
    assert not (set(inferred.subjects()) & set(ontology.subjects()))
    assert all(str(s).startswith(DEFAULT_BASE) for s in inferred.subjects())
    assert not set(inferred.triples((None, RDF.type, OWL.Thing)))


def test_optimised_reasoning_equals_plain_owlrl(fixture_data: Graph, ontology: Graph,
                                                inferred: Graph) -> None:
    """Skipping eq-ref and annotation triples changes nothing that is kept."""
    closure = union([ontology, fixture_data])
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False,
                           datatype_axioms=False).expand(closure)
    terms = set(ontology.subjects())
    plain = {(s, p, o) for s, p, o in closure
             if s not in terms and reason._keep(s, p, o, DEFAULT_BASE)
             and (s, p, o) not in fixture_data and (s, p, o) not in ontology}
    assert plain == set(inferred)


# -- the real build -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def build(seed_only: Settings) -> dict[str, Graph]:
    settings = seed_only
    read = sources.read_all(settings)
    data = union(pipeline.assemble(read, Iris(settings.base_iri)).values())
    ontology = pipeline.load_rdf(settings.ontology_file)
    inferred = reason.infer(data, ontology, settings.base_iri)
    return {"data": data, "inferred": inferred, "ontology": ontology,
            "all": union([data, inferred])}


def test_build_applies_to_receiving_county_government(build: dict) -> None:
    graph = build["all"]
    addressed_above = set(graph.subjects(DG.addressee, ABOVE))
    for norm in addressed_above:
        assert (norm, DG.appliesTo, RECEIVING_COUNTY) in graph
        assert (RECEIVING_COUNTY, DG.subjectTo, norm) in graph
    norms_for_county = set(graph.subjects(DG.appliesTo, RECEIVING_COUNTY))
    assert norms_for_county >= addressed_above
    assert norms_for_county, "some norm applies to 产业承接地县级人民政府"


def test_build_types_and_inverses(build: dict) -> None:
    data, graph = build["data"], build["all"]
    for node in data.subjects(DG.addressee, None):
        assert (node, RDF.type, DG.Norm) in graph
        for addressee in data.objects(node, DG.addressee):
            assert (node, DG.appliesTo, addressee) in graph
            assert (addressee, RDF.type, DG.Actor) in graph
    lexicon_types = {DG[c] for c in ("Government", "GovernmentDepartment", "Enterprise",
                                     "EducationInstitution", "ChamberOfCommerce")}
    for cls in lexicon_types:
        for node in data.subjects(RDF.type, cls):
            assert (node, RDF.type, DG.Actor) in graph
    for child, parent in data.subject_objects(ELI.is_part_of):
        assert (parent, ELI.has_part, child) in graph
    for statement, source in data.subject_objects(DG.source):
        assert (source, DG.states, statement) in graph
    for norm, mechanism in data.subject_objects(DG.establishes):
        assert (norm, DG.concerns, mechanism) in graph
    for a, b in data.subject_objects(DG.within):
        assert (b, DG.includes, a) in graph

