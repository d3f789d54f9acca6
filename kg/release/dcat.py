"""The dataset's own description, written into each release at build time:

    dataset.ttl     a DCAT-AP 3.0.1 catalogue that a data portal can harvest (catalogue,
                    dataset, one distribution per dump, the SPARQL endpoint as a data
                    service) with the dataset's VoID statistics (void:triples, classes,
                    properties, one subset per named graph)
    context.jsonld  the published JSON-LD @context (prefixes and the dg: terms)

Stable IRIs under the base: <base>catalog, <base>dataset, <base>distribution/<file>
(downloaded from <base>download/<file>), <base>sparql#service; the publisher and contact
point are <base>catalog#publisher and <base>catalog#contact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from string import Template

import pyoxigraph
from rdflib import BNode, Graph, Literal, Namespace, URIRef

from kg.namespaces import DCAT, DCTERMS, DG, ELI, RDF, RDFS, SKOS, VOID, XSD
from kg.release.context import CONTEXT_FILE, context

SPDX = Namespace("http://spdx.org/rdf/terms#")
EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"
SPARQL_PROTOCOL = "https://www.w3.org/TR/sparql11-protocol/"
DATASET_FILE = "dataset.ttl"
MEDIA = {"dutygraph.nq": "application/n-quads", "dutygraph.trig": "application/trig",
         "dutygraph.ttl": "text/turtle", "dutygraph.jsonld": "application/ld+json"}
# The EU file-type authority's names, and a title
FORMATS = {"dutygraph.nq": ("file-type/RDF_N_QUADS", "N-Quads"),
           "dutygraph.trig": ("file-type/RDF_TRIG", "TriG"),
           "dutygraph.ttl": ("file-type/RDF_TURTLE", "Turtle"),
           "dutygraph.jsonld": ("file-type/JSON_LD", "JSON-LD")}
# The day the first DutyGraph release was built (dct:issued); dct:modified is each release's.
FIRST_ISSUED = dt.date(2026, 11, 26)

# What does not depend on the data; its long texts are in TEXTS.
FIXED = Template("""
@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix void: <http://rdfs.org/ns/void#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix spdx: <http://spdx.org/rdf/terms#> .
<${base}catalog> a dcat:Catalog ;
  dct:title "DutyGraph catalogue"@en, "法定职责知识图谱数据目录"@zh ;
  dct:publisher <${base}catalog#publisher> ; foaf:homepage <${base}> ;
  dct:license <${EU}licence/CC_BY_4_0> ; dct:language <${EU}language/ZHO>, <${EU}language/ENG> ;
  dct:spatial <${EU}country/CHN> ; dcat:themeTaxonomy <${EU}data-theme> ;
  dcat:dataset <${base}dataset> ; dcat:service <${base}sparql#service> .
<${base}dataset> a dcat:Dataset, void:Dataset ;
  dct:title "DutyGraph: legal duties in Chinese regulations"@en, "法定职责知识图谱"@zh ;
  dct:publisher <${base}catalog#publisher> ; dcat:contactPoint <${base}catalog#contact> ;
  dct:license <${EU}licence/CC_BY_4_0> ; dct:rights <${base}dataset#rights> ;
  dcat:theme <${EU}data-theme/JUST>, <${EU}data-theme/GOVE> ; dct:spatial <${EU}country/CHN> ;
  dct:language <${EU}language/ZHO>, <${EU}language/ENG> ;
  dct:conformsTo <${ontology}> ; dcat:landingPage <${base}> ;
  dcat:keyword "法规"@zh, "地方性法规"@zh, "法定职责"@zh, "义务"@zh, "知识图谱"@zh,
    "regulations"@en, "local regulations"@en, "legal duties"@en, "obligations"@en,
    "knowledge graph"@en ;
  void:sparqlEndpoint <${base}sparql> ; void:uriSpace "${base}" .
<${base}sparql#service> a dcat:DataService ;
  dct:title "DutyGraph SPARQL endpoint"@en, "法定职责知识图谱 SPARQL 查询服务"@zh ;
  dcat:endpointURL <${base}sparql> ; dcat:endpointDescription <${base}sparql> ;
  dcat:servesDataset <${base}dataset> ; dct:conformsTo <${sparql}> ;
  dct:publisher <${base}catalog#publisher> ; dcat:contactPoint <${base}catalog#contact> ;
  dct:license <${EU}licence/CC_BY_4_0> ; dcat:landingPage <${base}> .
# The official shapes check sh:class rdfs:Resource on endpoint URLs, which only a stated type meets.
<${base}sparql> a rdfs:Resource .
<${base}> a foaf:Document .
<${base}catalog#publisher> a foaf:Agent ; foaf:name "DutyGraph"@en, "法定职责知识图谱"@zh ;
  foaf:homepage <${base}> .
<${base}catalog#contact> a vcard:Kind, vcard:Organization ; vcard:fn "DutyGraph" ;
  vcard:hasURL <${base}> .
<${EU}licence/CC_BY_4_0> a dct:LicenseDocument ;
  rdfs:label "Creative Commons Attribution 4.0 International (CC BY 4.0)"@en ;
  rdfs:seeAlso <https://creativecommons.org/licenses/by/4.0/> .
<${base}dataset#rights> a dct:RightsStatement .
<${EU}data-theme> a skos:ConceptScheme ; dct:title "Data theme"@en .
<${EU}data-theme/JUST> a skos:Concept ; skos:inScheme <${EU}data-theme> ;
  skos:prefLabel "Justice, legal system and public safety"@en .
<${EU}data-theme/GOVE> a skos:Concept ; skos:inScheme <${EU}data-theme> ;
  skos:prefLabel "Government and public sector"@en .
<${EU}language/ZHO> a dct:LinguisticSystem . <${EU}language/ENG> a dct:LinguisticSystem .
<${EU}country/CHN> a dct:Location ; skos:prefLabel "China"@en, "中国"@zh .
<${ontology}> a dct:Standard ; dct:title "DutyGraph ontology"@en .
<${sparql}> a dct:Standard ; dct:title "SPARQL 1.1 Protocol"@en .
spdx:checksumAlgorithm_sha256 a spdx:ChecksumAlgorithm .
""")
# (resource under the base, property) -> (English, Chinese); {n} is the number of regulations
TEXTS = {
    ("dataset", DCTERMS.description): (
        "Who must, must not, may or is encouraged to do what in Chinese regulations ({n} in "
        "this release): norms with their addressees, the mechanisms and carriers they concern, "
        "each tied to the exact characters of the published text.",
        "中国法规（本版共 {n} 部）中谁应当、不得、可以或被鼓励做什么：规范及其义务主体、"
        "所涉机制与载体，每一项都对应到法规公布文本中的原文。"),
    ("catalog", DCTERMS.description): (
        "The datasets and data services of DutyGraph, a knowledge graph of legal duties "
        "in Chinese regulations.",
        "法定职责知识图谱的数据集和数据服务：中国法规中的法定职责。"),
    ("sparql#service", DCTERMS.description): (
        "A read-only SPARQL 1.1 Protocol endpoint over the whole graph; its default graph "
        "is the union of the named graphs.",
        "只读的 SPARQL 1.1 协议查询端点，默认图为全部命名图之并。"),
    # Chinese legislation is not subject to copyright (Copyright Law of the PRC, art. 5);
    # the project's own work is licensed CC BY 4.0.
    ("dataset#rights", RDFS.label): (
        "The regulation texts are Chinese legislation, which is not subject to copyright "
        "(Copyright Law of the People's Republic of China, article 5, item 1). The "
        "annotations, the graph built from them and this description are DutyGraph's work, "
        "licensed under CC BY 4.0.",
        "法规文本属于法律、法规，依《中华人民共和国著作权法》第五条第（一）项不适用该法。"
        "标注、据此构建的图谱及本描述为法定职责知识图谱的成果，以 CC BY 4.0 许可发布。"),
}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def release_date() -> dt.date:
    """The day of this release (dct:modified); SOURCE_DATE_EPOCH fixes it for a
    reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.date()


def _rows(db: pyoxigraph.Store, query: str) -> list[list]:
    prefixes = f"PREFIX dg: <{DG}> PREFIX eli: <{ELI}> PREFIX skos: <{SKOS}> "
    return [list(row) for row in db.query(prefixes + query, use_default_graph_as_union=True)]


def _count(db: pyoxigraph.Store, query: str) -> list[tuple[str, int]]:
    return [(row[0].value, int(row[1].value)) for row in _rows(db, query)]


def describe(db: pyoxigraph.Store, base: str, graphs: Mapping[str, int]) -> Graph:
    """The catalogue with its dataset and data service, as one graph: all but the
    distributions, which `write` adds once the files are written. ``graphs``: each
    named graph's quads."""
    g = Graph().parse(data=FIXED.substitute(base=base, EU=EU, ontology=str(DG)[:-1],
                                            sparql=SPARQL_PROTOCOL), format="turtle")
    (count,), = _rows(db, "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a dg:Regulation }")
    for (local, prop), (english, chinese) in TEXTS.items():
        g.add((URIRef(base + local), prop, Literal(english.format(n=count.value), lang="en")))
        g.add((URIRef(base + local), prop, Literal(chinese.format(n=count.value), lang="zh")))
    for prefix, ns in {"dcat": DCAT, "void": VOID, "dct": DCTERMS, "spdx": SPDX, "dg": DG,
                       "skos": SKOS, "eu": Namespace(EU)}.items():
        g.bind(prefix, ns, replace=True)
    catalog, dataset = URIRef(f"{base}catalog"), URIRef(f"{base}dataset")
    for node in (catalog, dataset):
        g.add((node, DCTERMS.issued, Literal(FIRST_ISSUED, datatype=XSD.date)))
        g.add((node, DCTERMS.modified, Literal(release_date(), datatype=XSD.date)))
    _jurisdictions(g, dataset, db)
    _period(g, dataset, db, URIRef(f"{base}dataset#period"))
    _statistics(g, dataset, db, graphs)
    return g


def _jurisdictions(g: Graph, dataset: URIRef, db: pyoxigraph.Store) -> None:
    """Each jurisdiction the regulations name is a dct:Location of the dataset; its
    names are keywords too."""
    for place, name in _rows(db, "SELECT DISTINCT ?j ?name WHERE { ?r a dg:Regulation ; "
                                 "eli:jurisdiction ?j OPTIONAL { ?j skos:prefLabel ?name } }"):
        node = URIRef(place.value)
        g.add((dataset, DCTERMS.spatial, node))
        g.add((node, RDF.type, DCTERMS.Location))
        if name is not None:
            label = Literal(name.value, lang=name.language)
            g.add((node, SKOS.prefLabel, label))
            g.add((dataset, DCAT.keyword, label))


def _period(g: Graph, dataset: URIRef, db: pyoxigraph.Store, period: URIRef) -> None:
    """From the earliest to the latest date of the regulations (adoption, entry into force)."""
    (start, end), = _rows(db, "SELECT (MIN(?d) AS ?start) (MAX(?d) AS ?end) WHERE { "
                              "?r a dg:Regulation ; "
                              "eli:date_document|eli:first_date_entry_in_force ?d }")
    if start is None:
        return
    g.add((dataset, DCTERMS.temporal, period))
    g.add((period, RDF.type, DCTERMS.PeriodOfTime))
    g.add((period, DCAT.startDate, Literal(start.value, datatype=XSD.date)))
    g.add((period, DCAT.endDate, Literal(end.value, datatype=XSD.date)))


def _distribution(g: Graph, dataset: URIRef, path: Path, base: str, digest: str) -> None:
    dist, url = URIRef(f"{base}distribution/{path.name}"), URIRef(f"{base}download/{path.name}")
    file_type, format_name = FORMATS[path.name]
    media, kind, checksum = URIRef(IANA + MEDIA[path.name]), URIRef(EU + file_type), BNode()
    for triple in ((dataset, DCAT.distribution, dist), (dataset, VOID.dataDump, url),
                   (dist, RDF.type, DCAT.Distribution),
                   (dist, DCTERMS.title, Literal(f"DutyGraph, {format_name}", lang="en")),
                   (dist, DCAT.accessURL, url),  # a direct download: the same as downloadURL
                   (dist, DCAT.downloadURL, url),
                   (dist, DCAT.mediaType, media), (media, RDF.type, DCTERMS.MediaType),
                   (dist, DCTERMS["format"], kind), (kind, RDF.type, DCTERMS.MediaTypeOrExtent),
                   (dist, DCTERMS.license, URIRef(f"{EU}licence/CC_BY_4_0")),
                   (dist, DCAT.byteSize,
                    Literal(path.stat().st_size, datatype=XSD.nonNegativeInteger)),
                   (dist, SPDX.checksum, checksum), (checksum, RDF.type, SPDX.Checksum),
                   (checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256),
                   (checksum, SPDX.checksumValue,
                    Literal(digest, datatype=XSD.hexBinary))):
        g.add(triple)


def _statistics(g: Graph, dataset: URIRef, db: pyoxigraph.Store,
                graphs: Mapping[str, int]) -> None:
    """VoID: the triples, by class, by property and by named graph (``graphs``: each
    graph's quads, as the release's index counts them)."""
    g.add((dataset, VOID.triples, Literal(sum(graphs.values()))))
    queries = {VOID.classPartition: ("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE "
                                     "{ ?s a ?c } GROUP BY ?c", VOID["class"], VOID.entities),
               VOID.propertyPartition: ("SELECT ?p (COUNT(*) AS ?n) WHERE "
                                        "{ GRAPH ?g { ?s ?p ?o } } GROUP BY ?p",
                                        VOID.property, VOID.triples)}
    for iri, count in sorted(graphs.items()):
        part = BNode()
        g.add((dataset, VOID.subset, part))
        g.add((part, DG.namedGraph, URIRef(iri)))
        g.add((part, VOID.triples, Literal(count)))
    for link, (query, key, measure) in queries.items():
        for iri, count in sorted(_count(db, query)):
            part = BNode()
            g.add((dataset, link, part))
            g.add((part, key, URIRef(iri)))
            g.add((part, measure, Literal(count)))
    g.add((dataset, VOID.classes, Literal(len(list(g.objects(dataset, VOID.classPartition))))))
    g.add((dataset, VOID.properties,
           Literal(len(list(g.objects(dataset, VOID.propertyPartition))))))


def write(release: Path, graph: Graph, base: str, files: list[str],
          digest: Callable[[Path], str] = sha256) -> list[str]:
    """Write the catalogue (`describe`) with a distribution for each of ``files`` as
    dataset.ttl, and context.jsonld, into a release folder; return their names.
    ``digest`` gives a file's SHA-256 (the release writer's, which hashes each once)."""
    dataset = URIRef(f"{base}dataset")
    for name in files:
        if name in MEDIA:
            _distribution(graph, dataset, release / name, base, digest(release / name))
    graph.serialize(release / DATASET_FILE, format="turtle", encoding="utf-8")
    (release / CONTEXT_FILE).write_text(json.dumps(context(base), ensure_ascii=False,
                                                   indent=2), encoding="utf-8")
    return [DATASET_FILE, CONTEXT_FILE]
