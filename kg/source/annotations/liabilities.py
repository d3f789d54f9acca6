"""The liability keys of an annotation (data/annotations/README.md, "Liabilities"):

    enforces = ["11", "13.2", "13.2.3"]    # the units whose norms it sanctions
    enforced_by = ["…主管部门"]             # who imposes the consequence
    liable = ["生产者"]                     # who bears it
    [[statement.penalty]]                  # one per consequence, in text order
    kind = "Fine"                          # statements.PENALTY_KINDS
    quote = "处五万元以上十万元以下罚款"      # in the unit, or for an item in its lead-in
    min = 50000
    max = 100000                           # or min_multiple / max_multiple / basis
    tier = "情节严重的"                      # a tier of its own
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from kg.errors import AnnotationError
from kg.source.model import Regulation
from kg.source.statements import PENALTY_KINDS, Anchor, Cited, Penalty

KEYS = {"enforces", "enforced_by", "liable", "penalty"}
PENALTY_KEYS = {"kind", "quote", "occurrence", "min", "max", "min_multiple", "max_multiple",
                "basis", "tier"}


class Failing(Protocol):
    regulation: Regulation

    def fail(self, problem: str) -> AnnotationError: ...


def fields(entry: dict[str, Any], ctx: Failing, at: Anchor, text: str,
           lead_in: str | None) -> dict[str, Any]:
    """The Statement fields of a liability entry, checked against the text."""
    return {"enforces": tuple(_cited(value, ctx) for value in _list(entry, "enforces", ctx)),
            "enforced_by": tuple(_list(entry, "enforced_by", ctx)),
            "liable": tuple(_list(entry, "liable", ctx)),
            "penalties": tuple(_penalty(p, ctx, at, text, lead_in)
                               for p in entry.get("penalty", []))}


def _list(entry: dict[str, Any], key: str, ctx: Failing) -> list[str]:
    value = entry.get(key, [])
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ctx.fail(f"`{key}` must be a list of strings")
    return value


def _cited(value: str, ctx: Failing) -> Cited:
    try:
        cited = Cited.parse(value)
    except ValueError as exc:
        raise ctx.fail(f"enforces: {exc}") from None
    if not _exists(ctx.regulation, cited):
        raise ctx.fail(f"enforces {value!r}: no such article, paragraph or item")
    return cited


def _exists(regulation: Regulation, cited: Cited) -> bool:
    if not 1 <= cited.article <= len(regulation.articles):
        return False
    paragraphs = regulation.article(cited.article).paragraphs
    if cited.paragraph is None:
        return True
    if not 1 <= cited.paragraph <= len(paragraphs):
        return False
    return cited.item is None or 1 <= cited.item <= len(paragraphs[cited.paragraph - 1].items)


def _penalty(entry: dict[str, Any], ctx: Failing, at: Anchor, text: str,
             lead_in: str | None) -> Penalty:
    unknown = set(entry) - PENALTY_KEYS
    if unknown:
        raise ctx.fail(f"penalty: unknown key(s) {sorted(unknown)}; known: {sorted(PENALTY_KEYS)}")
    kind = entry.get("kind")
    if kind not in PENALTY_KINDS:
        raise ctx.fail(f"penalty kind must be one of {', '.join(PENALTY_KINDS)}, not {kind!r}")
    quote = entry.get("quote")
    if not isinstance(quote, str) or not quote:
        raise ctx.fail("a penalty needs a non-empty `quote`")
    where, in_lead_in = (text, False) if quote in text or lead_in is None else (lead_in, True)
    starts = [i for i in range(len(where)) if where.startswith(quote, i)]
    if not starts:
        raise ctx.fail(f"penalty quote not found in {at} (or its lead-in): {quote!r}")
    start = starts[int(entry.get("occurrence", 1)) - 1]
    amounts = {key: _decimal(entry.get(key), key, ctx)
               for key in ("min", "max", "min_multiple", "max_multiple")}
    return Penalty(kind, quote, start, start + len(quote), in_lead_in,
                   amounts["min"], amounts["max"], amounts["min_multiple"],
                   amounts["max_multiple"], entry.get("basis"), entry.get("tier"))


def _decimal(value: object, key: str, ctx: Failing) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ctx.fail(f"penalty {key} must be a number, not {value!r}") from None
    if number < 0:
        raise ctx.fail(f"penalty {key} must not be negative")
    return number
