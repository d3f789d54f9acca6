"""Admission by known cost: a reserved query worker for query shapes that ran fast.

Under overload every general worker may be held by slow queries until the time
limit. A query whose shape (its text without comments, with its dataset) last
finished within CHEAP_SECONDS is sent to a reserved worker first, so cheap questions
keep being answered; unknown and slow shapes use the general workers only.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict

from server.analysis import _MASKABLE
from server.worker import Job

CHEAP_SECONDS = 0.1
REMEMBERED = 4096


def shape(job: Job) -> str:
    """The job's query without comments and spacing, with its dataset: the same shape
    costs the same, whatever comment a client adds to bypass caches."""
    text = _MASKABLE.sub(lambda m: "" if m.group(0).startswith("#") else m.group(0),
                         job.query)
    text = re.sub(r"\s+", " ", text).strip()
    dataset = f"{job.default_graph}|{job.named_graphs}|{job.union}|{job.base_iri}"
    return hashlib.sha256(f"{text}\0{dataset}".encode()).hexdigest()


class CostBook:
    """The last run time of recent query shapes (bounded, thread-safe)."""

    def __init__(self, size: int = REMEMBERED) -> None:
        self._seconds: OrderedDict[str, float] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def is_cheap(self, key: str) -> bool:
        with self._lock:
            seconds = self._seconds.get(key)
        return seconds is not None and seconds <= CHEAP_SECONDS

    def record(self, key: str, seconds: float, timed_out: bool = False) -> None:
        """Keep the fastest run seen (a run's time includes waiting for a worker,
        which says nothing of the query); a time-out marks the shape slow."""
        with self._lock:
            known = self._seconds.get(key)
            self._seconds[key] = seconds if timed_out or known is None else min(known,
                                                                                  seconds)
            self._seconds.move_to_end(key)
            while len(self._seconds) > self._size:
                self._seconds.popitem(last=False)
