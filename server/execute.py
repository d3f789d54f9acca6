"""Answer a job: from the cache, or from a worker within the time limit.

Pool and worker outcomes become the API's typed errors here."""

from __future__ import annotations

import pyoxigraph

from server.backend import Backend
from server.errors import ApiError, TooLarge, Unavailable
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


def _run(backend: Backend, job: Job, timeout: float) -> tuple[str, object]:
    retry = {"Retry-After": RETRY_AFTER}
    try:
        return backend.pool.run(job, timeout)
    except QueryTimeout:
        raise Unavailable(f"the query was stopped after the {timeout:g} s time limit; "
                          "simplify it or add LIMIT", headers=retry) from None
    except PoolBusy:
        raise Unavailable("the server is busy; try again shortly", headers=retry) from None
    except WorkerLost:
        raise Unavailable("the query worker stopped; try again", headers=retry) from None
    except PoolFailed:
        raise Unavailable("the query service is restarting", headers=retry) from None
