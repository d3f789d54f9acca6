"""Typed parameters of the named queries: JSON Schema for OpenAPI, and checking."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict

from kg.query.formats import PAGE_TYPES
from kg.query.named import NamedQuery, Param
from server.http import formats
from server.http.errors import ApiError

IRI_PATTERN = r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|^`\\]*$"
INT_MIN, INT_MAX = 0, 2**31 - 1
RESERVED = ("format",)


def schema(param: Param) -> dict:
    if param.type == "integer":
        out: dict = {"type": "integer", "minimum": INT_MIN, "maximum": INT_MAX}
        if param.default is not None:
            out["default"] = int(param.default)
        return out
    out = {"type": "string"}
    if param.type == "iri":
        out.update(format="iri", pattern=IRI_PATTERN)
    if param.type == "date":
        out.update(format="date", pattern=r"^\d{4}-\d{2}-\d{2}$")
    if param.default is not None:
        out["default"] = param.default
    return out


def check(query: NamedQuery, given: dict[str, str]) -> dict[str, str]:
    """The values to bind, checked against the parameter types (ApiError 400)."""
    known = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(known) - set(RESERVED))
    if unknown:
        raise ApiError(f"unknown parameter(s) {unknown}; {query.name} takes "
                       f"{sorted(known) or 'none'}", 400)
    return {name: _value(known[name], value) for name, value in given.items()
            if name in known}


def _value(param: Param, value: str) -> str:
    if param.type == "integer":
        try:
            number = int(value.strip())
        except ValueError:
            raise ApiError(f"{param.name} must be an integer", 400) from None
        if not INT_MIN <= number <= INT_MAX:
            raise ApiError(f"{param.name} must be between {INT_MIN} and {INT_MAX}", 400)
        return str(number)
    if param.type in ("iri", "date"):
        try:
            param.term(value)
        except ValueError as exc:
            raise ApiError(str(exc), 400) from None
        return value
    return value.replace("\r\n", "\n").replace("\r", "\n")  # a SPARQL string holds no raw CR


def wants_json(args: MultiDict[str, str], accept: str | None) -> bool:
    """Whether a page with a JSON twin (/download/, /versions/<slug>) is asked for as JSON:
    `?format=json`, else by Accept. Any other `format` is a 400, never silently the page."""
    wanted = args.get("format")
    if wanted is not None:
        if wanted != "json":
            raise ApiError("format must be json (or absent, for the page)", 400)
        return True
    return PAGE_TYPES.get(formats.negotiate(accept, PAGE_TYPES) or "") == "plainjson"
