"""The remote runtime: every reader answered by an external SPARQL engine
(`kg serve --backend URL`).

Fuseki, GraphDB, Virtuoso or `oxigraph serve`, loaded with `kg push`, answer the
queries; this server keeps every rule of the embedded endpoint:
- SERVICE, Update, LOAD and CLEAR are refused by /sparql before anything is sent
  (server/sparql/); only the query operation ever goes out, by POST;
- the wall-clock limit holds: past it the answer is 503 with Retry-After, whatever
  the remote does (the request runs in a thread and is abandoned);
- the remote body is read with a bound, parsed, checked against the row and byte
  caps and re-serialised here in the format asked for (the workers' serialise.py), so a
  cut-off or malformed remote answer is an error, never a 200.
The remote default graph must be the union of its named graphs, as in the embedded
store (`oxigraph serve --union-default-graph`, Fuseki `tdb2:unionDefaultGraph true`).
"""

from __future__ import annotations

import urllib.error
import warnings
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from urllib.parse import urlsplit

import pyoxigraph
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from kg.errors import KGError
from server.runtime.analysis import analyse
from server.runtime.cache import ResultCache
from server.runtime.jobs import (
    Answer,
    Failed,
    Job,
    Outcome,
    SyntaxProblem,
    TooLarge,
    Unavailable,
    Why,
)
from server.runtime.protocol import ReleaseInfo, ServeOptions, make_job, time_limit
from server.runtime.workers.serialise import CapExceeded, serialise

READ_FACTOR = 4  # the remote body may be this much larger than the byte cap (format overhead)
RESULTS = pyoxigraph.QueryResultsFormat.JSON
GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"
SLOTS_PER_WORKER = 4  # remote queries wait on the network, not on a CPU here


class RemoteError(KGError):
    """The external SPARQL engine cannot be reached or answered badly."""


def fetch(url: str, job: Job, timeout: float) -> bytes:
    """The remote's raw answer (JSON results or Turtle), read with a bound."""
    client = SPARQLWrapper(url, agent="dutygraph")
    client.setMethod(POST)
    with warnings.catch_warnings():  # SPARQLWrapper warns on query types it cannot tell
        warnings.simplefilter("ignore")
        client.setQuery(job.query)
    # our own analysis decides (SPARQLWrapper's guess can take a query for an update,
    # which would send it as `update=`); /sparql has refused every update already
    info = analyse(job.query)
    client.queryType = info.form or "SELECT"
    client.setReturnFormat(TURTLE if info.is_graph else JSON)
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


def convert(body: bytes, job: Job) -> bytes:
    """The remote body re-serialised in the job's format, within the caps."""
    if analyse(job.query).is_graph:
        return serialise(lambda: pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.TURTLE), job)
    return serialise(lambda: pyoxigraph.parse_query_results(body, format=RESULTS), job)


def ask(url: str, job: Job, timeout: float) -> Outcome:
    """The remote engine's answer to one job, as an outcome."""
    try:
        return Answer(convert(fetch(url, job, timeout), job))
    except QueryBadFormed as exc:
        return SyntaxProblem(_short(exc))
    except CapExceeded as exc:
        return TooLarge(str(exc))
    except (SPARQLWrapperException, urllib.error.URLError, OSError, SyntaxError,
            ValueError) as exc:
        return Failed(type(exc).__name__)


def _short(exc: Exception) -> str:
    text = str(exc).split("Response:", 1)[-1].strip()
    if text.startswith(("b'", 'b"')):
        text = text[2:-1]
    return text.splitlines()[-1][:300] if text else "bad query"


def remote_graphs(url: str, timeout: float = 10.0) -> list[str]:
    """The named graphs of the remote dataset. Raises RemoteError when unreachable."""
    outcome = ask(url, Job(GRAPHS_QUERY, "tsv"), timeout)
    if not isinstance(outcome, Answer):
        raise RemoteError(f"{url}: the SPARQL endpoint does not answer ({outcome})")
    lines = outcome.body.decode("utf-8").splitlines()[1:]
    return sorted(line.strip()[1:-1] for line in lines if line.startswith("<"))


class RemoteRuntime:
    """Threads that call the remote engine, a bounded queue, the time limit and the
    one answer cache. No syntax checker: the remote engine's dialect decides."""

    def __init__(self, options: ServeOptions, url: str) -> None:
        self.options, self.url = options, url
        self.cache = ResultCache(options.cache_bytes)
        self.slots = max(2, options.workers * SLOTS_PER_WORKER)
        self._threads = ThreadPoolExecutor(self.slots, thread_name_prefix="dutygraph-remote")
        self._release = self._read_release()
        self.killed = 0

    def _read_release(self) -> ReleaseInfo:
        graphs = remote_graphs(self.url, self.options.timeout)
        return ReleaseInfo(f"remote-{urlsplit(self.url).netloc}", None, tuple(graphs),
                           {"backend": self.url})

    @property
    def release(self) -> ReleaseInfo:
        return self._release

    def job(self, query: str, fmt: str, **dataset: object) -> Job:
        return make_job(self.options, query, fmt, **dataset)

    def answer(self, job: Job, timeout: float | None = None,
               presumed_cheap: bool = False) -> Outcome:
        cached = self.cache.get(job)
        if cached is not None:
            return Answer(cached)  # type: ignore[arg-type]
        outcome = self._run(job, time_limit(self.options, timeout))
        if isinstance(outcome, Answer):
            self.cache.put(job, outcome.body)
        return outcome

    def _run(self, job: Job, limit: float) -> Outcome:
        if self._threads._work_queue.qsize() > self.slots:  # a bounded queue
            return Unavailable(Why.BUSY)
        future = self._threads.submit(ask, self.url, job, limit)
        try:
            return future.result(timeout=limit)
        except FutureTimeout:
            self.killed += 1
            future.cancel()
            return Unavailable(Why.TIMEOUT, limit)

    def workers(self) -> int:
        return self.slots

    def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)
