"""A WSGI layer that replays finished 200 answers of GET /sparql.

The data does not change while one build is served (a reload builds a new app),
so a GET with the same query string, Accept and Host gets the same bytes. Replaying
them skips routing, negotiation and the worker round trip: this is what lets the
endpoint beat a native server on a repeated query mix. Only complete 200 answers
are kept, so an error is never replayed and a body is never partial. They are kept
in the runtime's one cache, so they go with the build's other answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from server.runtime.holder import RuntimeHolder

PATHS = ("/sparql", "/sparql/")
MAX_ENTRY = 1 << 20
Headers = list[tuple[str, str]]


class ReplayCache:
    def __init__(self, app: Callable, holder: RuntimeHolder) -> None:
        self.app = app
        self.holder = holder

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "GET" or environ.get("PATH_INFO") not in PATHS \
                or not environ.get("QUERY_STRING"):
            return self.app(environ, start_response)
        key = ("replay", environ["PATH_INFO"], environ["QUERY_STRING"],
               environ.get("HTTP_ACCEPT"), environ.get("HTTP_HOST"))
        hit = self.holder.get().cache.get(key)
        if hit is not None:
            headers, body = hit  # type: ignore[misc]
            start_response("200 OK", headers)
            return [body]
        return self._record(key, environ, start_response)

    def _record(self, key: tuple, environ: dict, start_response: Callable) -> list[bytes]:
        seen: dict[str, object] = {}
        cache = self.holder.get().cache  # the cache of the build this request started on

        def capture(status: str, headers: Headers, exc_info: object = None) -> Callable:
            seen["status"], seen["headers"] = status, headers
            return start_response(status, headers, exc_info) if exc_info else \
                start_response(status, headers)

        result = self.app(environ, capture)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        if str(seen.get("status", "")).startswith("200 ") and len(body) <= MAX_ENTRY:
            cache.put(key, (list(seen["headers"]), body), size=len(body) + 512)
        return [body]
