"""Worker processes that end with the process that started them.

A build's workers (kg/check/parallel.py, kg/release/dumps.py) wait on a pipe for their
next task; when the build is killed outright (SIGKILL, an out-of-memory kill) nothing
closes that pipe, and they would wait for ever."""

from __future__ import annotations

import os
import threading
import time

POLL_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """In a worker: exit as soon as process ``parent`` (the one that started the pool,
    given as the initializer's argument: read here it could already be init) is gone."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()
