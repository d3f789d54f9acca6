"""SPARQL targets are answered by Oxigraph (kg/check/targets.py): the same rows, with
the same terms, as rdflib's own engine gives, and other query forms left to rdflib."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

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
