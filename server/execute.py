"""Answer a job: from the cache, or from a worker within the time limit.

Pool and worker outcomes become the API's typed errors here."""

from __future__ import annotations

import time

from server.backend import Backend
from server.errors import ApiError, TooLarge, Unavailable
from server.lanes import shape, text_key
from server.pool import PoolBusy, PoolFailed, QueryTimeout, WorkerLost
from server.worker import Job

RETRY_AFTER = "5"


def answer(backend: Backend, job: Job, timeout: float, presumed_cheap: bool = False) -> bytes:
    """The complete serialised answer, or an ApiError; never a partial body. The
    cache and the syntax check come before any wait for a query worker.
    `presumed_cheap` marks a named query, which may use the reserved worker."""
    cached = backend.cache.get(job)
    if cached is not None:
        return cached
    checker = getattr(backend, "checker", None)
    if checker is not None:
        checker.check(job)
    status, detail = _run(backend, job, timeout, presumed_cheap)
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


def _timed(backend: Backend, job: Job, timeout: float, presumed: bool) -> tuple[str, object]:
    """Run on the reserved worker when the shape is known (or presumed) cheap, else on
    the general workers; remember how long the shape took."""
    costs, fast = getattr(backend, "costs", None), getattr(backend, "fast", None)
    if costs is None or fast is None:  # a remote backend has no lanes
        return backend.pool.run(job, timeout)
    key, started = shape(job), time.monotonic()
    presumed = presumed or text_key(job.query) in costs.named
    try:
        result = _lanes(backend, job, timeout, costs.is_cheap(key, presumed))
    except QueryTimeout:
        costs.record(key, timed_out=True)
        raise
    costs.record(key, time.monotonic() - started)
    return result


def _lanes(backend: Backend, job: Job, timeout: float, cheap: bool) -> tuple[str, object]:
    """The reserved worker first for a cheap shape; when it stays busy, a general
    worker within what is left of the time limit."""
    if cheap:
        started = time.monotonic()
        try:
            return backend.fast.run(job, timeout)
        except PoolBusy:
            timeout -= time.monotonic() - started
    return backend.pool.run(job, timeout)


def _run(backend: Backend, job: Job, timeout: float,
         presumed: bool) -> tuple[str, object]:
    retry = {"Retry-After": RETRY_AFTER}
    try:
        return _timed(backend, job, timeout, presumed)
    except QueryTimeout:
        raise Unavailable(f"the query was stopped after the {timeout:g} s time limit; "
                          "simplify it or add LIMIT", headers=retry) from None
    except PoolBusy:
        raise Unavailable("the server is busy; try again shortly", headers=retry) from None
    except WorkerLost:
        raise Unavailable("the query worker stopped; try again", headers=retry) from None
    except PoolFailed:
        raise Unavailable("the query service is restarting", headers=retry) from None
