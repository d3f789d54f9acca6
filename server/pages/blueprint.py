"""The pages blueprint, apart from the package so that its views can import it."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("pages", __name__, template_folder="../templates")
