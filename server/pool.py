"""A pool of killable query worker processes.

pyoxigraph cannot cancel a query, so a query that runs past its wall-clock limit
has its worker process killed; a fresh worker replaces it in the background while
the other workers go on serving. Workers come from a forkserver (or spawn)
context: the server's threads are never forked.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection

from server import worker

READY_TIMEOUT = 60.0


class PoolError(Exception):
    """Base of the pool's errors."""


class QueryTimeout(PoolError):
    """The query ran past its limit; its worker was killed."""


class WorkerLost(PoolError):
    """The worker died while answering (killed or crashed); it is replaced."""


QUEUE_WAIT = float(os.environ.get("KG_QUEUE_WAIT", "1.0"))


class PoolBusy(PoolError):
    """No worker became free within the time limit."""


class PoolFailed(PoolError):
    """A worker could not start (the store cannot be opened)."""


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection


def _context() -> mp.context.BaseContext:
    try:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["server.worker"])
        return ctx
    except ValueError:
        return mp.get_context("spawn")


class WorkerPool:
    def __init__(self, store_path: str, size: int) -> None:
        self.store_path = store_path
        self.size = max(1, size)
        self._ctx = _context()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self.killed = 0
        starting = [self._start() for _ in range(self.size)]
        for w in starting:
            self._idle.put(self._await_ready(w))

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=worker.main, args=(child, self.store_path),
                                    daemon=True, name="dutygraph-query")
        process.start()
        child.close()
        return _Worker(process, parent)

    def _await_ready(self, w: _Worker) -> _Worker:
        if w.conn.poll(READY_TIMEOUT):
            status, detail = w.conn.recv()
            if status == "ready":
                return w
        else:
            detail = "timeout"
        self._kill(w)
        raise PoolFailed(f"a query worker could not open the store ({detail})")

    def run(self, job: worker.Job, timeout: float) -> tuple[str, object]:
        """Run a job on a free worker within `timeout` seconds (waiting included).
        Waiting for a free worker is bounded by QUEUE_WAIT: under overload an HTTP
        thread answers "busy" soon instead of being held, so that cached answers and
        cheap queries keep flowing through the other threads."""
        deadline = time.monotonic() + timeout
        w = self._take(min(deadline, time.monotonic() + QUEUE_WAIT))
        try:
            w.conn.send(job)
            if w.conn.poll(max(0.0, deadline - time.monotonic())):
                answer = w.conn.recv()
                self._idle.put(w)
                return answer
        except (EOFError, OSError):
            self._replace(w)
            raise WorkerLost("the query worker stopped") from None
        self._replace(w)
        raise QueryTimeout(f"the query ran longer than {timeout:g} s")

    def _take(self, deadline: float) -> _Worker:
        """A live idle worker; dead ones (crashed while idle) are replaced."""
        while True:
            try:
                w = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise PoolBusy("every query worker is busy") from None
            if w.process.is_alive():
                return w
            self._replace(w)

    def _replace(self, w: _Worker) -> None:
        self.killed += 1
        self._kill(w)
        threading.Thread(target=self._respawn, daemon=True).start()

    def _respawn(self) -> None:
        if self._closed:
            return
        try:
            self._idle.put(self._await_ready(self._start()))
        except (PoolFailed, OSError):
            time.sleep(1.0)
            self._respawn()

    @staticmethod
    def _kill(w: _Worker) -> None:
        if w.process.is_alive():
            w.process.kill()
        w.process.join(timeout=5)
        w.conn.close()

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._kill(self._idle.get_nowait())
            except queue.Empty:
                return

    def pids(self) -> list[int]:
        return [w.process.pid for w in list(self._idle.queue)
                if w.process.pid and w.process.is_alive()]
