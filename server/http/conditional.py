"""ETag, Last-Modified, conditional GET (304) and Cache-Control on every answer, as a
WSGI layer (outermost, so replayed and compressed answers get them too).

The data does not change while a build is served, so an answer is a function of the
release and of the request's parts that select it (path, query, Accept, language,
coding, host): its ETag is derived from them, never from the body. A 200's headers are
kept per build under its ETag, so a repeated conditional GET is answered 304 without
running a view or a query; a tag this process has not seen yet is checked by making
the answer and comparing. Answers that bring their own validator (downloads, static
files) keep it.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from email.utils import formatdate, parsedate_to_datetime
from http.cookies import CookieError, SimpleCookie

from server.http.compress import choose
from server.pages.lang import COOKIE
from server.runtime.holder import RuntimeHolder

Headers = list[tuple[str, str]]
FRESH_SECONDS = 300        # a new build may be switched in at any time: revalidate after this
STATIC_SECONDS = 86_400
UNCACHED = ("/sparql/health",)
SELECTING = ("HTTP_ACCEPT", "HTTP_ACCEPT_LANGUAGE", "HTTP_HOST", "wsgi.url_scheme",
             "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING")
KEPT = ("vary", "cache-control", "last-modified", "link", "content-location",
        "access-control-allow-origin", "x-content-type-options")


def cache_control(method: str, path: str, status: int, headers: Headers) -> str:
    """The Cache-Control of an answer that does not set one itself."""
    if method not in ("GET", "HEAD") or status >= 500 or status == 429 or path in UNCACHED:
        return "no-store"
    if path.startswith("/static/"):
        return f"public, max-age={STATIC_SECONDS}"
    scope = "private" if any(k.lower() == "set-cookie" for k, _ in headers) else "public"
    return f"{scope}, max-age={FRESH_SECONDS if status < 400 else 60}"


class Conditional:
    def __init__(self, app: Callable, holder: RuntimeHolder) -> None:
        self.app = app
        self.holder = holder

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "")
        if method not in ("GET", "HEAD") or path in UNCACHED:
            return self._plain(environ, start_response)
        runtime = self.holder.get()
        etag = derived_etag(runtime.release.name, environ)
        known = runtime.cache.get(("etag", etag))
        if known is not None and _not_modified(environ, etag, _get(known, "last-modified")):
            start_response("304 Not Modified", [("ETag", etag), *known])  # type: ignore[misc]
            return []
        seen: dict = {}

        def capture(status: str, headers: Headers, exc_info: object = None) -> Callable:
            seen.update(status=status, headers=headers, exc_info=exc_info)
            return lambda data: None

        body = self.app(environ, capture)
        status, headers = seen["status"], seen["headers"]
        headers = _with_cache_control(method, path, status, headers)
        if status.startswith("200 ") and not _get(headers, "etag"):
            headers = [*headers, ("ETag", etag),
                       *_last_modified(runtime.release.manifest, headers)]
            kept = [(k, v) for k, v in headers if k.lower() in KEPT]
            runtime.cache.put(("etag", etag), kept, size=sum(len(k) + len(v) for k, v in kept))
            if _not_modified(environ, etag, _get(headers, "last-modified")):
                _close(body)
                start_response("304 Not Modified",
                               [(k, v) for k, v in headers if k.lower() in (*KEPT, "etag")])
                return []
        _start(start_response, status, headers, seen["exc_info"])
        return body

    def _plain(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "")

        def add(status: str, headers: Headers, exc_info: object = None) -> Callable:
            return _start(start_response, status,
                          _with_cache_control(method, path, status, headers), exc_info)
        return self.app(environ, add)


def derived_etag(release: str, environ: dict) -> str:
    """The strong ETag of the answer to this request from this release."""
    parts = [release, *(str(environ.get(k, "")) for k in SELECTING),
             choose(environ.get("HTTP_ACCEPT_ENCODING")) or "identity", _lang_cookie(environ)]
    digest = hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogateescape"))
    return f'"{digest.hexdigest()[:32]}"'


def _lang_cookie(environ: dict) -> str:
    cookie = SimpleCookie()
    try:
        cookie.load(environ.get("HTTP_COOKIE", ""))
    except CookieError:
        return ""
    return cookie[COOKIE].value if COOKIE in cookie else ""


def _not_modified(environ: dict, etag: str, last_modified: str | None) -> bool:
    """RFC 9110 §13.2.2: If-None-Match (weak comparison) wins over If-Modified-Since."""
    sent = environ.get("HTTP_IF_NONE_MATCH")
    if sent is not None:
        tags = {t.strip().removeprefix("W/") for t in sent.split(",")}
        return "*" in tags or etag in tags
    since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if not since or not last_modified:
        return False
    try:
        return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


def _last_modified(manifest: dict, headers: Headers) -> Headers:
    """When the served release was built, from its manifest."""
    if _get(headers, "last-modified"):
        return []
    created = manifest.get("created")
    try:
        moment = datetime.fromisoformat(str(created)).timestamp() if created else None
    except ValueError:
        moment = None
    return [("Last-Modified", formatdate(min(moment, time.time()), usegmt=True))] \
        if moment else []


def _with_cache_control(method: str, path: str, status: str, headers: Headers) -> Headers:
    code = int(status.split(" ", 1)[0])
    given = _get(headers, "cache-control")
    if given and given != "no-cache":   # werkzeug's send_file says no-cache by default
        return headers
    rest = [(k, v) for k, v in headers if k.lower() != "cache-control"]
    return [*rest, ("Cache-Control", cache_control(method, path, code, headers))]


def _get(headers: Iterable[tuple[str, str]], name: str) -> str | None:
    return next((v for k, v in headers if k.lower() == name), None)


def _start(start_response: Callable, status: str, headers: Headers,
           exc_info: object) -> Callable:
    return start_response(status, headers, exc_info) if exc_info else \
        start_response(status, headers)


def _close(body: Iterable[bytes]) -> None:
    if hasattr(body, "close"):
        body.close()
