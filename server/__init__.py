"""The DutyGraph web server: a Flask app factory with blueprints, every view reading
through ONE query runtime (server/runtime/).

    /sparql          SPARQL 1.1 Protocol query operation + service description
    /api/, /download/, /versions/   the REST API, dumps and version histories
    /, /reader/, /actors/ …        the people's pages
    /<path>          linked data: every IRI under the base, as a page or RDF twin
"""

from __future__ import annotations

from flask import Flask

from kg.config import Settings
from server.http import errors, guards
from server.http.compress import Compress
from server.http.conditional import Conditional
from server.http.replay import ReplayCache
from server.runtime.holder import KEY, RuntimeHolder
from server.runtime.protocol import QueryRuntime, ServeOptions


def create_app(settings: Settings | None = None, options: ServeOptions | None = None,
               runtime: QueryRuntime | None = None) -> Flask:
    """An app serving the current build of `settings` (or the given runtime)."""
    settings = settings or Settings.from_env()
    options = options or ServeOptions()
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=options.max_body, JSON_AS_ASCII=False,
                      DUTYGRAPH_SETTINGS=settings)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    holder = RuntimeHolder(lambda: runtime or _embedded(settings, options))
    app.extensions[KEY] = holder
    errors.register(app)
    guards.install(app, options.max_url)
    # outermost first: validators and 304s, then compression, then the replay of answers
    app.wsgi_app = Conditional(Compress(ReplayCache(app.wsgi_app, holder)),  # type: ignore[method-assign]
                               holder)
    from server import api, linkeddata, pages, sparql, web
    for blueprint in (sparql.bp, linkeddata.bp, pages.bp, api.bp, web.bp):
        app.register_blueprint(blueprint)
    return app


def _embedded(settings: Settings, options: ServeOptions) -> QueryRuntime:
    from server.runtime.embedded import EmbeddedRuntime
    return EmbeddedRuntime(settings, options)
