"""One pool of killable query worker processes, with slots reserved for cheap jobs.

pyoxigraph cannot cancel a query, so a query that runs past its wall-clock limit
has its worker process killed; a fresh worker replaces it in the background while
the others go on serving. Workers come from a forkserver (or spawn) context: the
server's threads are never forked.

`reserved` workers are kept for jobs admitted as cheap (server/runtime/admission.py):
a general job takes a worker only while more than `reserved` are idle, a cheap job
takes any idle one. So under overload slow queries hold at most the general workers
and cheap questions keep being answered, without a second pool to start and watch.
"""

from __future__ import annotations

import multiprocessing as mp
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection

from kg.errors import KGError
from server.runtime.jobs import Job, Outcome, Unavailable, Why
from server.runtime.workers import process

READY_TIMEOUT = 300.0  # a worker copying a large store into memory on a loaded machine


class WorkersFailed(KGError):
    """A query worker could not start (the store cannot be opened)."""


@dataclass
class Worker:
    process: mp.process.BaseProcess
    conn: Connection


def _context() -> mp.context.BaseContext:
    try:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["server.runtime.workers.process"])
        return ctx
    except ValueError:
        return mp.get_context("spawn")


class WorkerPool:
    def __init__(self, store_path: str, size: int, reserved: int = 0,
                 queue_wait: float = 1.0, memory_quads: int = 0) -> None:
        self.store_path, self.memory_quads = store_path, memory_quads
        self.size, self.reserved = max(1, size) + reserved, reserved
        self.queue_wait = queue_wait
        self._ctx = _context()
        self._idle: list[Worker] = []
        self._ready = threading.Condition()
        self._closed = False
        self.killed = 0
        starting = [self._start() for _ in range(self.size)]
        self._idle.extend(self._await_ready(w) for w in starting)

    def _start(self) -> Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=process.main,
                                 args=(child, self.store_path, self.memory_quads),
                                 daemon=True, name="dutygraph-query")
        proc.start()
        child.close()
        return Worker(proc, parent)

    def _await_ready(self, w: Worker) -> Worker:
        detail: object = "timeout"
        if w.conn.poll(READY_TIMEOUT):
            status, detail = w.conn.recv()
            if status == "ready":
                return w
        self._kill(w)
        raise WorkersFailed(f"a query worker could not open the store ({detail})")

    def take(self, cheap: bool = False, wait: float = 0.0) -> Worker | None:
        """An idle live worker, waiting at most `wait` seconds; None when none is free.
        A general job leaves the reserved workers idle."""
        deadline = time.monotonic() + wait
        with self._ready:
            while True:
                found = self._pop(cheap)
                left = deadline - time.monotonic()
                if found is not None or left <= 0:
                    return found
                self._ready.wait(left)

    def _pop(self, cheap: bool) -> Worker | None:
        """(Lock held.) Idle workers that died (crashed, killed) are replaced first, so
        that a dead one never stands for a reserved worker."""
        for dead in [w for w in self._idle if not w.process.is_alive()]:
            self._idle.remove(dead)
            self._replace(dead)
        if len(self._idle) > (0 if cheap else self.reserved):
            return self._idle.pop()
        return None

    def run_on(self, w: Worker, job: Job, timeout: float) -> tuple[Outcome, float]:
        """Run a job on a taken worker; past `timeout` the worker is killed. The
        outcome, and the worker's CPU seconds for it."""
        try:
            w.conn.send(job)
            if w.conn.poll(max(0.0, timeout)):
                outcome, seconds = w.conn.recv()
                self._give_back(w)
                return outcome, seconds
        except (EOFError, OSError):
            self._replace(w)
            return Unavailable(Why.LOST), 0.0
        self._replace(w)
        return Unavailable(Why.TIMEOUT, timeout), timeout

    def run(self, job: Job, timeout: float, cheap: bool = False) -> Outcome:
        """Take a worker (waiting at most the queue wait, within the time limit) and
        run the job on it with what is left of the limit."""
        started = time.monotonic()
        w = self.take(cheap, min(timeout, self.queue_wait))
        if w is None:
            return Unavailable(Why.BUSY)
        return self.run_on(w, job, timeout - (time.monotonic() - started))[0]

    def _give_back(self, w: Worker) -> None:
        with self._ready:
            if not self._closed:
                self._idle.append(w)
                self._ready.notify_all()
                return
        self._kill(w)

    def _replace(self, w: Worker) -> None:
        self.killed += 1
        self._kill(w)
        threading.Thread(target=self._respawn, daemon=True).start()

    def _respawn(self) -> None:
        while not self._closed:
            try:
                self._give_back(self._await_ready(self._start()))
                return
            except (WorkersFailed, OSError, EOFError):  # EOF: the pool closed meanwhile
                time.sleep(1.0)

    @staticmethod
    def _kill(w: Worker) -> None:
        if w.process.is_alive():
            w.process.kill()
        w.process.join(timeout=5)
        w.conn.close()

    def close(self) -> None:
        with self._ready:
            self._closed = True
            idle, self._idle = self._idle, []
        for w in idle:
            self._kill(w)

    def pids(self) -> list[int]:
        with self._ready:
            return [w.process.pid for w in self._idle if w.process.pid and w.process.is_alive()]
