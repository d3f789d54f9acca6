"""The dataset's own description, written into each release at build time:

    dataset.ttl     DCAT (dataset, one distribution per dump, SHA-256 checksums) and
                    VoID statistics (void:triples, classes, properties, one subset
                    per named graph), under the base IRI's download/ path
    context.jsonld  the published JSON-LD @context (prefixes and the dg: terms)
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph
from rdflib import BNode, Graph, Literal, Namespace, URIRef

from kg.namespaces import DCAT, DCTERMS, DG, PREFIXES, RDF, VOID, XSD

SPDX = Namespace("http://spdx.org/rdf/terms#")
DATASET_FILE = "dataset.ttl"
CONTEXT_FILE = "context.jsonld"
MEDIA = {"dutygraph.nq": "application/n-quads", "dutygraph.trig": "application/trig",
         "dutygraph.ttl": "text/turtle", "dutygraph.jsonld": "application/ld+json"}
_IDS = ("addressee", "promoter", "establishes", "concerns", "appliesTo", "source",
        "evidence", "within", "includes", "currentVersion")


def context(base: str) -> dict:
    """A JSON-LD @context: the prefixes, and dg: terms with their value types."""
    terms: dict[str, object] = {p: str(ns) for p, ns in PREFIXES.items()}
    terms["@base"] = base
    for name in _IDS:
        terms[name] = {"@id": f"dg:{name}", "@type": "@id"}
    terms.update(text={"@id": "dg:text", "@language": "zh"},
                 action={"@id": "dg:action", "@language": "zh"}, cue="dg:cue",
                 ordinal={"@id": "dg:ordinal", "@type": "xsd:integer"},
                 label={"@id": "skos:prefLabel", "@container": "@language"},
                 exact="oa:exact", start={"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
                 end={"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
                 isPartOf={"@id": "eli:is_part_of", "@type": "@id"})
    return {"@context": terms}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _count(db: pyoxigraph.Store, query: str) -> list[tuple[str, int]]:
    return [(row[0].value, int(row[1].value))
            for row in db.query(query, use_default_graph_as_union=True)]


def describe(release: Path, db: pyoxigraph.Store, base: str, files: list[str]) -> Graph:
    g = Graph()
    for prefix, ns in {"dcat": DCAT, "void": VOID, "dcterms": DCTERMS, "spdx": SPDX,
                       "dg": DG}.items():
        g.bind(prefix, ns)
    dataset = URIRef(f"{base}download/dataset")
    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, DCTERMS.title, Literal("DutyGraph: legal duties in Chinese regulations",
                                           lang="en")))
    g.add((dataset, DCTERMS.title, Literal("法定职责知识图谱", lang="zh")))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(f"{base}sparql")))
    g.add((dataset, VOID.uriSpace, Literal(base)))
    g.add((dataset, DCTERMS.conformsTo, URIRef(str(DG)[:-1])))
    for name in files:
        _distribution(g, dataset, release / name, f"{base}download/{name}")
    _statistics(g, dataset, db)
    return g


def _distribution(g: Graph, dataset: URIRef, path: Path, url: str) -> None:
    dist, checksum = URIRef(url + "#distribution"), BNode()
    g.add((dataset, DCAT.distribution, dist))
    g.add((dataset, VOID.dataDump, URIRef(url)))
    g.add((dist, RDF.type, DCAT.Distribution))
    g.add((dist, DCAT.downloadURL, URIRef(url)))
    g.add((dist, DCAT.mediaType, URIRef(
        f"https://www.iana.org/assignments/media-types/{MEDIA[path.name]}")))
    g.add((dist, DCAT.byteSize, Literal(path.stat().st_size, datatype=XSD.nonNegativeInteger)))
    g.add((dist, SPDX.checksum, checksum))
    g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    g.add((checksum, SPDX.checksumValue, Literal(sha256(path), datatype=XSD.hexBinary)))


def _statistics(g: Graph, dataset: URIRef, db: pyoxigraph.Store) -> None:
    (_, total), = _count(db, "SELECT ('all' AS ?x) (COUNT(*) AS ?n) WHERE "
                             "{ GRAPH ?g { ?s ?p ?o } }")
    g.add((dataset, VOID.triples, Literal(total)))
    queries = {VOID.classPartition: ("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE "
                                     "{ ?s a ?c } GROUP BY ?c", VOID["class"], VOID.entities),
               VOID.propertyPartition: ("SELECT ?p (COUNT(*) AS ?n) WHERE "
                                        "{ GRAPH ?g { ?s ?p ?o } } GROUP BY ?p",
                                        VOID.property, VOID.triples),
               VOID.subset: ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } "
                             "GROUP BY ?g", DG.namedGraph, VOID.triples)}
    for link, (query, key, measure) in queries.items():
        for iri, count in sorted(_count(db, query)):
            part = BNode()
            g.add((dataset, link, part))
            g.add((part, key, URIRef(iri)))
            g.add((part, measure, Literal(count)))
    g.add((dataset, VOID.classes, Literal(len(list(g.objects(dataset, VOID.classPartition))))))
    g.add((dataset, VOID.properties,
           Literal(len(list(g.objects(dataset, VOID.propertyPartition))))))


def write(release: Path, base: str, files: list[str], store_dir: str) -> list[str]:
    """Write dataset.ttl and context.jsonld into a release folder; return their names."""
    db = pyoxigraph.Store.read_only(str(release / store_dir))
    graph = describe(release, db, base, [f for f in files if f in MEDIA])
    del db
    graph.serialize(release / DATASET_FILE, format="turtle", encoding="utf-8")
    (release / CONTEXT_FILE).write_text(json.dumps(context(base), ensure_ascii=False,
                                                   indent=2), encoding="utf-8")
    return [DATASET_FILE, CONTEXT_FILE]
