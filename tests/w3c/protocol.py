"""A runner for the W3C SPARQL 1.1 Protocol manifest (ht:Request / mf:expected*)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from xml.etree import ElementTree

import requests
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection

from tests.w3c.live import SPARQL11

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
MANIFEST = SPARQL11 / "protocol" / "manifest.ttl"
BOOLEAN_TYPES = ("application/sparql-results+json", "application/sparql-results+xml")
TABULAR_TYPES = (*BOOLEAN_TYPES, "text/csv", "text/tab-separated-values")
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt",
             "application/rdf+xml": "xml", "application/ld+json": "json-ld"}


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: tuple[int, ...]      # acceptable status classes: 2, 3, 4, 5
    fmt: str | None
    boolean: bool | None


@dataclass(frozen=True)
class Case:
    name: str
    requests: tuple[Request, ...]

    @property
    def is_update(self) -> bool:
        return "update" in self.name


def load() -> list[Case]:
    g = Graph().parse(MANIFEST, format="turtle")
    manifest = next(g.subjects(MF.entries, None))
    entries = Collection(g, g.value(manifest, MF.entries))
    return [Case(str(e).rsplit("#", 1)[-1], _requests(g, e)) for e in entries]


def _requests(g: Graph, entry: URIRef) -> tuple[Request, ...]:
    action = g.value(entry, MF.action)
    return tuple(_request(g, r) for r in Collection(g, g.value(action, HT.requests)))


def _request(g: Graph, node: URIRef) -> Request:
    headers = {}
    if (header_list := g.value(node, HT.headers)) is not None:
        for h in Collection(g, header_list):
            headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
    body_node = g.value(node, HT.body)
    body = str(g.value(body_node, CNT.chars)).encode() if body_node is not None else None
    resp = g.value(node, HT.resp)
    statuses = tuple(sorted(int(str(s)[len(HTS)]) for s in g.objects(resp, MF.expectedStatus)))
    boolean = g.value(resp, MF.expectedBoolean)
    fmt = g.value(resp, MF.expectedFormat)
    return Request(str(g.value(node, HT.methodName)), str(g.value(node, HT.absolutePath)),
                   headers, body, statuses, str(fmt) if fmt else None,
                   None if boolean is None else boolean.toPython())


def send(base: str, req: Request) -> requests.Response:
    url = base + req.path.replace("/sparql/", "/sparql", 1)
    return requests.request(req.method, url, data=req.body, headers=req.headers, timeout=10)


def check(req: Request, response: requests.Response) -> list[str]:
    """Problems with a response to a query request (empty when it passes)."""
    problems = []
    if response.status_code // 100 not in req.statuses:
        problems.append(f"status {response.status_code}, expected {req.statuses}xx")
    ctype = response.headers.get("Content-Type", "").split(";")[0].strip()
    if req.fmt == "boolean":
        if ctype not in BOOLEAN_TYPES:
            problems.append(f"boolean as {ctype}")
        elif req.boolean is not None and parse_boolean(ctype, response.content) != req.boolean:
            problems.append(f"boolean is not {req.boolean}")
    elif req.fmt == "tabular" and ctype not in TABULAR_TYPES:
        problems.append(f"tabular as {ctype}")
    elif req.fmt == "RDF":
        if ctype not in RDF_TYPES:
            problems.append(f"RDF as {ctype}")
        else:
            Graph().parse(data=response.content, format=RDF_TYPES[ctype])
    return problems


def parse_boolean(ctype: str, body: bytes) -> bool:
    if ctype.endswith("json"):
        return json.loads(body)["boolean"]
    node = ElementTree.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean")
    return node is not None and node.text == "true"
