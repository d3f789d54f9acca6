"""Accept negotiation with q-values, and the query analysis that refuses SERVICE
and updates before evaluation (no server needed)."""

from __future__ import annotations

import pytest

from server.http import formats
from server.runtime.analysis import analyse


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv", "text/csv"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/*;q=0.9, application/json;q=0.1", "text/xml"),
    ("application/sparql-results+json;q=0, */*;q=0.1", "application/json"),
    ("TEXT/TAB-SEPARATED-VALUES; charset=utf-8", "text/tab-separated-values"),
    ("image/png", None),
    ("text/csv;q=0", None),
    ("garbage, text/csv;q=abc", None),
])
def test_negotiate_results(accept: str | None, expected: str | None) -> None:
    assert formats.negotiate(accept, formats.RESULT_TYPES) == expected


@pytest.mark.parametrize(("accept", "expected"), [
    ("application/turtle", "turtle"),
    ("application/x-json+ld", "jsonld"),
    ("application/rdf+xml;q=0.9, text/turtle;q=0.8", "rdfxml"),
    ("*/*", "turtle"),
])
def test_negotiate_graphs(accept: str, expected: str) -> None:
    media = formats.negotiate(accept, formats.GRAPH_TYPES)
    assert formats.GRAPH_TYPES[media] == expected


def test_browser_accept_prefers_html() -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    table = {**formats.GRAPH_TYPES, **formats.HTML_TYPES}
    assert table[formats.negotiate(browser, table)] == "html"


@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * { SERVICE SILENT <http://x/> { ?s ?p ?o } }",
    "select * { service ?endpoint { ?s ?p ?o } }",
    "SELECT * { { SELECT ?s { SERVICE <http://x/> { ?s ?p ?o } } } }",
    "SELECT * { OPTIONAL { GRAPH ?g { SERVICE<http://x/>{?s ?p ?o} } } }",
    "SELECT * { ?s ?p ?o .SERVICE <http://x/> {?a ?b ?c} }",
    "PREFIX s: <http://x/>\nSELECT * { # comment\n SeRvIcE s:e { ?s ?p ?o } }",
    "SELECT * { \\u0053ERVICE <http://x/> { ?s ?p ?o } }",
])
def test_service_is_found(query: str) -> None:
    assert analyse(query).uses_service


@pytest.mark.parametrize("query", [
    'SELECT * { ?s ?p "SERVICE <http://x/> { }" }',
    "SELECT * { ?s ?p '''\nSERVICE\n''' }",
    "SELECT * { ?s <http://example.org/SERVICE> ?o }",
    "PREFIX ex: <http://example.org/>\nSELECT * { ?s ex:SERVICE ?service }",
    "SELECT * { ?s ?p ?o } # SERVICE <http://x/>",
])
def test_service_in_strings_iris_and_comments_is_harmless(query: str) -> None:
    assert not analyse(query).uses_service


@pytest.mark.parametrize(("query", "form"), [
    ("ASK {}", "ASK"),
    ("PREFIX a: <http://a/> BASE <http://b/> construct { ?s ?p ?o } WHERE { ?s ?p ?o }",
     "CONSTRUCT"),
    ("# hi\nDESCRIBE <x>", "DESCRIBE"),
    ("SELECT (1 AS ?x) {}", "SELECT"),
])
def test_query_form(query: str, form: str) -> None:
    info = analyse(query)
    assert info.form == form and not info.is_update


@pytest.mark.parametrize("update", ["CLEAR ALL", "INSERT DATA { <a> <b> <c> }",
                                    "PREFIX a: <http://a/> DELETE WHERE { ?s ?p ?o }",
                                    "LOAD <http://example.org/x.ttl>", "DROP SILENT GRAPH <g>"])
def test_updates_are_recognised(update: str) -> None:
    assert analyse(update).is_update


def test_from_is_recognised_but_not_in_strings() -> None:
    assert analyse("SELECT * FROM <g> { ?s ?p ?o }").uses_from
    assert not analyse('SELECT * { ?s ?p "FROM" }').uses_from
