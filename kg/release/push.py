"""Push a release into an external triple store over the SPARQL 1.1 Graph Store Protocol.

Each named graph of the release (one per regulation, plus lexicon, ontology and
inferred) is sent with one HTTP PUT to ``ENDPOINT?graph=IRI`` as N-Triples. A PUT
replaces the graph as a whole, so every graph is swapped atomically by the server:
a reader sees the old graph or the new one, never a mix. Graphs under the base's
``graph/`` that the release no longer has are removed with DELETE when `prune` is set.
Credentials, when given, answer HTTP Basic or Digest challenges (Virtuoso's
``/sparql-graph-crud-auth`` asks for Digest).
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph

from kg.errors import KGError
from kg.release import store

NT_TYPE = "application/n-triples"


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


def graphs_of(release: Path) -> dict[str, bytes]:
    """Each named graph of a release as N-Triples (from its N-Quads dump)."""
    grouped: dict[str, list[pyoxigraph.Triple]] = defaultdict(list)
    for quad in pyoxigraph.parse(path=str(release / store.NQUADS),
                                 format=pyoxigraph.RdfFormat.N_QUADS):
        grouped[quad.graph_name.value].append(pyoxigraph.Triple(*quad.triple))
    return {g: pyoxigraph.serialize(t, format=pyoxigraph.RdfFormat.N_TRIPLES)
            for g, t in sorted(grouped.items())}


def graph_url(endpoint: str, graph: str) -> str:
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"


def opener(endpoint: str, auth: tuple[str, str] | None) -> urllib.request.OpenerDirector:
    """An HTTP opener that answers the endpoint's Basic or Digest challenge with `auth`."""
    if auth is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, endpoint, *auth)
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords),
                                       urllib.request.HTTPBasicAuthHandler(passwords))


def _send(http: urllib.request.OpenerDirector, method: str, url: str, body: bytes | None,
          timeout: float) -> int:
    headers = {"Content-Type": NT_TYPE} if body is not None else {}
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with http.open(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        if method == "DELETE" and exc.code == 404:
            return 404
        detail = exc.read(300).decode("utf-8", "replace").strip()
        raise PushError(f"{method} {url}: HTTP {exc.code} {detail}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise PushError(f"{method} {url}: {getattr(exc, 'reason', exc)}") from None


def push(release: Path, endpoint: str, timeout: float = 60.0,
         prune_under: str | None = None, existing: list[str] | None = None,
         auth: tuple[str, str] | None = None) -> PushReport:
    """PUT every named graph of `release`; with `prune_under` (a graph IRI prefix) and
    the list of graphs `existing` on the server, DELETE the ones the release lacks.
    `auth` is (user, password) for a store that asks for them."""
    report = PushReport(endpoint)
    http = opener(endpoint, auth)
    graphs = graphs_of(release)
    for graph, body in graphs.items():
        _send(http, "PUT", graph_url(endpoint, graph), body, timeout)
        report.graphs[graph] = body.count(b"\n")
    for graph in existing or []:
        if prune_under and graph.startswith(prune_under) and graph not in graphs:
            _send(http, "DELETE", graph_url(endpoint, graph), None, timeout)
            report.removed.append(graph)
    return report
