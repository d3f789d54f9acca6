"""Serve /sparql and the pages from an external SPARQL engine (`kg serve --backend URL`).

Fuseki, GraphDB, Virtuoso or `oxigraph serve`, loaded with `kg push`, answer the
queries; this server keeps every rule of the embedded endpoint:
- SERVICE, Update, LOAD and CLEAR are refused by /sparql before anything is sent
  (server/sparql.py, unchanged); only the query operation ever goes out, by POST;
- the wall-clock limit holds: past it the answer is 503 with Retry-After, whatever
  the remote does (the request runs in a thread and is abandoned);
- the remote body is read with a bound, parsed, checked against the row and byte
  caps and re-serialised here in the format asked for (server/worker.py's code), so a
  cut-off or malformed remote answer is an error, never a 200.
The remote default graph must be the union of its named graphs, as in the embedded
store (`oxigraph serve --union-default-graph`, Fuseki `tdb2:unionDefaultGraph true`).
"""

from __future__ import annotations

import urllib.error
import warnings
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from kg.config import Settings
from kg.errors import KGError
from server.analysis import analyse
from server.backend import ServeOptions, make_job
from server.cache import ResultCache
from server.pool import PoolBusy, QueryTimeout
from server.worker import CapExceeded, Job, _checked, _graph, _solutions

READ_FACTOR = 4  # the remote body may be this much larger than the byte cap (format overhead)
RESULTS = pyoxigraph.QueryResultsFormat.JSON
GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"


class RemoteError(KGError):
    """The external SPARQL engine cannot be reached or answered badly."""


class _Triples(list):
    """A list of triples that serialises like pyoxigraph's QueryTriples."""

    def serialize(self, output: object = None, format: object = None) -> bytes | None:
        return pyoxigraph.serialize(self, output, format=format)


def fetch(url: str, job: Job, timeout: float) -> bytes:
    """The remote's raw answer (JSON results or Turtle), read with a bound."""
    client = SPARQLWrapper(url, agent="dutygraph")
    client.setMethod(POST)
    with warnings.catch_warnings():  # SPARQLWrapper warns on query types it cannot tell
        warnings.simplefilter("ignore")
        client.setQuery(job.query)
    # our own analysis decides (SPARQLWrapper's guess can take a query for an update,
    # which would send it as `update=`); /sparql has refused every update already
    client.queryType = analyse(job.query).form or "SELECT"
    client.setReturnFormat(TURTLE if is_graph(job.query) else JSON)
    client.setTimeout(max(1, int(timeout + 1)))
    for graph in job.default_graph or ():
        client.addDefaultGraph(graph)
    for graph in job.named_graphs or ():
        client.addNamedGraph(graph)
    response = client.query().response
    limit = job.max_bytes * READ_FACTOR
    body = response.read(limit + 1)
    if len(body) > limit:
        raise CapExceeded(f"the result is larger than {job.max_bytes} bytes")
    return body


def convert(body: bytes, job: Job, graph: bool) -> bytes:
    """The remote body re-serialised in the job's format, within the caps."""
    from kg.query.stores import RESULT_FORMATS

    if graph:
        triples = _Triples(pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.TURTLE))
        return _graph(triples, job)
    result = pyoxigraph.parse_query_results(body, format=RESULTS)
    if isinstance(result, pyoxigraph.QueryBoolean):
        return _checked(result.serialize(format=RESULT_FORMATS[job.fmt]), job)
    return _solutions(result, job)


def answer(url: str, job: Job, timeout: float) -> tuple[str, object]:
    """("ok", body) or ("syntax" | "cap" | "error", message), as a query worker answers."""
    try:
        return "ok", convert(fetch(url, job, timeout), job, is_graph(job.query))
    except QueryBadFormed as exc:
        return "syntax", _short(exc)
    except CapExceeded as exc:
        return "cap", str(exc)
    except (SPARQLWrapperException, urllib.error.URLError, OSError, SyntaxError,
            ValueError) as exc:
        return "error", type(exc).__name__


def _short(exc: Exception) -> str:
    text = str(exc).split("Response:", 1)[-1].strip()
    if text.startswith(("b'", 'b"')):
        text = text[2:-1]
    return text.splitlines()[-1][:300] if text else "bad query"


def is_graph(query: str) -> bool:
    return analyse(query).is_graph


class RemotePool:
    """The worker pool's interface, over threads that call the remote engine."""

    def __init__(self, url: str, size: int) -> None:
        self.url = url
        self.size = max(2, size * 4)
        self._threads = ThreadPoolExecutor(self.size, thread_name_prefix="dutygraph-remote")
        self.killed = 0

    def run(self, job: Job, timeout: float) -> tuple[str, object]:
        if self._threads._work_queue.qsize() > self.size:  # a bounded queue
            raise PoolBusy("every remote query slot is busy")
        future = self._threads.submit(answer, self.url, job, timeout)
        try:
            return future.result(timeout=timeout)
        except FutureTimeout:
            self.killed += 1
            future.cancel()
            raise QueryTimeout(f"the query ran longer than {timeout:g} s") from None

    def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)

    def pids(self) -> list[int]:
        return []


def remote_graphs(url: str, timeout: float = 10.0) -> list[str]:
    """The named graphs of the remote dataset. Raises RemoteError when unreachable."""
    status, body = answer(url, Job(GRAPHS_QUERY, "tsv"), timeout)
    if status != "ok":
        raise RemoteError(f"{url}: the SPARQL endpoint does not answer ({body})")
    assert isinstance(body, bytes)
    lines = body.decode("utf-8").splitlines()[1:]
    return sorted(line.strip()[1:-1] for line in lines if line.startswith("<"))


@dataclass
class RemoteBackend:
    """Backend's interface (server/backend.py) over an external SPARQL engine."""

    settings: Settings
    options: ServeOptions
    url: str
    release: Path = field(init=False)
    manifest: dict = field(init=False)
    graphs: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.release = Path(f"remote-{urlsplit(self.url).netloc}")
        self.manifest = {"backend": self.url}
        self.graphs = remote_graphs(self.url, self.options.timeout)
        self.pool = RemotePool(self.url, self.options.workers)
        self.cache = ResultCache(self.options.cache_bytes)

    def job(self, query: str, fmt: str, **dataset: object) -> Job:
        return make_job(self.options, query, fmt, **dataset)

    def close(self) -> None:
        self.pool.close()


class RemoteStore:
    """The part of pyoxigraph.Store the pages use (`query`), over the remote engine."""

    def __init__(self, url: str, timeout: float = 30.0) -> None:
        self.url, self.timeout = url, timeout

    def query(self, text: str, **_options: object) -> object:
        job = Job(text, "json", max_rows=1_000_000, max_bytes=256 << 20)
        graph = is_graph(text)
        try:
            body = fetch(self.url, job, self.timeout)
        except (SPARQLWrapperException, urllib.error.URLError, OSError) as exc:
            raise RemoteError(f"{self.url}: {type(exc).__name__}") from None
        if graph:
            return _Triples(pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.TURTLE))
        return pyoxigraph.parse_query_results(body, format=RESULTS)


def remote_app(settings: Settings, options: ServeOptions, url: str) -> object:
    """The app of `create_app`, with /sparql, the API and the pages on the remote engine."""
    from server import create_app

    app = create_app(settings, options, backend=RemoteBackend(settings, options, url))
    app.config["PAGES_STORE"] = RemoteStore(url, options.timeout * 3)
    return app
