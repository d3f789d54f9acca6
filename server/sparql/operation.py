"""The SPARQL 1.1 Protocol's request side: which operation, which dataset."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Request

from kg.query.formats import FORM_TYPE, QUERY_TYPE, UPDATE_TYPE
from server.http.errors import ApiError, Forbidden
from server.runtime.analysis import analyse

READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted"


@dataclass(frozen=True)
class Operation:
    query: str | None
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    timeout: float | None

    @property
    def has_dataset(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


def read(request: Request) -> Operation:
    """The query operation of a request. Raises Forbidden for any update."""
    args = request.args
    if "update" in args or "using-graph-uri" in args or "using-named-graph-uri" in args:
        raise Forbidden(READ_ONLY)
    if request.method != "POST":
        return _operation(args.getlist("query"), args, args)
    mimetype = request.mimetype
    if mimetype == UPDATE_TYPE:
        raise Forbidden(READ_ONLY)
    if mimetype == FORM_TYPE:
        form = request.form
        if "update" in form:
            raise Forbidden(READ_ONLY)
        return _operation(form.getlist("query"), form, args)
    if mimetype == QUERY_TYPE:
        return _operation([_utf8_body(request)], args, args)
    if _looks_like_update(request.get_data()):
        raise Forbidden(READ_ONLY)
    raise ApiError(f"POST a query as {FORM_TYPE} or {QUERY_TYPE}", 415)


def _looks_like_update(body: bytes) -> bool:
    """An update sent with a wrong or missing media type is still refused as one."""
    text = body.decode("utf-8", errors="replace")
    return text.lstrip().startswith("update=") or analyse(text).is_update


def _utf8_body(request: Request) -> str:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ApiError(f"the query must be UTF-8, not {charset}", 415)
    try:
        return request.get_data().decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError("the query is not valid UTF-8", 400) from None


def _operation(queries: list[str], params: object, url_params: object) -> Operation:
    if len(queries) > 1:
        raise ApiError("give exactly one query", 400)
    defaults = params.getlist("default-graph-uri") or url_params.getlist("default-graph-uri")
    named = params.getlist("named-graph-uri") or url_params.getlist("named-graph-uri")
    return Operation(query=queries[0] if queries else None,
                     default_graphs=tuple(defaults), named_graphs=tuple(named),
                     timeout=_timeout(params.get("timeout") or url_params.get("timeout")))


def _timeout(value: str | None) -> float | None:
    if value in (None, ""):
        return None
    try:
        seconds = float(value)
    except ValueError:
        raise ApiError("timeout must be a number of seconds", 400) from None
    return seconds if seconds > 0 else None
