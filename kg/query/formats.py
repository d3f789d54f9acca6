"""Every MIME and format table, once, as plain data (kg query, the server, the pages).

A format has a short name ("json", "turtle" …). Each `*_TYPES` table maps media
types to names for Accept negotiation; its first entry is the default for an absent
Accept or `*/*`. The server negotiates over these tables (server/http/formats.py);
the query workers and `kg query` serialise with the pyoxigraph formats below.
"""

from __future__ import annotations

import pyoxigraph

# SELECT / ASK results.
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}

# CONSTRUCT / DESCRIBE results and linked-data twins.
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/turtle": "turtle",          # SPARQLWrapper alias
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/ld+json": "jsonld",
    "application/x-json+ld": "jsonld",       # SPARQLWrapper alias
    "application/json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
}

HTML_TYPES: dict[str, str] = {"text/html": "html", "application/xhtml+xml": "html"}

# Pages and listings with a plain JSON twin; the REST API's rows.
PAGE_TYPES: dict[str, str] = {**HTML_TYPES, "application/json": "plainjson"}
ROWS_TYPES: dict[str, str] = {"application/json": "plainjson", "text/csv": "csv"}

# The Content-Type sent for each format name.
CONTENT_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "html": "text/html; charset=utf-8",
    "plainjson": "application/json",
    "text": "text/plain; charset=utf-8",
}

# What a SPARQL 1.1 Protocol request may POST.
FORM_TYPE = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"

# `format=` / `output=` / `results=` values (SPARQLWrapper and friends).
FORMAT_ALIASES: dict[str, str] = {
    "json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv",
    "turtle": "turtle", "ttl": "turtle", "n3": "turtle",
    "nt": "ntriples", "ntriples": "ntriples", "n-triples": "ntriples",
    "jsonld": "jsonld", "json-ld": "jsonld", "rdfxml": "rdfxml", "rdf": "rdfxml",
    "rdf+xml": "rdfxml", "html": "html",
}

# The file extension of each RDF twin (linked data `?format=`, page twins `.ttl`).
EXTENSIONS: dict[str, str] = {"turtle": "ttl", "jsonld": "jsonld", "ntriples": "nt",
                              "rdfxml": "rdf"}

# W3C format IRIs (http://www.w3.org/ns/formats/…) for the service description.
W3C_FORMATS: dict[str, str] = {
    "json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV", "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle", "ntriples": "N-Triples", "jsonld": "JSON-LD", "rdfxml": "RDF_XML"}

# rdflib's serializer names, for the graphs the server builds with rdflib.
RDFLIB_FORMATS: dict[str, str] = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld",
                                  "rdfxml": "xml"}

RESULT_FORMATS = {"json": pyoxigraph.QueryResultsFormat.JSON,
                  "xml": pyoxigraph.QueryResultsFormat.XML,
                  "csv": pyoxigraph.QueryResultsFormat.CSV,
                  "tsv": pyoxigraph.QueryResultsFormat.TSV}
GRAPH_FORMATS = {"turtle": pyoxigraph.RdfFormat.TURTLE,
                 "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
                 "rdfxml": pyoxigraph.RdfFormat.RDF_XML,
                 "jsonld": pyoxigraph.RdfFormat.JSON_LD}


def media_type(fmt: str) -> str:
    """The bare media type of a format name (its Content-Type without parameters)."""
    return CONTENT_TYPES[fmt].split(";", 1)[0]
