"""Annotation files → statements, every quote anchored and checked against the text.

The format is documented in data/annotations/README.md. Offsets are never typed
by hand: each statement quotes the text, and this module finds the quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import AnnotationError
from kg.source import lexicon as lexicon_mod
from kg.source import tomlfile
from kg.source.annotations import liabilities, review
from kg.source.lexicon import Lexicon
from kg.source.model import Regulation
from kg.source.statements import KINDS, NORM_KINDS, Anchor, Rejection, Statement

LIST_KEYS = ("addressee", "establishes", "concerns", "promoter")
KNOWN_KEYS = {"at", "class", "cue", "quote", "action", "occurrence", "note", "rule",
              "confidence", *LIST_KEYS, *liabilities.KEYS, *review.KEYS}


@dataclass(frozen=True)
class Annotations:
    """The statements of one annotation file, and the designations it defines."""

    statements: tuple[Statement, ...]
    terms: Lexicon
    complete: bool = False  # `complete = true`: every unit was read; drafts do not apply
    rejected: tuple[Rejection, ...] = ()  # drafts a reviewer rejected (`kg review`)


@dataclass(frozen=True)
class Context:
    path: Path
    line: int | None
    regulation: Regulation
    lexicon: Lexicon

    def fail(self, problem: str) -> AnnotationError:
        return AnnotationError(self.path, self.line, problem)


def load(path: Path, regulation: Regulation, lexicon: Lexicon,
         machine_made: bool = False) -> Annotations:
    """Read an annotation file. Statements may name designations of ``lexicon`` and
    of the file's own [actor]/[carrier]/[mechanism] tables; ``lexicon`` is not changed."""
    data = tomlfile.load(path, AnnotationError)
    terms = lexicon_mod.of_file(path, data)
    # a draft yields to the lexicon and the curated file (a reviewer may have defined one
    # of its designations with another id): what people curated wins
    known = lexicon.union(terms, yielding=machine_made)
    known.check_within()
    lines = tomlfile.header_lines(path, "statement")
    entries = data.get("statement", [])
    statements = tuple(
        _statement(entry, Context(path, lines[i] if i < len(lines) else None,
                                  regulation, known), machine_made)
        for i, entry in enumerate(entries)
    )
    _check_unique(statements, path)
    complete = data.get("complete", False)
    if not isinstance(complete, bool):
        raise AnnotationError(path, None, "`complete` must be true or false")
    return Annotations(statements, terms, complete, review.rejections(path, data))


def _statement(entry: dict[str, Any], ctx: Context, machine_made: bool) -> Statement:
    unknown = set(entry) - KNOWN_KEYS
    if unknown:
        raise ctx.fail(f"unknown key(s) {sorted(unknown)}; known: {sorted(KNOWN_KEYS)}")
    kind = entry.get("class")
    if kind not in KINDS:
        raise ctx.fail(f"class must be one of {', '.join(KINDS)}, not {kind!r}")
    anchor = _anchor(entry, ctx)
    text = unit_text(ctx.regulation, anchor)
    if text is None:
        raise ctx.fail(f"at = {str(anchor)!r}: no such article, paragraph or item")
    quote = _required_str(entry, "quote", ctx)
    start = _locate(text, quote, entry.get("occurrence"), ctx, anchor)
    lists = {key: _names(entry, key, ctx) for key in LIST_KEYS}
    liability = liabilities.fields(entry, ctx, anchor, text, _lead_in(ctx, anchor))
    if kind != "Liability" and any(liability.values()):
        raise ctx.fail(f"{sorted(liabilities.KEYS)} belong to class = \"Liability\" only")
    statement = Statement(
        kind=kind, at=anchor, quote=quote, start=start, end=start + len(quote),
        cue=entry.get("cue"), addressees=lists["addressee"], action=entry.get("action"),
        establishes=lists["establishes"], concerns=lists["concerns"],
        promoters=lists["promoter"], machine_made=machine_made, line=ctx.line,
        note=entry.get("note"), rule=_optional_rule(entry, ctx),
        confidence=_optional_confidence(entry, ctx), review=review.of_entry(entry, ctx),
        **liability,
    )
    _check_statement(statement, text, ctx)
    return statement


def _optional_rule(entry: dict[str, Any], ctx: Context) -> str | None:
    rule = entry.get("rule")
    if rule is not None and (not isinstance(rule, str) or not rule):
        raise ctx.fail("`rule` must be a non-empty string (the annotator rule's name)")
    return rule


def _optional_confidence(entry: dict[str, Any], ctx: Context) -> float | None:
    value = entry.get("confidence")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ctx.fail(f"`confidence` must be a number from 0 to 1, not {value!r}")
    return float(value)


def _anchor(entry: dict[str, Any], ctx: Context) -> Anchor:
    try:
        return Anchor.parse(entry.get("at", ""))
    except ValueError as exc:
        raise ctx.fail(str(exc)) from None


def _required_str(entry: dict[str, Any], key: str, ctx: Context) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        raise ctx.fail(f"`{key}` must be a non-empty string")
    return value


def _names(entry: dict[str, Any], key: str, ctx: Context) -> tuple[str, ...]:
    value = entry.get(key, [])
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ctx.fail(f"`{key}` must be a list of designations")
    return tuple(value)


def unit_text(regulation: Regulation, anchor: Anchor) -> str | None:
    """The dg:text of the unit an anchor names, or None when it does not exist."""
    if not 1 <= anchor.article <= len(regulation.articles):
        return None
    paragraphs = regulation.article(anchor.article).paragraphs
    if not 1 <= anchor.paragraph <= len(paragraphs):
        return None
    paragraph = paragraphs[anchor.paragraph - 1]
    if anchor.item is None:
        return paragraph.text
    if not 1 <= anchor.item <= len(paragraph.items):
        return None
    return paragraph.items[anchor.item - 1].text


def _locate(text: str, quote: str, occurrence: int | None, ctx: Context,
            anchor: Anchor) -> int:
    starts = [i for i in range(len(text)) if text.startswith(quote, i)]
    if not starts:
        raise ctx.fail(f"quote not found in {anchor}: {quote!r}")
    if occurrence is None:
        if len(starts) > 1:
            raise ctx.fail(f"quote occurs {len(starts)} times in {anchor}; "
                           "add `occurrence = N` to choose one")
        return starts[0]
    if not isinstance(occurrence, int) or not 1 <= occurrence <= len(starts):
        raise ctx.fail(f"occurrence must be 1..{len(starts)}, not {occurrence!r}")
    return starts[occurrence - 1]


def _check_statement(statement: Statement, text: str, ctx: Context) -> None:
    if statement.kind in NORM_KINDS:
        if not statement.cue or statement.cue not in _cue_scope(statement, ctx):
            raise ctx.fail(f"a {statement.kind} needs a `cue` that occurs in its quote, "
                           f"or for an item in its paragraph's lead-in (cue {statement.cue!r})")
        if not statement.addressees:
            raise ctx.fail(f"a {statement.kind} needs at least one addressee")
    if statement.action and statement.action not in text:
        raise ctx.fail(f"action is not an excerpt of {statement.at}: {statement.action!r}")
    _check_names(statement, ctx)


def _lead_in(ctx: Context, anchor: Anchor) -> str | None:
    """For an item, its paragraph's text: items of a 下列 list inherit from it."""
    if anchor.item is None:
        return None
    return unit_text(ctx.regulation, Anchor(anchor.article, anchor.paragraph))


def _cue_scope(statement: Statement, ctx: Context) -> str:
    """Where the cue may stand: the quote; for an item also the paragraph's lead-in,
    since items of a 不得有下列行为： list inherit its modality."""
    return statement.quote + "\n" + (_lead_in(ctx, statement.at) or "")


def _check_names(statement: Statement, ctx: Context) -> None:
    expected = {"addressee": ("actor",), "promoter": ("actor",),
                "establishes": ("mechanism",),
                "concerns": ("actor", "carrier", "mechanism"),
                "enforced_by": ("actor",), "liable": ("actor",)}
    values = {"addressee": statement.addressees, "promoter": statement.promoters,
              "establishes": statement.establishes, "concerns": statement.concerns,
              "enforced_by": statement.enforced_by, "liable": statement.liable}
    for key, kinds in expected.items():
        for name in values[key]:
            if not any(ctx.lexicon.get(kind, name) for kind in kinds):
                raise ctx.fail(f"{key} {name!r} is not a known {' or '.join(kinds)}: "
                               "add it to data/lexicon.toml or this file's tables")


def _check_unique(statements: tuple[Statement, ...], path: Path) -> None:
    seen: dict[tuple, Statement] = {}
    for statement in statements:
        key = (statement.kind, statement.at, statement.start, statement.end)
        if key in seen:
            raise AnnotationError(path, statement.line, f"same class and span as the "
                                  f"statement at line {seen[key].line}: merge them")
        seen[key] = statement
