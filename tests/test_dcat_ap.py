"""The release's dataset.ttl is a DCAT-AP 3.0.1 catalogue a data portal can harvest: it
passes the official shapes (tests/data/standards/dcat-ap-3.0.1), a description lacking a
mandatory property fails them, and the recommended properties are there."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, SH, SKOS

from kg import pipeline
from kg.config import Settings
from kg.namespaces import DCAT, DG, ELI
from kg.release import store
from tests.conftest import FIXTURES, data_dir_with

SHAPES = Path(__file__).parent / "data" / "standards" / "dcat-ap-3.0.1"
SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest probes names
EU = "http://publications.europa.eu/resource/authority/"
DUMPS = {"dutygraph.nq": ("application/n-quads", "RDF_N_QUADS"),
         "dutygraph.trig": ("application/trig", "RDF_TRIG"),
         "dutygraph.ttl": ("text/turtle", "RDF_TURTLE"),
         "dutygraph.jsonld": ("application/ld+json", "JSON_LD")}


@pytest.fixture(scope="module")
def shapes() -> Graph:
    graph = Graph().parse(SHAPES / "dcat-ap-SHACL.ttl")
    return graph.parse(SHAPES / "ranges.pyshacl.ttl")


@pytest.fixture(scope="module")
def release(seed_settings: Settings) -> Path:
    return store.current(seed_settings.build_dir)


@pytest.fixture
def description(release: Path) -> Graph:
    return Graph().parse(release / "dataset.ttl", format="turtle")


def results(data: Graph, shapes: Graph) -> list[tuple[str, object, object, str]]:
    """(severity, focus node, path, message) of every SHACL result."""
    conforms, report, _ = validate(data, shacl_graph=shapes, allow_warnings=True)
    found = [(str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
              report.value(r, SH.focusNode), report.value(r, SH.resultPath),
              str(report.value(r, SH.resultMessage)))
             for r in report.subjects(RDF.type, SH.ValidationResult)]
    assert conforms == all(severity != "Violation" for severity, *_ in found)
    return found


def test_the_seed_release_passes_the_official_shapes(description: Graph, shapes: Graph) -> None:
    found = results(description, shapes)
    assert [r for r in found if r[0] == "Violation"] == []
    assert [r for r in found if r[0] == "Warning"] == []


def _checksum_of_nq(g: Graph, base: str) -> object:
    return g.value(URIRef(f"{base}distribution/dutygraph.nq"), SPDX.checksum)


BREAKS = {  # what is taken away -> (focus node under the base or None, path the report names)
    "dataset description": (lambda g, b: [(URIRef(b + "dataset"), DCTERMS.description, None)],
                            "dataset", DCTERMS.description),
    "catalogue publisher": (lambda g, b: [(URIRef(b + "catalog"), DCTERMS.publisher, None)],
                            "catalog", DCTERMS.publisher),
    "distribution access URL": (
        lambda g, b: [(URIRef(b + "distribution/dutygraph.nq"), DCAT.accessURL, None)],
        "distribution/dutygraph.nq", DCAT.accessURL),
    "checksum type": (lambda g, b: [(_checksum_of_nq(g, b), RDF.type, SPDX.Checksum)],
                      "distribution/dutygraph.nq", SPDX.checksum),
    "media type type": (lambda g, b: [(None, RDF.type, DCTERMS.MediaType)],
                        "distribution/dutygraph.nq", DCAT.mediaType),
    "service endpoint": (lambda g, b: [(URIRef(b + "sparql#service"), DCAT.endpointURL, None)],
                         "sparql#service", DCAT.endpointURL),
}


@pytest.mark.parametrize("name", BREAKS)
def test_a_description_missing_a_mandatory_part_fails(description: Graph, shapes: Graph,
                                                      seed_settings: Settings, name: str) -> None:
    remove, focus, path = BREAKS[name]
    base = seed_settings.base_iri
    for pattern in remove(description, base):
        assert (pattern in description), f"{name}: nothing to remove"
        description.remove(pattern)
    violations = {(node, p) for severity, node, p, _ in results(description, shapes)
                  if severity == "Violation"}
    assert (URIRef(base + focus), path) in violations


def test_recommended_properties(description: Graph, release: Path,
                                seed_settings: Settings) -> None:
    g, base = description, seed_settings.base_iri
    catalog, dataset = URIRef(base + "catalog"), URIRef(base + "dataset")
    assert set(g.objects(catalog, DCAT.dataset)) == {dataset}
    assert set(g.objects(catalog, DCAT.service)) == {URIRef(base + "sparql#service")}
    contact = g.value(dataset, DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Kind) in g and g.value(contact, VCARD.fn)
    publisher = g.value(dataset, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in g and g.value(publisher, FOAF.name)
    licence = g.value(dataset, DCTERMS.license)
    assert licence == URIRef(EU + "licence/CC_BY_4_0")
    assert (licence, RDF.type, DCTERMS.LicenseDocument) in g
    rights = " ".join(g.objects(g.value(dataset, DCTERMS.rights), None))
    assert "article 5" in rights and "第五条" in rights and "CC BY 4.0" in rights
    assert set(g.objects(dataset, DCAT.theme)) == {URIRef(EU + "data-theme/JUST"),
                                                    URIRef(EU + "data-theme/GOVE")}
    keywords = {k.language for k in g.objects(dataset, DCAT.keyword)}
    assert keywords == {"zh", "en"}
    standard = g.value(dataset, DCTERMS.conformsTo)
    assert (standard, RDF.type, DCTERMS.Standard) in g
    for prop in (DCTERMS.issued, DCTERMS.modified):
        assert g.value(dataset, prop).datatype == XSD.date
    assert g.value(dataset, DCAT.landingPage) == URIRef(base)
    service = URIRef(base + "sparql#service")
    assert g.value(service, DCAT.endpointURL) == URIRef(base + "sparql")
    assert g.value(service, DCAT.servesDataset) == dataset


def _regulation_facts(release: Path) -> tuple[set[URIRef], list[Literal]]:
    """Jurisdictions and dates of the regulations, read from the N-Quads dump."""
    quads = Dataset().parse(release / "dutygraph.nq", format="nquads")
    regulations = {s for s, *_ in quads.quads((None, RDF.type, DG.Regulation, None))}
    places = {o for s, _, o, _ in quads.quads((None, ELI.jurisdiction, None, None))
              if s in regulations}
    days = sorted(o.toPython() for p in (ELI.date_document, ELI.first_date_entry_in_force)
                  for s, _, o, _ in quads.quads((None, p, None, None)) if s in regulations)
    return places, days


def test_coverage_comes_from_the_regulations(description: Graph, release: Path) -> None:
    g = description
    dataset = next(g.subjects(RDF.type, DCAT.Dataset))
    places, days = _regulation_facts(release)
    assert places and days
    spatial = set(g.objects(dataset, DCTERMS.spatial))
    assert spatial == places | {URIRef(EU + "country/CHN")}
    for place in spatial:
        assert (place, RDF.type, DCTERMS.Location) in g and g.value(place, SKOS.prefLabel)
    period = g.value(dataset, DCTERMS.temporal)
    assert (period, RDF.type, DCTERMS.PeriodOfTime) in g
    assert g.value(period, DCAT.startDate).toPython() == days[0]
    assert g.value(period, DCAT.endDate).toPython() == days[-1]


def test_distributions_describe_the_files(description: Graph, release: Path,
                                          seed_settings: Settings) -> None:
    g, base = description, seed_settings.base_iri
    dataset = URIRef(base + "dataset")
    assert set(g.objects(dataset, DCAT.distribution)) == {
        URIRef(f"{base}distribution/{name}") for name in DUMPS}
    for name, (media, file_type) in DUMPS.items():
        dist, body = URIRef(f"{base}distribution/{name}"), (release / name).read_bytes()
        assert g.value(dist, DCAT.downloadURL) == URIRef(f"{base}download/{name}")
        assert g.value(dist, DCAT.byteSize) == Literal(len(body),
                                                       datatype=XSD.nonNegativeInteger)
        checksum = g.value(dist, SPDX.checksum)
        assert g.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        assert str(g.value(checksum, SPDX.checksumValue)) == hashlib.sha256(body).hexdigest()
        media_iri = g.value(dist, DCAT.mediaType)
        assert media_iri == URIRef(f"https://www.iana.org/assignments/media-types/{media}")
        assert (media_iri, RDF.type, DCTERMS.MediaType) in g
        assert g.value(dist, DCTERMS["format"]) == URIRef(f"{EU}file-type/{file_type}")


def test_another_base_and_two_jurisdictions(tmp_path: Path, shapes: Graph,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """IRIs follow the base; regulations of two jurisdictions give both, and the period
    spans them; SOURCE_DATE_EPOCH fixes dct:modified."""
    data = data_dir_with(tmp_path, FIXTURES / "mini")
    (data / "other.txt").write_bytes((data / "mini.txt").read_bytes())
    (data / "annotations" / "other.toml").write_bytes(
        (data / "annotations" / "mini.toml").read_bytes())
    (data / "other.meta.toml").write_text(
        'title_zh = "另一示范条例"\ntitle_en = "Other Model Regulations"\n'
        'jurisdiction_zh = "北京市"\njurisdiction_en = "Beijing"\njurisdiction_id = "beijing"\n'
        "date_document = 2019-03-05\nfirst_date_entry_in_force = 2019-07-01\n",
        encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    base = "https://example.org/kg/"
    settings = Settings(data_dir=data, build_dir=tmp_path / "build", base_iri=base)
    pipeline.run(settings)
    g = Graph().parse(store.current(settings.build_dir) / "dataset.ttl", format="turtle")
    assert [r for r in results(g, shapes) if r[0] == "Violation"] == []
    dataset = URIRef(base + "dataset")
    assert (URIRef(base + "catalog"), DCAT.dataset, dataset) in g
    assert set(g.objects(dataset, DCTERMS.spatial)) == {
        URIRef(base + "jurisdiction/guangdong"), URIRef(base + "jurisdiction/beijing"),
        URIRef(EU + "country/CHN")}
    period = g.value(dataset, DCTERMS.temporal)
    assert (str(g.value(period, DCAT.startDate)), str(g.value(period, DCAT.endDate))) == (
        "2019-03-05", "2026-01-01")
    assert str(g.value(dataset, DCTERMS.modified)) == "2026-01-01"
    assert {str(k) for k in g.objects(dataset, DCAT.keyword)} >= {"北京市", "Beijing"}
