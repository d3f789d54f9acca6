"""Admission by known cost: which jobs may use the pool's reserved workers.

Under overload every general worker may be held by slow queries until the time
limit. A query whose shape (its text without comments, with its dataset) last
finished within CHEAP_SECONDS, or a named query (queries/*.rq) until it once runs
out of time, is admitted as cheap and may take a reserved worker, so cheap questions
keep being answered; unknown and slow shapes use the general workers only.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections import OrderedDict
from pathlib import Path

from server.runtime.analysis import without_comments
from server.runtime.jobs import Job

CHEAP_SECONDS = 0.1
REMEMBERED = 4096


def shape(job: Job, bare: str | None = None) -> str:
    """The job's query without comments and spacing (`bare`, if known), with its
    dataset: the same shape costs the same, whatever comment a client adds to bypass
    caches."""
    dataset = f"{job.default_graph}|{job.named_graphs}|{job.union}|{job.base_iri}"
    bare = without_comments(job.query) if bare is None else bare
    return hashlib.sha256(f"{bare}\0{dataset}".encode()).hexdigest()


def text_key(query: str, bare: str | None = None) -> str:
    """The query's text without comments and spacing, whatever its dataset."""
    bare = without_comments(query) if bare is None else bare
    return hashlib.sha256(bare.encode()).hexdigest()


def named_texts(folder: Path | None) -> frozenset[str]:
    """The text keys of the named queries (queries/*.rq), cheap by design."""
    if folder is None or not folder.is_dir():
        return frozenset()
    return frozenset(text_key(p.read_text(encoding="utf-8")) for p in folder.glob("*.rq"))


class CostBook:
    """The fastest run time of recent query shapes (bounded, thread-safe)."""

    def __init__(self, size: int = REMEMBERED, named: frozenset[str] = frozenset()) -> None:
        self._seconds: OrderedDict[str, float] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()
        self.named = named

    def is_cheap(self, key: str, presumed: bool = False) -> bool:
        """Known to have run fast; a shape presumed cheap (a named query) is, until
        it once runs out of time."""
        with self._lock:
            seconds = self._seconds.get(key)
        if seconds is None:
            return presumed
        return seconds != math.inf if presumed else seconds <= CHEAP_SECONDS

    def record(self, key: str, seconds: float = 0.0, timed_out: bool = False) -> None:
        """Keep the fastest run seen (a run may be slowed by a loaded machine, which
        says nothing of the query); a time-out marks the shape slow."""
        with self._lock:
            known = self._seconds.get(key)
            if timed_out:
                self._seconds[key] = math.inf
            else:
                self._seconds[key] = seconds if known is None else min(known, seconds)
            self._seconds.move_to_end(key)
            while len(self._seconds) > self._size:
                self._seconds.popitem(last=False)


class Admission:
    """Decides per job whether it is cheap, and learns from how long it took."""

    def __init__(self, queries_dir: Path | None) -> None:
        self.costs = CostBook(named=named_texts(queries_dir))

    def is_cheap(self, job: Job, presumed: bool = False) -> tuple[str, bool]:
        """The job's shape key and whether it may use a reserved worker."""
        bare = without_comments(job.query)
        key = shape(job, bare)
        presumed = presumed or text_key(job.query, bare) in self.costs.named
        return key, self.costs.is_cheap(key, presumed)

    def learn(self, key: str, seconds: float, timed_out: bool) -> None:
        self.costs.record(key, seconds, timed_out)
