"""The query worker: a child process that owns a read-only store and answers jobs.

It runs in a process of its own so that the runtime can kill it when a query runs
past its time limit (pyoxigraph cannot cancel a query). Every answer is serialised
whole here (server/runtime/serialise.py) before it is sent back as an Outcome.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph

from kg.release import store
from server.runtime.workers.serialise import evaluate

EMPTY = ""  # the store path of a worker that checks queries on an empty store


def open_store(store_path: str) -> pyoxigraph.Store:
    if store_path == EMPTY:
        return pyoxigraph.Store()
    return pyoxigraph.Store.read_only(store_path)


class MemoryCopy:
    """An in-memory copy of the store, made in a thread while the worker answers from
    disk (pyoxigraph's bulk load releases the GIL): the worker is ready at once, and its
    lookups are two to five times faster once the copy is there. No copy when the store
    is larger than ``memory_quads`` quads, has no N-Quads dump beside it, or when making
    it fails (disk answers on)."""

    def __init__(self, store_path: str, disk: pyoxigraph.Store, memory_quads: int) -> None:
        self.store: pyoxigraph.Store | None = None
        self._thread = threading.Thread(target=self._make, daemon=True,
                                        args=(store_path, disk, memory_quads))
        self._thread.start()

    def _make(self, store_path: str, disk: pyoxigraph.Store, memory_quads: int) -> None:
        try:
            _lowest_priority()  # queries first: the copy only takes what they leave
            # only from the release's N-Quads dump: a bulk load releases the GIL, a copy
            # quad by quad (a store made from --data) would starve the worker's queries
            dump = Path(store_path).parent / store.NQUADS
            if dump.is_file() and 0 < _lines(dump) <= memory_quads:
                self.store = store.in_memory(store_path, disk)
        except Exception:  # any failure leaves the worker on its disk store
            self.store = None

    def wait(self) -> None:
        self._thread.join()


def _lines(path: Path) -> int:
    """The quads of an N-Quads dump (one a line), counted in C: iterating the store
    from Python would hold the GIL for seconds and keep the worker from answering."""
    with path.open("rb") as dump:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: dump.read(1 << 20), b""))


def _lowest_priority() -> None:
    """Lower this thread's CPU priority (Linux sets nice per thread; the loader's own
    threads inherit it). Where that is not possible the copy runs at normal priority."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)


def main(conn: Connection, store_path: str, memory_quads: int) -> None:
    """The child's loop: open the store, say ready, answer jobs until EOF, each with
    the CPU seconds it took (a cost that a loaded machine does not inflate)."""
    try:
        db = open_store(store_path)
    except Exception as exc:
        conn.send(("failed", type(exc).__name__))
        return
    copy = MemoryCopy(store_path, db, memory_quads) if store_path != EMPTY else None
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if copy is not None and copy.store is not None:
            db, copy = copy.store, None
        started = time.thread_time()  # this thread's: not the memory copy's beside it
        outcome = evaluate(db, job)
        conn.send((outcome, time.thread_time() - started))
