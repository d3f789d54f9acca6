"""The app's one runtime: created on first use in the serving process (so that no
worker process or thread is ever forked), and asked to reload now and then.

Every reader reaches it through `runtime()`; gunicorn's SIGHUP still starts fresh
HTTP workers (server/http/wsgi.py), and between those a runtime switches to a newer
verified build/current by itself, checked at most every RELOAD_SECONDS.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from flask import current_app

from server.runtime.protocol import QueryRuntime

KEY = "dutygraph.runtime"
RELOAD_SECONDS = 2.0
log = logging.getLogger("dutygraph.server")


class RuntimeHolder:
    def __init__(self, factory: Callable[[], QueryRuntime]) -> None:
        self._factory = factory
        self._runtime: QueryRuntime | None = None
        self._lock = threading.Lock()
        self._checked = time.monotonic()
        self._reloading = threading.Lock()

    def get(self) -> QueryRuntime:
        if self._runtime is None:
            with self._lock:
                if self._runtime is None:
                    self._runtime = self._factory()
                    self._checked = time.monotonic()
        elif time.monotonic() - self._checked > RELOAD_SECONDS:
            self._checked = time.monotonic()
            threading.Thread(target=self._reload, daemon=True).start()
        return self._runtime

    def _reload(self) -> None:
        if not self._reloading.acquire(blocking=False):
            return  # a reload is already under way
        try:
            if self._runtime is not None:
                self._runtime.reload()
        except Exception:  # a failed reload keeps the last good release served
            log.exception("reload failed; the last good release stays served")
        finally:
            self._reloading.release()

    def close(self) -> None:
        with self._lock:
            if self._runtime is not None:
                self._runtime.close()
                self._runtime = None


def runtime() -> QueryRuntime:
    """The current app's query runtime."""
    holder: RuntimeHolder = current_app.extensions[KEY]
    return holder.get()
