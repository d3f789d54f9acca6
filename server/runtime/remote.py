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
store (`oxigraph serve --union-default-graph`, Fuseki `tdb2:unionDefaultGraph true`,
Virtuoso with its own graphs made private: bench/virtuoso.py).

Virtuoso's dialect, met here: it answers ASK as a one-column SELECT (`__ASK_RETVAL`, one
row when true, none when false); `GRAPH ?g {}` binds no graph there, and its
`SELECT DISTINCT ?g` shortcut names its private graphs too (GROUP BY does not).
"""

from __future__ import annotations

import re
import urllib.error
import warnings
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from urllib.parse import urlsplit

import pyoxigraph
from SPARQLWrapper import POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    QueryBadFormed,
    SPARQLWrapperException,
)

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
# SPARQL results are asked for as XML: Virtuoso writes JSON ten times slower (2.0 s
# against 0.2 s for 10,000 rows), Oxigraph either alike
RESULTS = pyoxigraph.QueryResultsFormat.XML
GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"  # cheap where it works
# Virtuoso: its DISTINCT ?g shortcut lists private graphs too, and takes seconds
GRAPHS_SCAN = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
SLOTS_PER_WORKER = 4  # remote queries wait on the network, not on a CPU here
# the remote stopped the query at its own time limit (Virtuoso: "S1T00 … Transaction timed
# out"; Oxigraph: "Timeout"): that is a 503 like ours, not a failure
REMOTE_TIMEOUT = re.compile(r"S1T00|timed out|timeout", re.IGNORECASE)
# Virtuoso marks an answer cut off at the `timeout` parameter (its "anytime" limit, in ms)
# with this header, on a 200: it is never passed on as an answer
INCOMPLETE = ("X-SQL-State", "S1TAT")
# Virtuoso names blank nodes `nodeID://b10000` in its results, not a blank node label
VIRTUOSO_BNODE = re.compile(rb"(<bnode>)nodeID://")


class RemoteError(KGError):
    """The external SPARQL engine cannot be reached or answered badly."""


class RemoteTimeout(Exception):
    """The remote engine stopped the query at its time limit."""


def fetch(url: str, job: Job, timeout: float) -> bytes:
    """The remote's raw answer (XML results or Turtle), read with a bound."""
    client = SPARQLWrapper(url, agent="dutygraph")
    client.setMethod(POST)
    with warnings.catch_warnings():  # SPARQLWrapper warns on query types it cannot tell
        warnings.simplefilter("ignore")
        client.setQuery(job.query)
    # our own analysis decides (SPARQLWrapper's guess can take a query for an update,
    # which would send it as `update=`); /sparql has refused every update already
    info = analyse(job.query)
    client.queryType = info.form or "SELECT"
    client.setReturnFormat(TURTLE if info.is_graph else XML)
    client.setTimeout(int(timeout * 2 + 1))  # a backstop: the runtime gives up at `timeout`
    # Virtuoso stops the query when we give up on it (others ignore it or read seconds)
    client.addParameter("timeout", str(int(timeout * 1000)))
    for graph in job.default_graph or ():
        client.addDefaultGraph(graph)
    for graph in job.named_graphs or ():
        client.addNamedGraph(graph)
    response = client.query().response
    if response.headers.get(INCOMPLETE[0]) == INCOMPLETE[1]:
        raise RemoteTimeout(response.headers.get("X-SQL-Message", ""))
    limit = job.max_bytes * READ_FACTOR
    body = response.read(limit + 1)
    if len(body) > limit:
        raise CapExceeded(f"the result is larger than {job.max_bytes} bytes")
    return body


def convert(body: bytes, job: Job) -> bytes:
    """The remote body re-serialised in the job's format, within the caps."""
    form = analyse(job.query).form
    if form in ("CONSTRUCT", "DESCRIBE"):
        return serialise(lambda: pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.TURTLE), job)
    if form == "ASK":
        return serialise(lambda: boolean(body), job)
    body = VIRTUOSO_BNODE.sub(rb"\1", body)
    return serialise(lambda: pyoxigraph.parse_query_results(body, format=RESULTS), job)


def boolean(body: bytes) -> pyoxigraph.QueryBoolean:
    """An ASK answer: a boolean result, or Virtuoso's one-column SELECT in its place."""
    result = pyoxigraph.parse_query_results(body, format=RESULTS)
    if isinstance(result, pyoxigraph.QueryBoolean):
        return result
    found = b"true" if next(iter(result), None) is not None else b"false"  # type: ignore
    return pyoxigraph.parse_query_results(  # type: ignore[return-value]
        b'<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>' + found
        + b"</boolean></sparql>", format=RESULTS)


def ask(url: str, job: Job, timeout: float) -> Outcome:
    """The remote engine's answer to one job, as an outcome."""
    try:
        return Answer(convert(fetch(url, job, timeout), job))
    except QueryBadFormed as exc:
        return SyntaxProblem(_short(exc))
    except RemoteTimeout:
        return Unavailable(Why.TIMEOUT, timeout)
    except EndPointInternalError as exc:
        if REMOTE_TIMEOUT.search(str(exc)):
            return Unavailable(Why.TIMEOUT, timeout)
        return Failed(type(exc).__name__)
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
    found: list[str] = []
    for query in (GRAPHS_QUERY, GRAPHS_SCAN):
        outcome = ask(url, Job(query, "tsv"), timeout)
        if not isinstance(outcome, Answer):
            raise RemoteError(f"{url}: the SPARQL endpoint does not answer ({outcome})")
        lines = outcome.body.decode("utf-8").splitlines()[1:]
        found = sorted(line.strip()[1:-1] for line in lines if line.startswith("<"))
        if found:
            break
    return found


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
