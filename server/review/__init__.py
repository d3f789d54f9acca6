"""`kg review`: a local app, bound to 127.0.0.1, in which one reviewer confirms,
corrects, rejects and adds machine-made annotations (decisions: kg.review)."""

from __future__ import annotations

from flask import Flask

from kg.config import Settings
from server.review.session import Session
from server.review.views import blueprint


def create_app(settings: Settings, reviewer: str) -> Flask:
    app = Flask(__name__, template_folder="templates", static_folder="static",
                static_url_path="/static")
    app.config["REVIEW_SESSION"] = Session(settings, reviewer)
    app.register_blueprint(blueprint)
    return app
