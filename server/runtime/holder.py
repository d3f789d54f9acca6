"""The app's one runtime, created on first use in the serving process (so that no
worker process or thread is ever forked).

Reloading is gunicorn's SIGHUP (server/http/wsgi.py): fresh HTTP workers each build a
fresh runtime over the new verified build/current, and only then are the old ones
retired, so every reader (endpoint, linked data, pages, API) switches at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from flask import current_app

from server.runtime.protocol import QueryRuntime

KEY = "dutygraph.runtime"


class RuntimeHolder:
    def __init__(self, factory: Callable[[], QueryRuntime]) -> None:
        self._factory = factory
        self._runtime: QueryRuntime | None = None
        self._lock = threading.Lock()

    def get(self) -> QueryRuntime:
        if self._runtime is None:
            with self._lock:
                if self._runtime is None:
                    self._runtime = self._factory()
        return self._runtime

    def close(self) -> None:
        with self._lock:
            if self._runtime is not None:
                self._runtime.close()
                self._runtime = None


def runtime() -> QueryRuntime:
    """The current app's query runtime."""
    holder: RuntimeHolder = current_app.extensions[KEY]
    return holder.get()
