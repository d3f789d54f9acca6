"""The embedded runtime: killable query worker processes over a private copy of the
served release's store.

Two process pools, no more: the query workers (one pool; admission reserves one of
them for cheap jobs) and the syntax checkers on an empty store (a malformed query is
a 400 even while every query worker is busy, and a check must never evaluate on the
served data nor in the web process). A worker that is free at once checks the syntax
itself, so an uncached query costs one round trip to a worker process.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from kg.config import Settings
from kg.release import store
from server.runtime.admission import Admission
from server.runtime.cache import ResultCache
from server.runtime.jobs import Answer, Job, Outcome, Unavailable, Why
from server.runtime.protocol import ReleaseInfo, ServeOptions, make_job, time_limit
from server.runtime.release import graph_names, prepare_store, private_index, resolve_release
from server.runtime.syntax import SyntaxChecker
from server.runtime.workers.pool import WorkerPool

RESERVED_WORKERS = 1


@dataclass
class _Served:
    """One release being served: its private store and the workers over it."""

    info: ReleaseInfo
    pool: WorkerPool
    tmp: str

    def close(self) -> None:
        self.pool.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


class EmbeddedRuntime:
    def __init__(self, settings: Settings, options: ServeOptions) -> None:
        self.settings, self.options = settings, options
        self.cache = ResultCache(options.cache_bytes)
        self.admission = Admission(settings.queries_dir)
        self.checker = SyntaxChecker()
        self._served = self._open(resolve_release(settings.build_dir))

    def _open(self, release: Path) -> _Served:
        store_path, tmp = prepare_store(release, self.options.data)
        try:
            index = private_index(release, tmp)
            pool = WorkerPool(store_path, self.options.workers, reserved=RESERVED_WORKERS,
                              queue_wait=self.settings.queue_wait,
                              memory_quads=store.memory_limit(
                                  self.settings.memory_quads,
                                  None if self.options.data else store.quad_count(release)))
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        info = ReleaseInfo(release.name, release, tuple(graph_names(store_path)),
                           store.manifest(release), index)
        return _Served(info, pool, tmp)

    @property
    def release(self) -> ReleaseInfo:
        return self._served.info

    @property
    def pool(self) -> WorkerPool:
        return self._served.pool

    def job(self, query: str, fmt: str, **dataset: object) -> Job:
        return make_job(self.options, query, fmt, **dataset)

    def answer(self, job: Job, timeout: float | None = None,
               presumed_cheap: bool = False) -> Outcome:
        cache = self.cache
        cached = cache.get(job)
        if cached is not None:
            return Answer(cached)  # type: ignore[arg-type]
        outcome = self._evaluate(job, time_limit(self.options, timeout), presumed_cheap)
        if isinstance(outcome, Answer):
            cache.put(job, outcome.body)
        return outcome

    def _evaluate(self, job: Job, limit: float, presumed: bool) -> Outcome:
        pool, started = self._served.pool, time.monotonic()
        key, cheap = self.admission.is_cheap(job, presumed)
        worker = pool.take(cheap)
        if worker is None:  # all busy: refuse a malformed query now, then wait a little
            problem = self.checker.check(job)
            if problem is not None:
                return problem
            worker = pool.take(cheap, min(pool.queue_wait, limit - _since(started)))
            if worker is None:
                return Unavailable(Why.BUSY)
        # the shape's cost is the worker's CPU time: neither the wait for a worker nor
        # a loaded machine says anything of the query
        outcome, seconds = pool.run_on(worker, job, limit - _since(started))
        timed_out = isinstance(outcome, Unavailable) and outcome.why is Why.TIMEOUT
        if timed_out or not isinstance(outcome, Unavailable):
            self.admission.learn(key, seconds, timed_out)
        return Unavailable(Why.TIMEOUT, limit) if timed_out else outcome

    def workers(self) -> int:
        return len(self._served.pool.pids())

    def close(self) -> None:
        self._served.close()
        self.checker.close()


def _since(started: float) -> float:
    return time.monotonic() - started
