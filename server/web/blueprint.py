"""The web blueprint, apart from the package so that its modules can import it."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("web", __name__)
