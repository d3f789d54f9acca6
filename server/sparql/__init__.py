"""/sparql: the SPARQL 1.1 Protocol's query operation, the service description and
the query page, answered through the query runtime."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("sparql", __name__)

from server.sparql import endpoint  # noqa: E402  (the views register themselves on bp)

__all__ = ["bp", "endpoint"]
