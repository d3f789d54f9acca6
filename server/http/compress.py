"""gzip and Brotli for every textual answer, as a WSGI layer.

It sits outside the replay cache (server/http/replay.py), which keeps answers as the
app made them, so one replayed answer serves clients with and without compression.
Bodies are compressed as they stream (the dumps are never held whole). A compressed
answer's ETag gets a suffix per coding (`"x-gzip"`), so that two different bodies never
share a strong validator; the suffix is taken off If-None-Match on the way in, so
the app's own conditional answers (send_file) still match.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator

import brotli

Headers = list[tuple[str, str]]
CODINGS = ("br", "gzip")                  # the server's preference, best first
MIN_BYTES = 256                           # smaller bodies gain nothing
BROTLI_QUALITY = 5                        # fast enough per request, near gzip -9 size
TEXTUAL = ("text/", "application/json", "application/ld+json", "application/sparql-results",
           "application/n-triples", "application/n-quads", "application/trig",
           "application/rdf+xml", "application/xml", "application/javascript",
           "application/turtle", "application/x-turtle", "application/openapi",
           "image/svg+xml", "image/x-icon", "image/vnd.microsoft.icon")


def choose(accept_encoding: str | None) -> str | None:
    """The coding to answer with for an Accept-Encoding header, or None (identity)."""
    weights: dict[str, float] = {}
    for piece in (accept_encoding or "").split(","):
        name, _, params = piece.strip().partition(";")
        name = name.strip().lower()
        q = 1.0
        if params.strip().lower().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if name:
            weights[name] = q
    star = weights.get("*", 0.0)
    ranked = [(weights.get(c, star), -i, c) for i, c in enumerate(CODINGS)]
    q, _, coding = max(ranked)
    return coding if q > 0 else None


def tagged(etag: str, coding: str) -> str:
    """An ETag of the compressed representation: `"x"` → `"x-gzip"`."""
    return etag[:-1] + f'-{coding}"' if etag.endswith('"') else etag


def untagged(header: str) -> str:
    """If-None-Match with every coding suffix taken off."""
    for coding in CODINGS:
        header = header.replace(f'-{coding}"', '"')
    return header


class Compress:
    def __init__(self, app: Callable) -> None:
        self.app = app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        coding = choose(environ.get("HTTP_ACCEPT_ENCODING"))
        sent = environ.get("HTTP_IF_NONE_MATCH", "")
        if sent:
            environ["HTTP_IF_NONE_MATCH"] = untagged(sent)
        seen: dict = {}

        def capture(status: str, headers: Headers, exc_info: object = None) -> Callable:
            seen.update(status=status, headers=headers, exc_info=exc_info)
            return lambda data: None  # the legacy write() callable: the app here never uses it

        body = self.app(environ, capture)
        status, headers = seen["status"], seen["headers"]
        vary = _textual(headers)
        squeeze = coding if vary and _compressible(status, headers) else None
        if coding and status.startswith("304") and f'-{coding}"' in sent:
            headers = _retag(headers, coding)
        if squeeze:
            unsized = [(k, v) for k, v in headers if k.lower() != "content-length"]
            headers = [*_retag(unsized, squeeze), ("Content-Encoding", squeeze)]
        if vary:
            headers = _vary(headers)
        start_response(status, headers, seen["exc_info"]) if seen["exc_info"] else \
            start_response(status, headers)
        if not squeeze:
            return body
        if environ.get("REQUEST_METHOD") == "HEAD":
            _close(body)
            return []
        return _stream(body, squeeze)


def _header(headers: Headers, name: str) -> str | None:
    return next((v for k, v in headers if k.lower() == name), None)


def _textual(headers: Headers) -> bool:
    ctype = (_header(headers, "content-type") or "").lower()
    return ctype.startswith(TEXTUAL) or ctype.endswith(("+json", "+xml"))


def _compressible(status: str, headers: Headers) -> bool:
    if not status.startswith(("200", "404", "400", "406")) or _header(headers, "content-encoding"):
        return False
    if _header(headers, "content-range"):
        return False
    length = _header(headers, "content-length")
    return length is None or int(length) >= MIN_BYTES


def _retag(headers: Headers, coding: str) -> Headers:
    return [(k, tagged(v, coding) if k.lower() == "etag" else v) for k, v in headers]


def _vary(headers: Headers) -> Headers:
    found = _header(headers, "vary")
    if found is None:
        return [*headers, ("Vary", "Accept-Encoding")]
    if "accept-encoding" in found.lower():
        return headers
    return [(k, f"{v}, Accept-Encoding" if k.lower() == "vary" else v) for k, v in headers]


def _stream(body: Iterable[bytes], coding: str) -> Iterator[bytes]:
    squeezer = _squeezer(coding)
    try:
        for chunk in body:
            if chunk:
                out = squeezer.compress(chunk)
                if out:
                    yield out
        yield squeezer.flush()
    finally:
        _close(body)


class _Brotli:
    def __init__(self) -> None:
        self._c = brotli.Compressor(quality=BROTLI_QUALITY)

    def compress(self, data: bytes) -> bytes:
        return self._c.process(data)

    def flush(self) -> bytes:
        return self._c.finish()


def _squeezer(coding: str) -> object:
    if coding == "br":
        return _Brotli()
    return zlib.compressobj(6, zlib.DEFLATED, 31)  # wbits 31: the gzip container


def _close(body: Iterable[bytes]) -> None:
    if hasattr(body, "close"):
        body.close()
