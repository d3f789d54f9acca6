"""Answer a job: from the cache, or from a worker within the time limit.

Pool and worker outcomes become the API's typed errors here."""

from __future__ import annotations

import time

import pyoxigraph

from server.backend import Backend
from server.errors import ApiError, TooLarge, Unavailable
from server.lanes import shape
from server.pool import PoolBusy, PoolFailed, QueryTimeout, WorkerLost
from server.worker import Job

RETRY_AFTER = "5"


def answer(backend: Backend, job: Job, timeout: float) -> bytes:
    """The complete serialised answer, or an ApiError; never a partial body."""
    cached = backend.cache.get(job)
    if cached is not None:
        return cached
    _check_syntax(job)
    status, detail = _run(backend, job, timeout)
    if status == "ok":
        assert isinstance(detail, bytes)
        backend.cache.put(job, detail)
        return detail
    if status == "syntax":
        raise ApiError(f"SPARQL syntax error: {detail}", 400)
    if status == "cap":
        raise TooLarge(f"{detail}; page through it with LIMIT and OFFSET "
                       "(and ORDER BY for a stable order)")
    raise ApiError("the query could not be evaluated", 500)


def _check_syntax(job: Job) -> None:
    """Refuse a malformed query here, without waiting for a worker: parsing it against
    an empty store costs microseconds, so a syntax error is a 400 even under load."""
    try:
        _EMPTY.query(job.query, base_iri=job.base_iri)
    except SyntaxError as exc:
        raise ApiError(f"SPARQL syntax error: {exc}", 400) from None
    except Exception:
        return


_EMPTY = pyoxigraph.Store()


def _timed(backend: Backend, job: Job, timeout: float) -> tuple[str, object]:
    """Run on the reserved worker when the shape is known to be cheap and it is free,
    else on the general workers; remember how long the shape took."""
    costs, fast = getattr(backend, "costs", None), getattr(backend, "fast", None)
    if costs is None or fast is None:  # a remote backend has no lanes
        return backend.pool.run(job, timeout)
    key, started = shape(job), time.monotonic()
    try:
        if costs.is_cheap(key):
            try:
                result = fast.run(job, timeout)
            except PoolBusy:
                result = backend.pool.run(job, timeout)
        else:
            result = backend.pool.run(job, timeout)
    except QueryTimeout:
        costs.record(key, timeout, timed_out=True)
        raise
    costs.record(key, time.monotonic() - started)
    return result


def _run(backend: Backend, job: Job, timeout: float) -> tuple[str, object]:
    retry = {"Retry-After": RETRY_AFTER}
    try:
        return _timed(backend, job, timeout)
    except QueryTimeout:
        raise Unavailable(f"the query was stopped after the {timeout:g} s time limit; "
                          "simplify it or add LIMIT", headers=retry) from None
    except PoolBusy:
        raise Unavailable("the server is busy; try again shortly", headers=retry) from None
    except WorkerLost:
        raise Unavailable("the query worker stopped; try again", headers=retry) from None
    except PoolFailed:
        raise Unavailable("the query service is restarting", headers=retry) from None
