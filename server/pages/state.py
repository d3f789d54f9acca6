"""The per-app page state: the read-only store and the cached page model.

The store is opened once per app (read-only, shared with other processes); the
`Corpus` is read from it once. Apps may inject a store with
``app.config["PAGES_STORE"]`` (tests do); otherwise the current build of the
app's settings (``KG_SETTINGS`` / ``SETTINGS`` in the config, else the
environment) is opened.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import pyoxigraph
from flask import Flask, current_app

from kg.config import Settings
from kg.release import store
from server.pages.corpus import Corpus

EXTENSION = "dutygraph.pages"
_LOCK = threading.Lock()


class PagesState:
    def __init__(self, db: pyoxigraph.Store, settings: Settings,
                 release: Path | None = None) -> None:
        self.db = db
        self.settings = settings
        self.release = release
        self.corpus = Corpus(db)
        self.describe = lru_cache(maxsize=512)(self._describe)
        self.cache: dict[object, object] = {}

    def _describe(self, iris: tuple[str, ...], fmt: str) -> bytes:
        """The triples about the given resources, as Turtle or JSON-LD."""
        values = " ".join(f"<{iri}>" for iri in iris if ">" not in iri)
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}"
        triples = self.db.query(query, use_default_graph_as_union=True)
        rdf_format = {"ttl": pyoxigraph.RdfFormat.TURTLE,
                      "jsonld": pyoxigraph.RdfFormat.JSON_LD}[fmt]
        return triples.serialize(format=rdf_format)

    def memo(self, key: object, make: object) -> object:
        """Cache page data by key: the data never changes while one build is served."""
        if key not in self.cache:
            if len(self.cache) > 4096:
                self.cache.clear()
            self.cache[key] = make()  # type: ignore[operator]
        return self.cache[key]


def settings_of(app: Flask) -> Settings:
    for key in ("DUTYGRAPH_SETTINGS", "KG_SETTINGS", "SETTINGS"):
        if isinstance(app.config.get(key), Settings):
            return app.config[key]
    return Settings.from_env()


def get_state(app: Flask | None = None) -> PagesState:
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    found = app.extensions.get(EXTENSION)
    if found is not None and not _stale(found):
        return found
    with _LOCK:
        found = app.extensions.get(EXTENSION)
        if found is None or _stale(found):
            settings = settings_of(app)
            injected = app.config.get("PAGES_STORE")
            release = None if injected else store.current(settings.build_dir)
            db = injected or store.open_store(release)
            app.extensions[EXTENSION] = PagesState(db, settings, release)
    return app.extensions[EXTENSION]


def _stale(state: PagesState) -> bool:
    """A new build became current since the page model was read."""
    if state.release is None:
        return False
    link = state.settings.build_dir / "current"
    return link.exists() and link.resolve() != state.release
