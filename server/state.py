"""The app's Backend, created on first use in the serving process (so that no
worker process or thread is ever forked) and replaced on reload."""

from __future__ import annotations

import threading
from collections.abc import Callable

from flask import current_app

from server.backend import Backend

KEY = "dutygraph.backend"


class BackendHolder:
    def __init__(self, factory: Callable[[], Backend]) -> None:
        self._factory = factory
        self._backend: Backend | None = None
        self._lock = threading.Lock()

    def get(self) -> Backend:
        if self._backend is None:
            with self._lock:
                if self._backend is None:
                    self._backend = self._factory()
        return self._backend

    def close(self) -> None:
        with self._lock:
            if self._backend is not None:
                self._backend.close()
                self._backend = None


def backend() -> Backend:
    holder: BackendHolder = current_app.extensions[KEY]
    return holder.get()
