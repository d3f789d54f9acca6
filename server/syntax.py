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

from server.errors import ApiError
from server.pool import PoolError, WorkerPool
from server.worker import EMPTY, Job

CHECK_SECONDS = 0.25
CHECKERS = 2


class SyntaxChecker:
    def __init__(self, size: int = CHECKERS) -> None:
        self.pool = WorkerPool(EMPTY, size)

    def check(self, job: Job) -> None:
        """Raise a 400 ApiError when the query does not parse; the dataset cannot
        change the verdict, so it is left out."""
        probe = replace(job, default_graph=None, named_graphs=None, union=False,
                        max_rows=1, max_bytes=1 << 16)
        try:
            status, detail = self.pool.run(probe, CHECK_SECONDS)
        except PoolError:  # still evaluating (so parsed), or no checker free now
            return
        if status == "syntax":
            raise ApiError(f"SPARQL syntax error: {detail}", 400)

    def close(self) -> None:
        self.pool.close()
