"""The query worker: a child process that owns a read-only store and answers jobs.

It runs in a process of its own so that the server can kill it when a query runs
past its time limit (pyoxigraph cannot cancel a query). Every answer is fully
serialised here, within the row and byte caps, before it is sent back: a result
is either complete or an error, never a cut-off body.
"""

from __future__ import annotations

from dataclasses import dataclass
from multiprocessing.connection import Connection

import pyoxigraph

from kg.namespaces import PREFIXES
from kg.query.stores import GRAPH_FORMATS, RESULT_FORMATS
from kg.release import store

NT = pyoxigraph.RdfFormat.N_TRIPLES
TSV = pyoxigraph.QueryResultsFormat.TSV
_PREFIXES = {name: str(ns) for name, ns in PREFIXES.items()}
EMPTY = ""  # the store path of a worker that checks queries on an empty store


@dataclass(frozen=True)
class Job:
    query: str
    fmt: str
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    union: bool = True
    max_rows: int = 100_000
    max_bytes: int = 16 << 20
    base_iri: str | None = None


class CapExceeded(Exception):
    """The result is larger than the row or byte cap."""


class _CapWriter:
    """A byte sink that stops the serializer once a cap is passed."""

    def __init__(self, max_rows: int, max_bytes: int, header_lines: int) -> None:
        self.chunks: list[bytes] = []
        self.size = 0
        self.lines = -header_lines
        self.max_rows, self.max_bytes = max_rows, max_bytes

    def write(self, data: bytes) -> int:
        self.size += len(data)
        self.lines += data.count(b"\n")
        if self.size > self.max_bytes:
            raise CapExceeded(f"the result is larger than {self.max_bytes} bytes")
        if self.lines > self.max_rows:
            raise CapExceeded(f"the result has more than {self.max_rows} rows")
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        return None

    def value(self) -> bytes:
        return b"".join(self.chunks)


def options(job: Job) -> dict:
    opts: dict = {"base_iri": job.base_iri} if job.base_iri else {}
    if job.default_graph is not None or job.named_graphs is not None:
        opts["default_graph"] = [pyoxigraph.NamedNode(g) for g in job.default_graph or ()]
        if job.named_graphs is not None:
            opts["named_graphs"] = [pyoxigraph.NamedNode(g) for g in job.named_graphs]
    elif job.union:
        opts["use_default_graph_as_union"] = True
    return opts


def run(db: pyoxigraph.Store, job: Job) -> bytes:
    """Execute and serialise one job. Raises SyntaxError, CapExceeded, ValueError."""
    result = db.query(job.query, **options(job))
    if isinstance(result, pyoxigraph.QueryBoolean):
        return result.serialize(format=RESULT_FORMATS[job.fmt])
    if isinstance(result, pyoxigraph.QueryTriples):
        return _graph(result, job)
    return _solutions(result, job)


def _solutions(result: pyoxigraph.QuerySolutions, job: Job) -> bytes:
    sink = _CapWriter(job.max_rows, job.max_bytes, header_lines=1)
    result.serialize(sink, format=TSV)
    body = sink.value()
    if job.fmt != "tsv":
        parsed = pyoxigraph.parse_query_results(body, format=TSV)
        body = parsed.serialize(format=RESULT_FORMATS[job.fmt])
    return _checked(body, job)


def _graph(result: pyoxigraph.QueryTriples, job: Job) -> bytes:
    sink = _CapWriter(job.max_rows, job.max_bytes, header_lines=0)
    result.serialize(sink, format=NT)
    body = sink.value()
    if job.fmt != "ntriples":
        triples = pyoxigraph.parse(body, format=NT)
        body = pyoxigraph.serialize(triples, format=GRAPH_FORMATS[job.fmt],
                                    prefixes=_PREFIXES)
    return _checked(body, job)


def _checked(body: bytes, job: Job) -> bytes:
    if len(body) > job.max_bytes:
        raise CapExceeded(f"the result is larger than {job.max_bytes} bytes")
    return body


def answer(db: pyoxigraph.Store, job: Job) -> tuple[str, object]:
    """("ok", body) or ("syntax" | "cap" | "error", message)."""
    try:
        return "ok", run(db, job)
    except SyntaxError as exc:
        return "syntax", str(exc)
    except CapExceeded as exc:
        return "cap", str(exc)
    except Exception as exc:
        return "error", type(exc).__name__


def main(conn: Connection, store_path: str) -> None:
    """The child's loop: open the store, say ready, answer jobs until EOF."""
    try:
        db = pyoxigraph.Store() if store_path == EMPTY else store.for_queries(store_path)
    except Exception as exc:
        conn.send(("failed", type(exc).__name__))
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(answer(db, job))
