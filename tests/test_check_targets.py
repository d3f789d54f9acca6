"""SPARQL targets are answered by Oxigraph (kg/check/targets.py): the same rows, with
the same terms, as rdflib's own engine gives, and other query forms left to rdflib."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from kg.check import targets
from kg.check.validate import DataGraph

EX = "https://example.org/"
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
TRIPLES = [
    (URIRef(EX + "a"), URIRef(EX + "text"), Literal("第一条　本条例", lang="zh")),
    (URIRef(EX + "a"), URIRef(EX + "ordinal"), Literal(1)),
    (URIRef(EX + "b"), URIRef(EX + "ordinal"), Literal(3)),
    (URIRef(EX + "b"), URIRef(EX + "exact"), Literal("本条例")),
    (URIRef(EX + "c"), URIRef(EX + "date"), Literal("2024-05-01", datatype=XSD_DATE)),
]
GAP = f"""SELECT DISTINCT ?this ?n WHERE {{
    ?this <{EX}ordinal> ?n . FILTER (?n > 1) BIND (?n - 1 AS ?before)
    OPTIONAL {{ ?previous <{EX}ordinal> ?before }} FILTER (!BOUND(?previous)) }}"""
ANY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


def _rows(result: object) -> set[tuple]:
    return {tuple(row) for row in result}


def test_a_target_gives_the_rows_and_terms_rdflib_gives() -> None:
    reference = Graph()
    for triple in TRIPLES:
        reference.add(triple)
    data = DataGraph(TRIPLES)
    for query in (GAP, ANY):
        assert _rows(data.query(query)) == _rows(reference.query(query))
    assert _rows(data.query(GAP)) == {(URIRef(EX + "b"), Literal(3))}


def test_an_ask_is_left_to_rdflib() -> None:
    data = DataGraph(TRIPLES)
    assert data.query(f"ASK {{ ?s <{EX}exact> ?o }}").askAnswer is True
    assert data.query(f"ASK {{ ?s <{EX}missing> ?o }}").askAnswer is False


def _shapes(*queries: str) -> Graph:
    shapes = Graph()
    for n, query in enumerate(queries):
        shapes.add((URIRef(f"{EX}shape{n}"), URIRef("http://www.w3.org/ns/shacl#select"),
                    Literal(query)))
    return shapes


def test_a_target_store_holds_only_the_properties_the_queries_name() -> None:
    """A regulation's data graph is mostly dg:appliesTo triples no target reads: only
    the named properties (and rdf:type, for `a`) are copied, and the rows stay the same."""
    queried = targets.queried(_shapes(GAP))
    assert queried == {URIRef(EX + "ordinal")}
    data = DataGraph(TRIPLES)
    data.queried = queried
    assert _rows(data.query(GAP)) == {(URIRef(EX + "b"), Literal(3))}
    assert len(data._engine()._store) == 2  # the two dg:ordinal triples


def test_a_query_that_may_read_any_property_keeps_the_whole_graph() -> None:
    assert targets.queried(_shapes(GAP, ANY)) is None
    assert targets.queried(_shapes(f"SELECT ?s WHERE {{ ?s !<{EX}text> ?o }}")) is None
    assert targets.queried(_shapes("SELECT ?s WHERE { ?s unknown:p ?o }")) is None
    assert targets.queried(_shapes('SELECT ?s WHERE { ?s dg:text "a:b" FILTER(?s != ?o) }')
                           ) == {URIRef("https://w3id.org/dutygraph/ontology#text")}
