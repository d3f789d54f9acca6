"""Linked data: every IRI under the base served at its path, as a page or RDF twin,
read through the query runtime."""

from __future__ import annotations

from server.linkeddata import views  # the views register themselves on bp
from server.linkeddata.blueprint import bp

__all__ = ["bp", "views"]
