"""The review app's routes: the list of regulations, the review screen, decisions."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request

from kg.errors import ReviewError, ReviewLocked
from kg.review import progress
from server.review import forms, model
from server.review.session import Session

blueprint = Blueprint("review", __name__)


def _session() -> Session:
    return current_app.config["REVIEW_SESSION"]


@blueprint.get("/")
def index() -> str:
    session = _session()
    counted = progress.corpus(session.settings)
    return render_template("review/index.html", reviewer=session.reviewer,
                           regulations=counted, reviewed=sum(p.reviewed for p in counted),
                           total=sum(p.total for p in counted))


@blueprint.get("/r/<slug>")
def regulation(slug: str) -> tuple[str, int] | str:
    session = _session()
    _known(slug)
    try:
        workspace = session.open(slug)
        state = model.state(workspace, progress.corpus(session.settings))
    except ReviewLocked as locked:
        return render_template("review/locked.html", locked=locked,
                               reviewer=session.reviewer), 409
    except ReviewError as error:
        return render_template("review/locked.html", error=str(error),
                               reviewer=session.reviewer), 409
    title = progress.regulation(session.settings, slug)
    return render_template("review/regulation.html", slug=slug, state=state,
                           title=title.title if title else slug, reviewer=session.reviewer,
                           units=model.units(workspace), classes=model.CLASS_ZH)


@blueprint.post("/r/<slug>/decide")
def decide(slug: str) -> Response | tuple[Response, int]:
    session = _session()
    try:
        workspace = session.open(slug)
        body = request.get_json(force=True)
        if forms.withdraws(workspace, body):
            session.withdraw(slug, body["key"])
            return jsonify(ok=True, key=body["key"], **_state(slug))
        decision = forms.decision(workspace, session.reviewer, body)
        session.decide(slug, decision)
    except ReviewError as error:
        return _refusal(error)
    return jsonify(ok=True, key=decision.key, **_state(slug))


@blueprint.post("/r/<slug>/undo")
def undo(slug: str) -> Response | tuple[Response, int]:
    session = _session()
    try:
        key = session.undo_last(slug, (request.get_json(silent=True) or {}).get("key"))
    except ReviewError as error:
        return _refusal(error)
    return jsonify(ok=True, key=key, **_state(slug))


@blueprint.get("/r/<slug>/state.json")
def state(slug: str) -> Response:
    _known(slug)
    return jsonify(ok=True, **_state(slug))


@blueprint.get("/r/<slug>/names.json")
def names(slug: str) -> Response:
    workspace = _session().open(slug)
    known = workspace.lexicon.union(workspace.curated().terms, workspace.curated_elsewhere,
                                    workspace.draft_annotations.terms, yielding=True)
    return jsonify(model.suggestions(known, request.args.get("q", "").strip()))


def _state(slug: str) -> dict:
    session = _session()
    return model.state(session.open(slug), progress.corpus(session.settings))


def _refusal(error: ReviewError) -> tuple[Response, int]:
    status = 409 if isinstance(error, ReviewLocked) else 400
    return jsonify(ok=False, error=str(error)), status


def _known(slug: str) -> None:
    if progress.regulation(_session().settings, slug) is None:
        abort(404)
