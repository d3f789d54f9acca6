"""The query worker: a child process that owns a read-only store and answers jobs.

It runs in a process of its own so that the runtime can kill it when a query runs
past its time limit (pyoxigraph cannot cancel a query). Every answer is serialised
whole here (server/runtime/serialise.py) before it is sent back as an Outcome.
"""

from __future__ import annotations

import time
from multiprocessing.connection import Connection

import pyoxigraph

from kg.release import store
from server.runtime.workers.serialise import evaluate

EMPTY = ""  # the store path of a worker that checks queries on an empty store


def open_store(store_path: str, memory_quads: int) -> pyoxigraph.Store:
    if store_path == EMPTY:
        return pyoxigraph.Store()
    return store.for_queries(store_path, memory_quads)


def main(conn: Connection, store_path: str, memory_quads: int) -> None:
    """The child's loop: open the store, say ready, answer jobs until EOF, each with
    the CPU seconds it took (a cost that a loaded machine does not inflate)."""
    try:
        db = open_store(store_path, memory_quads)
    except Exception as exc:
        conn.send(("failed", type(exc).__name__))
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        started = time.process_time()
        outcome = evaluate(db, job)
        conn.send((outcome, time.process_time() - started))
