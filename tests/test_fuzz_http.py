"""HTTP fuzzing of a live `kg serve` with hypothesis: /sparql parameters and headers,
and resource paths. No 5xx except the designed 503, and the server keeps answering."""

from __future__ import annotations

import http.client
import shutil
import urllib.parse
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import servers
from kg.config import Settings

FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
QUERIES = ["ASK { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o } LIMIT 2",
           "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2", "DESCRIBE <https://w3id.org/dutygraph/>",
           "SELECT * WHERE {", "CLEAR ALL", "SELECT * { SERVICE ?x { ?s ?p ?o } }"]
PARAMS = ["query", "update", "default-graph-uri", "named-graph-uri", "format", "output",
          "results", "timeout", "callback", "page", "limit"]
HEADERS = ["Accept", "Content-Type", "Accept-Language", "Accept-Encoding", "Origin",
           "If-None-Match", "Range", "Transfer-Encoding", "Content-Length", "X-Forwarded-For"]
ACCEPTS = ["*/*", "text/turtle", "application/sparql-results+json", "text/csv",
           "application/ld+json", "text/html;q=0.1", "image/png", ";q=", "*/*;q=abc"]
text = st.text(max_size=80)
header_value = st.one_of(st.sampled_from(ACCEPTS), st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0x7e), max_size=60))


@pytest.fixture(scope="module")
def server(seed_settings: Settings, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[servers.Running]:
    build_dir = tmp_path_factory.mktemp("fuzz") / "build"
    shutil.copytree(seed_settings.build_dir, build_dir, symlinks=True)
    running = servers.start_kg(build_dir, timeout=2, workers=2)
    with servers.serving(running):
        yield running
    assert running.process.returncode == 0, "the server crashed"


def send(running: servers.Running, method: str, target: str, headers: dict[str, str],
         body: bytes | None = None) -> int:
    conn = http.client.HTTPConnection(servers.HOST, running.port, timeout=30)
    try:
        conn.putrequest(method, target, skip_accept_encoding=True)
        for name, value in headers.items():
            conn.putheader(name, value)
        if body is not None and "Content-Length" not in headers:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        response = conn.getresponse()
        response.read()
        return response.status
    except (http.client.HTTPException, ConnectionResetError):
        return 400  # the server may refuse a malformed request by closing it
    finally:
        conn.close()


def assert_designed(running: servers.Running, status: int) -> None:
    assert status < 500 or status == 503, status
    assert running.process.poll() is None, "the server died"


@FUZZ
@given(params=st.lists(st.tuples(st.sampled_from(PARAMS),
                                 st.one_of(st.sampled_from(QUERIES), text)), max_size=5),
       headers=st.dictionaries(st.sampled_from(HEADERS), header_value, max_size=3),
       method=st.sampled_from(["GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE"]))
def test_sparql_parameters_and_headers(server, params, headers, method) -> None:
    query = urllib.parse.urlencode(params)
    if method == "POST":
        headers.pop("Content-Length", None)
        headers.pop("Transfer-Encoding", None)
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        status = send(server, method, "/sparql", headers, query.encode())
    else:
        headers.pop("Transfer-Encoding", None)
        headers.pop("Content-Length", None)
        status = send(server, method, f"/sparql?{query}", headers)
    assert_designed(server, status)


@FUZZ
@given(body=st.one_of(st.sampled_from(QUERIES).map(str.encode), st.binary(max_size=200)),
       ctype=st.sampled_from(["application/sparql-query", "application/sparql-update",
                              "application/x-www-form-urlencoded", "text/plain",
                              "application/sparql-query; charset=latin-1", ""]))
def test_sparql_post_bodies(server, body, ctype) -> None:
    status = send(server, "POST", "/sparql", {"Content-Type": ctype}, body)
    assert_designed(server, status)


SEGMENTS = ["reg", "actor", "mechanism", "carrier", "ontology", "graph", "page", "static",
            "sparql", "gd-industrial-transfer", "art_9", "art_9__para_2", "..", ".", "%2e%2e",
            "%00", "~", "index.html", "favicon.ico", "a" * 300]


@FUZZ
@given(parts=st.lists(st.one_of(st.sampled_from(SEGMENTS), st.text(max_size=20).map(
           lambda s: urllib.parse.quote(s, safe=""))), min_size=1, max_size=5),
       fmt=st.one_of(st.none(), st.sampled_from(["ttl", "nt", "jsonld", "rdf", "html",
                                                  "xml", "", "../x"])),
       accept=header_value)
def test_resource_paths(server, parts, fmt, accept) -> None:
    target = "/" + "/".join(parts) + (f"?format={urllib.parse.quote(fmt)}" if fmt is not None
                                      else "")
    assert_designed(server, send(server, "GET", target, {"Accept": accept}))


def test_still_answers_after_the_fuzzing(server) -> None:
    assert servers.probe(server, "ASK { ?s ?p ?o } # after fuzzing") == 200
