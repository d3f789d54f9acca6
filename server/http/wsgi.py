"""Run the app on gunicorn (gthread workers), embedded as a BaseApplication.

Each gunicorn worker builds its app after the fork, so its query runtime is never
forked with threads running. On SIGHUP gunicorn starts fresh workers, which
re-resolve build/current (verified: never a half-written build) and only then
retire the old ones: a new build is served atomically.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from gunicorn.app.base import BaseApplication

from server.runtime.holder import KEY


def _warm(worker: object) -> None:
    """Start the query runtime before the first request arrives."""
    app = getattr(worker, "wsgi", None)
    if isinstance(app, Flask):
        app.extensions[KEY].get()


def _close(server: object, worker: object) -> None:
    app = getattr(worker, "wsgi", None)
    if isinstance(app, Flask):
        app.extensions[KEY].close()


class Server(BaseApplication):
    def __init__(self, factory: Callable[[], Flask], options: dict[str, object]) -> None:
        self._factory = factory
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self._factory()


def gunicorn_options(host: str, port: int, timeout: float, threads: int = 16,
                     processes: int = 1) -> dict[str, object]:
    return {
        "bind": f"{host}:{port}",
        "worker_class": "gthread",
        "workers": processes,
        "threads": threads,
        "timeout": int(max(30, timeout * 2 + 10)),
        "graceful_timeout": int(timeout + 5),
        "keepalive": 5,
        "preload_app": False,
        "limit_request_line": 0,
        "post_worker_init": _warm,
        "worker_exit": _close,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "dutygraph",
    }
