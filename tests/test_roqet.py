"""roqet (Rasqal, Debian's rasqal-utils) runs SELECT, ASK, CONSTRUCT and DESCRIBE against
a live `kg serve`. roqet asks every query with Accept: application/sparql-results+xml
and reads the answer by its Content-Type, so a graph query must not get a 406."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import requests
from rdflib import Graph

from kg.config import Settings
from tests.w3c import live
from tests.w3c.live import Live

ROQET = shutil.which("roqet")
DG = "https://w3id.org/dutygraph/"
COUNTY = f"<{DG}actor/receiving-area-county-government>"
QUERIES = {
    "select": f"SELECT ?norm WHERE {{ ?norm <{DG}ontology#appliesTo> {COUNTY} }} "
              "ORDER BY ?norm LIMIT 5",
    "ask": f"ASK {{ ?norm <{DG}ontology#appliesTo> {COUNTY} }}",
    "construct": f"CONSTRUCT {{ {COUNTY} ?p ?o }} WHERE {{ {COUNTY} ?p ?o }}",
    "describe": f"DESCRIBE {COUNTY}",
}


@pytest.fixture
def server(seed_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Live:
    return live.shared(seed_settings, tmp_path_factory)


def roqet(server: Live, query: str) -> subprocess.CompletedProcess:
    if ROQET is None:
        pytest.fail("roqet is not installed: `make system-deps` installs rasqal-utils")
    return subprocess.run([ROQET, "-p", server.url + "/sparql", "-e", query],
                          capture_output=True, text=True, timeout=60)


def test_roqet_select(server: Live) -> None:
    done = roqet(server, QUERIES["select"])
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("row:")]
    assert len(rows) == 5
    assert all(f"norm=uri<{DG}reg/gd-industrial-transfer/" in row for row in rows)


@pytest.mark.parametrize("form", ["ask", "construct", "describe"])
def test_roqet_other_forms_get_an_answer(server: Live, form: str) -> None:
    done = roqet(server, QUERIES[form])
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr and "406" not in done.stderr


@pytest.mark.parametrize("form", ["construct", "describe"])
def test_what_roqet_is_sent_for_a_graph_query_is_rdf_xml(server: Live, form: str) -> None:
    answer = requests.get(server.url + "/sparql", params={"query": QUERIES[form]},
                          headers={"Accept": "application/sparql-results+xml"}, timeout=30)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("application/rdf+xml")
    graph = Graph().parse(data=answer.content, format="xml")
    assert len(graph) > 10


def test_what_roqet_is_sent_for_ask_is_a_boolean(server: Live) -> None:
    answer = requests.get(server.url + "/sparql", params={"query": QUERIES["ask"]},
                          headers={"Accept": "application/sparql-results+xml"}, timeout=30)
    assert answer.status_code == 200 and "<boolean>true</boolean>" in answer.text
