"""Linked data: every IRI under the base served at its path, as a page or RDF twin,
read through the query runtime."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("linkeddata", __name__)

from server.linkeddata import views  # noqa: E402  (the views register themselves on bp)

__all__ = ["bp", "views"]
