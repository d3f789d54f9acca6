"""Push a release into an external triple store over the SPARQL 1.1 Graph Store Protocol.

Each named graph of the release (one per regulation, plus lexicon, ontology and
inferred) is sent with one HTTP PUT to ``ENDPOINT?graph=IRI`` as N-Triples. A PUT
replaces the graph as a whole, so every graph is swapped atomically by the server:
a reader sees the old graph or the new one, never a mix. A graph larger than one
request (16 MB: at corpus size the inferred graph is 6 GB) is a PUT of its first
piece and POSTs of the rest, so a reader may see it part-way while it is pushed.
Graphs under the base's ``graph/`` that the release no longer has are removed with
DELETE when `prune` is set.
Credentials, when given, answer HTTP Basic or Digest challenges (Virtuoso's
``/sparql-graph-crud-auth`` asks for Digest).
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import requests

from kg.errors import KGError
from kg.release import incremental, parts, store

NT_TYPE = "application/n-triples"
PROBE_GRAPH = "urn:dutygraph:push:probe"  # asked for (GET, empty) to learn the challenge


class PushError(KGError):
    """The graph store refused a graph or could not be reached."""


@dataclass
class PushReport:
    endpoint: str
    graphs: dict[str, int] = field(default_factory=dict)  # graph IRI → triples sent
    removed: list[str] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def graphs_of(release: Path) -> dict[str, int]:
    """Each named graph of a release with its triples, from the index of its N-Quads."""
    return {graph: entry[2] for graph, entry in sorted(incremental.read_index(release).items())}


def bodies(release: Path, graph: str, entry: list) -> Iterator[bytes]:
    """A graph's triples as N-Triples, in pieces of whole lines of about parts.PIECE
    bytes, read from the release's N-Quads by the byte range its index ``entry`` gives
    (the corpus's inferred graph is 6 GB)."""
    with (release / store.NQUADS).open("rb") as nquads:
        nquads.seek(entry[0])
        for piece in parts.whole_lines(nquads, entry[1]):
            yield incremental.without_graph(piece, graph)


def graph_url(endpoint: str, graph: str) -> str:
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"


def session(endpoint: str, auth: tuple[str, str] | None, timeout: float) -> requests.Session:
    """An HTTP session that sends `auth` with every request, in the scheme the endpoint's
    challenge names. It is learnt first, without a body: a large PUT that meets a 401
    would be cut off by the server (Virtuoso closes the connection: a broken pipe)."""
    http = requests.Session()
    if auth is None:
        return http
    probe = graph_url(endpoint, PROBE_GRAPH)
    challenge = _send(http, "GET", probe, None, timeout, expect_401=True)
    if challenge.lower().startswith("digest"):
        http.auth = requests.auth.HTTPDigestAuth(*auth)
        _send(http, "GET", probe, None, timeout)  # the nonce: later requests carry it
    else:
        http.auth = requests.auth.HTTPBasicAuth(*auth)
    return http


def _send(http: requests.Session, method: str, url: str, body: bytes | None, timeout: float,
          expect_401: bool = False) -> str:
    """The request's status (its challenge when `expect_401`); PushError when refused."""
    headers = {"Content-Type": NT_TYPE} if body is not None else {}
    try:
        response = http.request(method, url, data=body, headers=headers, timeout=timeout)
    except requests.RequestException as exc:
        raise PushError(f"{method} {url}: {exc}") from None
    if expect_401 and response.status_code == 401:
        return response.headers.get("WWW-Authenticate", "")
    if response.status_code >= 400 and not (method in ("DELETE", "GET")
                                             and response.status_code == 404):
        detail = response.text[:300].strip()
        raise PushError(f"{method} {url}: HTTP {response.status_code} {detail}")
    return str(response.status_code)


def push(release: Path, endpoint: str, timeout: float = 60.0,
         prune_under: str | None = None, existing: list[str] | None = None,
         auth: tuple[str, str] | None = None) -> PushReport:
    """PUT every named graph of `release`; with `prune_under` (a graph IRI prefix) and
    the list of graphs `existing` on the server, DELETE the ones the release lacks.
    `auth` is (user, password) for a store that asks for them."""
    report = PushReport(endpoint)
    http = session(endpoint, auth, timeout)
    graphs = incremental.read_index(release)
    for graph, entry in sorted(graphs.items()):
        _send_graph(http, graph_url(endpoint, graph), release, graph, entry, timeout)
        report.graphs[graph] = entry[2]
    for graph in existing or []:
        if prune_under and graph.startswith(prune_under) and graph not in graphs:
            _send(http, "DELETE", graph_url(endpoint, graph), None, timeout)
            report.removed.append(graph)
    return report


def _send_graph(http: requests.Session, url: str, release: Path, graph: str, entry: list,
                timeout: float) -> None:
    """PUT a graph's first piece (replacing the graph; an empty one empties it), then
    POST the others (added to it). Blank nodes are scoped to one request, so a graph
    that holds them must fit in one piece (only the ontology has any, a few
    kilobytes): that is checked before anything is sent."""
    if entry[1] > parts.PIECE and any(b"_:" in p for p in bodies(release, graph, entry)):
        raise PushError(f"{url}: a graph with blank nodes is larger than one request")
    sent = False
    for body in bodies(release, graph, entry):
        _send(http, "POST" if sent else "PUT", url, body, timeout)
        sent = True
    if not sent:
        _send(http, "PUT", url, b"", timeout)
