"""Evaluate a job on a store and serialise the answer whole, within the row and byte
caps: an answer is either complete or an outcome naming the problem, never cut off.
Shared by the query workers and the remote runtime (which re-serialises what the
remote engine sent)."""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Callable

import pyoxigraph

from kg.namespaces import PREFIXES
from kg.query.formats import GRAPH_FORMATS, RESULT_FORMATS
from server.runtime.jobs import Answer, Failed, Job, Outcome, SyntaxProblem, TooLarge

TSV = pyoxigraph.QueryResultsFormat.TSV
_PREFIXES = {name: str(ns) for name, ns in PREFIXES.items()}
# The fewest bytes one row takes in each results format: an answer shorter than
# max_rows times this cannot hold more than max_rows rows.
MIN_ROW_BYTES = {"json": 2, "xml": 9, "csv": 1, "tsv": 1}


class CapExceeded(Exception):
    """The result is larger than the row or byte cap."""


class _CapWriter:
    """A byte sink that stops the serializer once a cap is passed."""

    def __init__(self, max_rows: float, max_bytes: float, header_lines: int) -> None:
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


def dataset_options(job: Job) -> dict:
    """pyoxigraph's query options for the job's dataset."""
    opts: dict = {"base_iri": job.base_iri} if job.base_iri else {}
    if job.default_graph is not None or job.named_graphs is not None:
        opts["default_graph"] = [pyoxigraph.NamedNode(g) for g in job.default_graph or ()]
        if job.named_graphs is not None:
            opts["named_graphs"] = [pyoxigraph.NamedNode(g) for g in job.named_graphs]
    elif job.union:
        opts["use_default_graph_as_union"] = True
    return opts


def serialise(make: Callable[[], object], job: Job) -> bytes:
    """A query result (made by `make`, which may be called again) in the job's format,
    within the caps."""
    result = make()
    if isinstance(result, pyoxigraph.QueryBoolean):
        return checked(result.serialize(format=RESULT_FORMATS[job.fmt]), job)
    if isinstance(result, pyoxigraph.QuerySolutions):
        return _solutions(result, make, job)
    return _graph(result, job)


def _solutions(result: pyoxigraph.QuerySolutions, make: Callable[[], object],
               job: Job) -> bytes:
    """Straight into the job's format; an answer too short to hold more rows than the
    cap is done. A longer one has its rows counted exactly in the answer itself, or,
    for CSV (whose quoted values may hold line breaks), on a TSV copy: evaluating the
    query again would double the time of every large answer."""
    sink = _CapWriter(math.inf, job.max_bytes, header_lines=0)
    result.serialize(sink, format=RESULT_FORMATS[job.fmt])
    body = sink.value()
    if len(body) < job.max_rows * MIN_ROW_BYTES[job.fmt]:
        return body
    rows = row_count(body, job.fmt)
    if rows is None:
        counter = _CapWriter(job.max_rows, math.inf, header_lines=1)
        make().serialize(counter, format=TSV)  # type: ignore[attr-defined]
    elif rows > job.max_rows:
        raise CapExceeded(f"the result has more than {job.max_rows} rows")
    return body


def row_count(body: bytes, fmt: str) -> int | None:
    """The rows of a serialised SELECT answer (None for CSV). TSV escapes line breaks in
    values and XML escapes <, so their lines and <result> tags are rows."""
    if fmt == "json":
        return len(json.loads(body)["results"]["bindings"])
    if fmt == "tsv":
        return body.count(b"\n") - 1
    if fmt == "xml":
        return body.count(b"<result>")
    return None


def _graph(result: object, job: Job) -> bytes:
    """Triples (pyoxigraph's QueryTriples, or any iterable of triples)."""
    triples = list(itertools.islice(result, job.max_rows + 1))  # type: ignore[call-overload]
    if len(triples) > job.max_rows:
        raise CapExceeded(f"the result has more than {job.max_rows} rows")
    sink = _CapWriter(math.inf, job.max_bytes, header_lines=0)
    pyoxigraph.serialize(triples, sink, format=GRAPH_FORMATS[job.fmt], prefixes=_PREFIXES)
    return checked(sink.value(), job)


def checked(body: bytes, job: Job) -> bytes:
    if len(body) > job.max_bytes:
        raise CapExceeded(f"the result is larger than {job.max_bytes} bytes")
    return body


def evaluate(db: pyoxigraph.Store, job: Job) -> Outcome:
    """Run one job on a store: an Answer, or the outcome that says why not."""
    try:
        return Answer(serialise(lambda: db.query(job.query, **dataset_options(job)), job))
    except SyntaxError as exc:
        return SyntaxProblem(str(exc))
    except CapExceeded as exc:
        return TooLarge(str(exc))
    except Exception as exc:
        return Failed(type(exc).__name__)
