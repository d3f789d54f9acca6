"""A runner for the W3C result-format suites (json-res, csv-tsv-res) over HTTP.

Each test's data file is served in its own named graph (see live.w3c_data) and the
query names that graph with `default-graph-uri`, so the knowledge graph beside it
does not leak into `SELECT * { ?s ?p ?o }`. Blank-node labels are compared up to
renaming, in order of appearance, and CSV/TSV columns by name.

Oxigraph stores literals of numeric types by value (`"1.0E6"^^xsd:double` is kept
as `1000000`, `xsd:negativeInteger` as `xsd:integer`), so numeric CSV/TSV cells
are compared by numeric value, as SPARQL's `=` would compare them."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import requests
from rdflib import Graph, Literal, Namespace
from rdflib.collection import Collection
from rdflib.util import from_n3

from tests.w3c.live import SPARQL11, graph_for

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
ACCEPT = {".srj": "application/sparql-results+json", ".csv": "text/csv",
          ".tsv": "text/tab-separated-values"}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class Case:
    suite: str
    name: str
    query: Path
    data: Path
    result: Path


def load(suite: str) -> list[Case]:
    folder = SPARQL11 / suite
    g = Graph().parse(folder / "manifest.ttl", format="turtle")
    manifest = next(g.subjects(MF.entries, None))
    cases = []
    for entry in Collection(g, g.value(manifest, MF.entries)):
        action = g.value(entry, MF.action)
        cases.append(Case(suite, str(entry).rsplit("#", 1)[-1],
                          _local(g.value(action, QT.query)), _local(g.value(action, QT.data)),
                          _local(g.value(entry, MF.result))))
    return cases


def _local(iri: object) -> Path:
    return Path(str(iri).removeprefix("file://"))


def run(base: str, case: Case) -> requests.Response:
    params = {"query": case.query.read_text(encoding="utf-8"),
              "default-graph-uri": graph_for(case.suite, case.data.name)}
    return requests.get(base + "/sparql", params=params,
                        headers={"Accept": ACCEPT[case.result.suffix]}, timeout=10)


def normalise(suffix: str, body: str) -> object:
    if suffix == ".srj":
        return _json(json.loads(body))
    if suffix == ".csv":
        rows = list(csv.reader(io.StringIO(body)))
        return _bnodes([[_number(c) for c in r] for r in rows])
    rows = [line.split("\t") for line in body.splitlines() if line]
    return _bnodes([[_tsv_number(c) for c in r] for r in rows])


def _number(cell: str) -> str:
    try:
        return repr(float(cell))
    except ValueError:
        return cell


# a bare Turtle INTEGER, DECIMAL or DOUBLE (rdflib's from_n3 reads `1e+06` as a blank node)
TURTLE_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _tsv_number(cell: str) -> str:
    if cell.startswith(("<", "_:")) or cell == "":
        return cell
    if TURTLE_NUMBER.fullmatch(cell):
        return repr(float(cell))
    try:
        value = from_n3(cell)
    except Exception:
        return cell
    if isinstance(value, Literal) and isinstance(value.toPython(), int | float | Decimal):
        return repr(float(value.toPython()))
    return cell


def _json(doc: dict) -> object:
    if "boolean" in doc:
        return doc["boolean"]
    rows = []
    for binding in doc["results"]["bindings"]:
        row = {}
        for var, term in binding.items():
            term = dict(term)
            if term.get("datatype") == XSD_STRING:
                del term["datatype"]
            term["type"] = "literal" if term["type"] == "typed-literal" else term["type"]
            row[var] = tuple(sorted(term.items()))
        rows.append(row)
    names: dict[str, str] = {}
    for row in rows:
        for var, term in row.items():
            values = dict(term)
            if values["type"] == "bnode":
                values["value"] = names.setdefault(values["value"], f"b{len(names)}")
                row[var] = tuple(sorted(values.items()))
    return sorted(doc["head"]["vars"]), rows


def _bnodes(rows: list[list[str]]) -> object:
    """Rows as variable -> value mappings (column order is not significant)."""
    names: dict[str, str] = {}
    renamed = [[names.setdefault(c, f"_:b{len(names)}") if c.startswith("_:") else c for c in row]
               for row in rows]
    header = [h.removeprefix("?") for h in renamed[0]]
    return sorted(header), [sorted(zip(header, row, strict=True)) for row in renamed[1:]]
