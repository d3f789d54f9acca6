"""One error shape, decided here: machines get JSON {ok, error, status}, people
get error.html, and RDF clients an RDF-typed body. No tracebacks, no paths.

`body_of` is the one place where a runtime outcome becomes the API's typed error."""

from __future__ import annotations

import json
import re
from html import escape

from flask import Flask, Response, render_template, request
from werkzeug.exceptions import HTTPException

from kg.query.formats import media_type
from server.http import formats
from server.runtime.jobs import Answer, Failed, Outcome, SyntaxProblem, TooLarge, Why
from server.runtime.jobs import Unavailable as Unanswered

_PATH = re.compile(r"(?<![:/\w])(?:/[\w.\-]+){2,}/?")
_RDF_XML = ('<?xml version="1.0" encoding="utf-8"?>\n<!-- {status}: {message} -->\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n')


class ApiError(Exception):
    """An error with an HTTP status and a message safe to show."""

    status = 400

    def __init__(self, message: str, status: int | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        self.headers = headers or {}


class Forbidden(ApiError):
    status = 403


class NotAcceptable(ApiError):
    status = 406


class Unavailable(ApiError):
    status = 503


class PayloadTooLarge(ApiError):
    status = 422


RETRY_AFTER = {"Retry-After": "5"}
_UNAVAILABLE = {Why.BUSY: "the server is busy; try again shortly",
                Why.LOST: "the query worker stopped; try again"}
_ERROR_TYPES = {media_type("plainjson"): "json", **formats.HTML_TYPES,
                **{media_type(f): f for f in ("turtle", "ntriples", "jsonld", "rdfxml")}}


def body_of(outcome: Outcome) -> bytes:
    """The answer's body, or the typed error its outcome stands for."""
    if isinstance(outcome, Answer):
        return outcome.body
    if isinstance(outcome, SyntaxProblem):
        raise ApiError(f"SPARQL syntax error: {outcome.message}", 400)
    if isinstance(outcome, TooLarge):
        raise PayloadTooLarge(f"{outcome.message}; page through it with LIMIT and OFFSET "
                              "(and ORDER BY for a stable order)")
    if isinstance(outcome, Failed):
        raise ApiError("the query could not be evaluated", 500)
    assert isinstance(outcome, Unanswered)
    if outcome.why is Why.TIMEOUT:
        raise Unavailable(f"the query was stopped after the {outcome.seconds:g} s time "
                          "limit; simplify it or add LIMIT", headers=RETRY_AFTER)
    raise Unavailable(_UNAVAILABLE[outcome.why], headers=RETRY_AFTER)


def clean(message: str) -> str:
    """A message with filesystem paths removed."""
    return _PATH.sub("<path>", message)[:500]


def _kind() -> str:
    """How the client wants the error: html, rdf (a graph type) or json."""
    accept = request.headers.get("Accept")
    wanted = formats.alias(request.args.get("format"))
    if wanted == "html":
        return "html"
    if wanted in formats.GRAPH_TYPES.values():
        return wanted
    chosen = formats.negotiate(accept, _ERROR_TYPES) if accept else None
    return _ERROR_TYPES.get(chosen or "", "json")


def render(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    message = clean(message)
    kind = _kind()
    if kind == "html":
        body = render_template("error.html", status=status, message=message)
    elif kind in ("turtle", "ntriples"):
        body = f"# {status}: {message.replace(chr(10), ' ')}\n"
    elif kind == "rdfxml":
        body = _RDF_XML.format(status=status, message=escape(message.replace("--", "- -")))
    else:
        body = json.dumps({"ok": False, "error": message, "status": status},
                          ensure_ascii=False)
    ctype = formats.CONTENT_TYPES["plainjson" if kind == "json" else kind]
    response = Response(body, status=status, content_type=ctype)
    response.headers.update(headers or {})
    response.vary.add("Accept")
    return response


def register(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def api_error(exc: ApiError) -> Response:
        return render(exc.status, exc.message, exc.headers)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        headers = {"Allow": ", ".join(exc.valid_methods)} if getattr(
            exc, "valid_methods", None) else None
        return render(exc.code or 500, exc.description or exc.name, headers)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        app.logger.exception("unexpected error")
        return render(500, "internal error")
