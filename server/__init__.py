"""The DutyGraph web server: a Flask app factory with blueprints.

    /sparql          SPARQL 1.1 Protocol query operation + service description
    /<path>          linked data: every IRI under the base, as a page or RDF twin
"""

from __future__ import annotations

from flask import Flask, Response, request

from kg.config import Settings
from server import errors
from server.backend import Backend, ServeOptions
from server.fastpath import ReplayCache
from server.state import KEY, BackendHolder

_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Expose-Headers": "Link, Retry-After, Content-Type, Vary",
    "Access-Control-Max-Age": "86400",
}


def create_app(settings: Settings | None = None, options: ServeOptions | None = None,
               backend: Backend | None = None) -> Flask:
    """An app serving the current build of `settings` (or a given Backend)."""
    settings = settings or Settings.from_env()
    options = options or ServeOptions()
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=options.max_body, JSON_AS_ASCII=False)
    app.json.ensure_ascii = False
    holder = BackendHolder(lambda: backend or Backend(settings, options))
    app.extensions[KEY] = holder
    app.config["DUTYGRAPH_SETTINGS"] = settings
    errors.register(app)
    _guards(app, options)
    app.wsgi_app = ReplayCache(app.wsgi_app)  # type: ignore[method-assign]
    from server import linkeddata, sparql
    app.register_blueprint(sparql.bp)
    app.register_blueprint(linkeddata.bp)
    from server import pages  # people's pages: home, reader, actors, norms, search… (issue 4)
    app.register_blueprint(pages.bp)
    from server import api  # issue 6: REST, OpenAPI, downloads, @context, version history
    app.register_blueprint(api.bp)
    return app


def _guards(app: Flask, options: ServeOptions) -> None:
    @app.before_request
    def limit_url() -> None:
        raw = request.environ.get("RAW_URI") or request.full_path
        if len(raw) > options.max_url:
            raise errors.ApiError(f"the URL is longer than {options.max_url} bytes; "
                                  "POST the query instead", 414)

    @app.after_request
    def cors(response: Response) -> Response:
        response.headers.update(_CORS)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response
