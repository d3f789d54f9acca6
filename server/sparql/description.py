"""The SPARQL Service Description of this endpoint (an RDF graph)."""

from __future__ import annotations

import pyoxigraph
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.namespaces import DG
from kg.query.formats import GRAPH_TYPES, RDFLIB_FORMATS, RESULT_TYPES, W3C_FORMATS
from server.linkeddata import catalogue
from server.runtime.protocol import QueryRuntime

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")


def describe(runtime: QueryRuntime, endpoint: str, base: str) -> Graph:
    """The service description, with what the catalogue says of <base>sparql#service,
    the IRI by which the DCAT-AP catalogue names this service (so it dereferences)."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("dg", DG)
    service = URIRef(endpoint)
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, service))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    g.add((service, RDFS.comment, Literal(
        "Read-only. SERVICE, Update, LOAD and CLEAR are refused. The default graph is "
        "the union of all graphs unless the request names a dataset.", lang="en")))
    for fmt in dict.fromkeys([*RESULT_TYPES.values(), *GRAPH_TYPES.values()]):
        g.add((service, SD.resultFormat, FORMATS[W3C_FORMATS[fmt]]))
    _limits(g, service, runtime)
    root = endpoint.rsplit("/sparql", 1)[0]  # issue 6: downloads (DCAT/VoID) and REST API
    for link in ("/download/", "/download/dataset.ttl", "/api/openapi.json"):
        g.add((service, RDFS.seeAlso, URIRef(root + link)))
    _dataset(g, service, runtime.release.graphs)
    said = catalogue.service_triples(runtime, base)
    if said:
        g.parse(data=pyoxigraph.serialize(said, format=pyoxigraph.RdfFormat.N_TRIPLES),
                format="nt")
        g.bind("dcat", "http://www.w3.org/ns/dcat#")
    return g


def _limits(g: Graph, service: URIRef, runtime: QueryRuntime) -> None:
    opts = runtime.options
    g.add((service, DG.queryTimeLimitSeconds, Literal(opts.timeout, datatype=XSD.decimal)))
    g.add((service, DG.resultRowCap, Literal(opts.max_rows)))
    g.add((service, DG.resultByteCap, Literal(opts.max_bytes)))
    g.add((service, DG.release, Literal(runtime.release.name)))


def _dataset(g: Graph, service: URIRef, graphs: tuple[str, ...]) -> None:
    dataset, default = BNode(), BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    g.add((default, RDFS.comment, Literal("the union of all named graphs", lang="en")))
    for name in graphs:
        named = BNode()
        g.add((dataset, SD.namedGraph, named))
        g.add((named, RDF.type, SD.NamedGraph))
        g.add((named, SD.name, URIRef(name)))


def serialize(g: Graph, fmt: str) -> bytes:
    return g.serialize(format=RDFLIB_FORMATS[fmt], encoding="utf-8")
