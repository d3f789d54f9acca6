"""Guards on every request and answer: the URL length cap, CORS without credentials,
and nosniff."""

from __future__ import annotations

from flask import Flask, Response, request

from server.http.errors import ApiError

CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Expose-Headers": ("Link, Retry-After, Content-Type, Vary, ETag, "
                                      "Last-Modified, Content-Location"),
    "Access-Control-Max-Age": "86400",
}


def install(app: Flask, max_url: int) -> None:
    @app.before_request
    def limit_url() -> None:
        raw = request.environ.get("RAW_URI") or request.full_path
        if len(raw) > max_url:
            raise ApiError(f"the URL is longer than {max_url} bytes; "
                           "POST the query instead", 414)

    @app.after_request
    def cors(response: Response) -> Response:
        response.headers.update(CORS)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response
