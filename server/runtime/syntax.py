"""Refuse a malformed query before waiting for a query worker.

The query is evaluated on an empty store: pyoxigraph raises SyntaxError before any
evaluation, so a syntax error is a 400 even while every query worker is busy. The
check runs in killable checker processes, not in the web process: on an empty store
most queries end at once, but some do not (ASK, aggregates or ORDER BY over VALUES
cross products, BIND chains that double a string) and pyoxigraph cannot cancel them.
A check still running after CHECK_SECONDS has parsed: its checker is killed and the
query goes on to the query workers, which give the final verdict either way.
"""

from __future__ import annotations

from dataclasses import replace

from server.runtime.jobs import Job, SyntaxProblem
from server.runtime.workers.pool import WorkerPool
from server.runtime.workers.process import EMPTY

CHECK_SECONDS = 0.25
CHECKERS = 2


class SyntaxChecker:
    """Checker processes on an empty store: a pool of their own, since a check must
    never evaluate on the served data nor wait behind the query workers."""

    def __init__(self, size: int = CHECKERS) -> None:
        self.pool = WorkerPool(EMPTY, size)

    def check(self, job: Job) -> SyntaxProblem | None:
        """The syntax problem of the job's query, or None when it parses (or the
        check could not tell in time); the dataset cannot change the verdict."""
        probe = replace(job, default_graph=None, named_graphs=None, union=False,
                        max_rows=1, max_bytes=1 << 16)
        outcome = self.pool.run(probe, CHECK_SECONDS)
        return outcome if isinstance(outcome, SyntaxProblem) else None

    def close(self) -> None:
        self.pool.close()
