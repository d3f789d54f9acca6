"""Tasks over worker processes, in order, with what every task shares sent once to each
worker (the ontology, the lexicon and the shapes take seconds to pickle)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any

from kg import processes

PARALLEL_FROM = 4

Progress = Callable[[int, int, str], None]  # (done, total, what)


def run(function: Callable[[Any, Any], Any], shared: object, tasks: list,
        label: Callable[[Any], str], progress: Progress | None = None) -> list:
    """``function(shared, task)`` for each task, in order; ``function`` is a module's
    own (it reaches the workers by name)."""
    if len(tasks) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return list(_reported(map(partial(function, shared), tasks), tasks, label, progress))
    workers = min(os.cpu_count() or 1, len(tasks))
    with ProcessPoolExecutor(max_workers=workers, initializer=_receive,
                             initargs=(function, shared, os.getpid())) as pool:
        return list(_reported(pool.map(_received_task, tasks), tasks, label, progress))


def _reported(outcomes: Iterable, tasks: list, label: Callable[[Any], str],
              progress: Progress | None) -> Iterator:
    for done, (task, outcome) in enumerate(zip(tasks, outcomes, strict=True), start=1):
        if progress is not None:
            progress(done, len(tasks), label(task))
        yield outcome


_received: tuple[Callable[[Any, Any], Any], object] | None = None


def _receive(function: Callable[[Any, Any], Any], shared: object, parent: int) -> None:
    global _received
    _received = (function, shared)
    processes.die_with_parent(parent)


def _received_task(task: object) -> object:
    assert _received is not None
    function, shared = _received
    return function(shared, task)
