"""The fast reasoner gives exactly what owlrl (the reference) gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import OWL, RDF

from kg import pipeline
from kg.check import reason, rules
from kg.config import Settings
from kg.drafts import ingest
from kg.graph.iris import Iris
from kg.source import sources
from tests.graphs import union

EX = Namespace("https://w3id.org/dutygraph/test/")


def both(settings: Settings) -> tuple[set, set]:
    read = sources.read_all(settings)
    data = union(pipeline.assemble(read, Iris(settings.base_iri)).values())
    ontology = pipeline.load_rdf(settings.ontology_file)
    reference = reason.infer(data, ontology, settings.base_iri)
    fast = reason.infer(data, ontology, settings.base_iri, engine="fast")
    return set(reference), set(fast)


def test_fast_equals_owlrl_on_the_seed(seed_only: Settings) -> None:
    reference, fast = both(seed_only)
    assert reference and fast == reference


def test_fast_equals_owlrl_on_the_fixture(mini_settings: Settings) -> None:
    reference, fast = both(mini_settings)
    assert reference and fast == reference


def test_unsupported_ontology_is_refused() -> None:
    ontology = Graph()
    ontology.add((OWL.Thing, RDF.type, OWL.Restriction))
    with pytest.raises(rules.UnsupportedOntology):
        rules.Schema(ontology)


def test_per_regulation_build_equals_whole_corpus_owlrl(tmp_path: Path) -> None:
    """The build reasons per regulation with the fast engine; owlrl over the whole
    corpus at once must give the very same inferred graph."""
    from tests.conftest import FIXTURES, data_dir_with

    data = data_dir_with(tmp_path, FIXTURES / "mini")
    settings = Settings(data_dir=data, build_dir=tmp_path / "build")
    for text in sorted((FIXTURES / "regs").glob("*.txt")):  # machine-made drafts
        ingest.ingest(settings, text, text.stem, f"fixture {text.stem}")
    for path in (Settings().data_dir).glob("gd-industrial-transfer*"):
        (data / path.name).write_bytes(path.read_bytes())
    seed_notes = Settings().annotation_file("gd-industrial-transfer")
    (data / "annotations" / seed_notes.name).write_bytes(seed_notes.read_bytes())
    result = pipeline.run(settings, write=False)
    assert len(sources.read_all(settings).regulations) == 5
    built = set(result.graphs[Iris(settings.base_iri).graph("inferred")])
    reference, _fast = both(settings)
    assert built == reference


def test_functional_property_with_two_values_falls_back_to_owlrl() -> None:
    ontology = Graph()
    ontology.add((EX.p, RDF.type, OWL.FunctionalProperty))
    data = Graph()
    data.add((EX.a, EX.p, EX.b))
    with_one = rules.expand(Graph() + data, rules.Schema(ontology))
    assert set(with_one) == set(data)
    data.add((EX.a, EX.p, EX.c))
    with pytest.raises(rules.NeedsEquality):
        rules.expand(Graph() + data, rules.Schema(ontology))
    data.add((EX.b, EX.q, EX.d))
    inferred = reason.infer(data, ontology, str(EX), engine="fast")  # falls back to owlrl
    assert (EX.c, EX.q, EX.d) in inferred  # b sameAs c carries b's triples over to c


def test_the_seed_takes_the_fast_path(seed_only: Settings) -> None:
    """No silent fallback: the project's ontology and data suit the fast engine."""
    settings = seed_only
    read = sources.read_all(settings)
    data = union(pipeline.assemble(read, Iris(settings.base_iri)).values())
    ontology = pipeline.load_rdf(settings.ontology_file)
    expanded = rules.expand(union([ontology, data]), rules.Schema(ontology))
    assert len(expanded) > len(data) + len(ontology)
