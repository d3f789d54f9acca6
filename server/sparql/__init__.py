"""/sparql: the SPARQL 1.1 Protocol's query operation, the service description and
the query page, answered through the query runtime."""

from __future__ import annotations

from server.sparql import endpoint  # the views register themselves on bp
from server.sparql.blueprint import bp

__all__ = ["bp", "endpoint"]
