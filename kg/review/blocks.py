"""Reviewers' decisions as marked blocks of a curated annotation file.

Each decision is one block between ``# review: <unit> <name>`` and ``# end review: …``
lines, appended at the end; the hand-written part of the file (and its comments) is
never rewritten. Deciding again replaces the block, undoing removes it. Designations a
decision needs are defined in ``# review term: …`` blocks, kept when a decision is undone
(another decision may name them)."""

from __future__ import annotations

import json

HEADER = """\
# Curated annotations of {slug}: decisions made in `kg review` (data/annotations/README.md).
# Each block below is one reviewer's decision on a machine-made draft; the draft stays in
# {slug}.draft.toml and the decision wins. Edit by hand only outside the blocks.
"""


def s(value: str) -> str:
    """A TOML basic string."""
    return json.dumps(value, ensure_ascii=False)


def block(key: str, lines: list[str]) -> str:
    return f"# review: {key}\n" + "\n".join(lines).strip("\n") + f"\n# end review: {key}\n"


def find(text: str, key: str) -> str | None:
    """The whole block of ``key`` in ``text``, or None (plain searches: a file holds
    thousands of blocks once a regulation is reviewed)."""
    head, tail = f"# review: {key}\n", f"# end review: {key}\n"
    start = 0 if text.startswith(head) else text.find("\n" + head) + 1
    if start == 0 and not text.startswith(head):
        return None
    end = text.find(tail, start)
    return text[start:end + len(tail)] if end >= 0 else None


def put(text: str, key: str, new: str | None, slug: str) -> str:
    """``text`` with the block of ``key`` replaced by ``new`` (removed when None); a new
    block goes at the end (a new file gets a header)."""
    old = find(text, key)
    if old is not None:
        text = text.replace(old, "", 1)
    if new is None:
        return text
    if not text.strip():
        text = HEADER.format(slug=slug)
    return text.rstrip("\n") + "\n\n" + new


def term_key(kind: str, zh: str) -> str:
    return f"term {kind} {zh}"


def term_block(kind: str, zh: str, term_id: str, en: str, cls: str | None) -> str:
    lines = [f"[{kind}.{s(zh)}]", f"id = {s(term_id)}", f"en = {s(en)}"]
    if cls:
        lines.append(f"class = {s(cls)}")
    return block(term_key(kind, zh), lines)
