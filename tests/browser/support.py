"""Shared helpers for the page tests: an app with the pages blueprint, and a store
whose literals carry `<script>` (to prove every page renders data inert)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
from flask import Flask

from kg.config import Settings
from kg.release import store

SCRIPT = "<script>alert(1)</script>"
DG = "https://w3id.org/dutygraph/ontology#"
SKOS_LABEL = pyoxigraph.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")


def make_app(settings: Settings, db: pyoxigraph.Store | None = None,
             full: bool = False) -> Flask:
    """The server's app when asked (and available), else a bare app; pages registered."""
    import server.pages as pages
    app = None
    if full:
        try:
            from server import create_app
            app = create_app(settings)
        except ImportError:
            app = None
    if app is None:
        app = Flask("server")
        app.config["DUTYGRAPH_SETTINGS"] = settings
    if db is not None:
        app.config["PAGES_STORE"] = db
    if "pages" not in app.blueprints:
        app.register_blueprint(pages.bp)
    app.config["TESTING"] = True
    return app


def poisoned_store(settings: Settings) -> pyoxigraph.Store:
    """The seed build in memory, with `<script>` appended to every zh label, to the
    text of each paragraph and to every cue and action."""
    db = pyoxigraph.Store()
    release: Path = store.current(settings.build_dir)
    db.bulk_load(path=str(release / store.NQUADS), format=pyoxigraph.RdfFormat.N_QUADS)
    poison = [pyoxigraph.NamedNode(DG + p) for p in ("text", "cue", "action")] + [SKOS_LABEL]
    changed = []
    for quad in db:
        obj = quad.object
        if quad.predicate in poison and isinstance(obj, pyoxigraph.Literal) and (
                obj.language in (None, "zh")):
            new = pyoxigraph.Literal(obj.value + SCRIPT, language=obj.language) \
                if obj.language else pyoxigraph.Literal(obj.value + SCRIPT)
            changed.append((quad, pyoxigraph.Quad(quad.subject, quad.predicate, new,
                                                  quad.graph_name)))
    for old, new in changed:
        db.remove(old)
        db.add(new)
    return db
