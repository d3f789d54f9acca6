"""Decisions written at once, atomically and durably, to the curated annotation file.

Each write reads the file again under an exclusive lock, so writers in other processes
merge instead of overwriting one another; the new text is checked by loading it as the
build will, and a decision that would break the file is refused before anything is
written. Only the holder of the regulation's claim (kg.review.claims) may write."""

from __future__ import annotations

import tomllib
from pathlib import Path

from kg.errors import InputError, ReviewError
from kg.review import atomic, blocks, claims, decisions
from kg.review.decisions import Decision
from kg.review.workspace import Workspace
from kg.source import annotations, lexicon
from kg.source.lexicon import Lexicon, Term


def record(workspace: Workspace, decision: Decision) -> str | None:
    """Write ``decision``; return the block it replaced (None: the first decision on
    that draft), which undo restores."""
    new = decisions.render(decision, workspace.regulation)
    return _change(workspace, decision.key, new, decision)


def restore(workspace: Workspace, key: str, previous: str | None,
            reviewer: str) -> str | None:
    """Undo: put back the block that stood under ``key`` (None: remove it); return the
    block it replaced."""
    return _change(workspace, key, previous, None, reviewer)


def _change(workspace: Workspace, key: str, new: str | None, decision: Decision | None,
            reviewer: str | None = None) -> str | None:
    path = workspace.curated_path
    reviewer = decision.reviewer if decision else reviewer
    with atomic.exclusive(path):
        if not claims.holds(path.parent, workspace.slug, reviewer or ""):
            raise ReviewError(f"{workspace.slug}: this session no longer holds the "
                              "regulation; open it again")
        text = atomic.read(path)
        previous = blocks.find(text, key)
        text = blocks.put(text, key, new, workspace.slug)
        if decision is not None:
            text = _with_terms(text, decision, workspace)
        _commit(workspace, path, text)
    return previous


def _commit(workspace: Workspace, path: Path, text: str) -> None:
    """Publish ``text`` only if the build will read it: the curated file loads, its
    definitions agree with the other curated files, and the draft still loads beside it."""
    staged = atomic.staged(path, text)
    try:
        curated = annotations.load(staged, workspace.regulation, workspace.lexicon)
        workspace.curated_elsewhere.union(curated.terms)
        annotations.load(workspace.settings.draft_file(workspace.slug), workspace.regulation,
                         workspace.lexicon.union(curated.terms), machine_made=True)
    except InputError as error:
        staged.unlink()
        where = f"{path}:{error.line}" if error.line else str(path)
        raise ReviewError(f"{where}: {error.problem}") from None
    atomic.publish(staged, path)


def _with_terms(text: str, decision: Decision, workspace: Workspace) -> str:
    """Define in the file every designation the decision names that the shared lexicon
    lacks: as a curated file or the draft defines it, else as a new designation."""
    defined = _defined(text, workspace)
    for kind, name in decisions.names(decision.statement):
        if _known(workspace.lexicon, kind, name) or _known(defined, kind, name):
            continue
        term = _definition(workspace, kind, name)
        key = blocks.term_key(term.kind, term.zh)
        if blocks.find(text, key) is None:
            cls = None if term.kind == "mechanism" else term.cls
            text = blocks.put(text, key, blocks.term_block(term.kind, term.zh, term.id,
                                                           term.en, cls), workspace.slug)
    return text


def _defined(text: str, workspace: Workspace) -> Lexicon:
    try:
        return lexicon.of_file(workspace.curated_path, tomllib.loads(text))
    except (tomllib.TOMLDecodeError, InputError):  # the check in _commit names the problem
        return Lexicon()


def _known(lex: Lexicon, kind: str, name: str) -> bool:
    return bool(lex.find(name) if kind == "?" else lex.get(kind, name))


def _definition(workspace: Workspace, kind: str, name: str) -> Term:
    """As another curated file defines it (one designation, one id), else as the draft
    does, else a new designation."""
    for known in (workspace.curated_elsewhere, workspace.draft_annotations.terms):
        found = known.find(name) if kind == "?" else known.get(kind, name)
        if found:
            return found
    kind = "carrier" if kind == "?" else kind
    cls = {"actor": "Actor", "carrier": "Carrier"}.get(kind, "Mechanism")
    return Term(kind, name, name, f"{name} (named in review; English label to be curated)",
                cls)
