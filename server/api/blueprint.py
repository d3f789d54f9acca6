"""The api blueprint, apart from the package so that its views can import it."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("api", __name__)
