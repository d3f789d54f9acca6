"""/download/: the release's dumps, checksums, DCAT + VoID; /context.jsonld."""

from __future__ import annotations

from pathlib import Path

from flask import Response, current_app, render_template, request, send_file

from kg.errors import BuildNotFound
from kg.query.formats import CONTENT_TYPES, media_type
from kg.release import context, dcat, store
from server.api import params
from server.api.blueprint import bp
from server.http.errors import ApiError
from server.runtime import runtime

# bare media types: send_file adds the charset of text/* itself
MEDIA = {**dcat.MEDIA, dcat.DATASET_FILE: media_type("turtle"),
         context.CONTEXT_FILE: media_type("jsonld")}


def release() -> Path:
    """The served release (the embedded runtime's), else the current build."""
    served = runtime().release.folder
    if served is not None and served.is_dir():
        return served
    try:
        return store.current(current_app.config["DUTYGRAPH_SETTINGS"].build_dir)
    except BuildNotFound:
        raise ApiError("no build is published here", 404) from None


def listing(folder: Path) -> list[dict]:
    files = store.manifest(folder).get("files", {})
    return [{"name": name, "bytes": (folder / name).stat().st_size, "sha256": digest,
             "url": f"/download/{name}"} for name, digest in files.items()]


@bp.route("/download/")
def downloads_index() -> Response:
    folder = release()
    files = listing(folder)
    if params.wants_json(request.args, request.headers.get("Accept")):
        return current_app.json.response({"ok": True, "release": folder.name, "files": files})
    return Response(render_template("downloads.html", release=folder.name, files=files),
                    content_type=CONTENT_TYPES["html"])


@bp.route("/download/checksums.json")
def checksums() -> Response:
    folder = release()
    return current_app.json.response({"ok": True, "release": folder.name,
                                      "files": listing(folder)})


@bp.route("/download/SHA256SUMS")
def sha256sums() -> Response:
    lines = [f"{f['sha256']}  {f['name']}\n" for f in listing(release())]
    return Response("".join(lines), content_type=CONTENT_TYPES["text"])


@bp.route("/download/<name>")
def download(name: str) -> Response:
    folder = release()
    if name not in store.manifest(folder).get("files", {}) or name not in MEDIA:
        raise ApiError(f"no file {name!r} in this release; see /download/", 404)
    return send_file(folder / name, mimetype=MEDIA[name], conditional=True,
                     download_name=name, etag=store.manifest(folder)["files"][name])


@bp.route("/context.jsonld")
def jsonld_context() -> Response:
    base = current_app.config["DUTYGRAPH_SETTINGS"].base_iri
    return Response(current_app.json.dumps(context.context(base)),
                    content_type=CONTENT_TYPES["jsonld"])
