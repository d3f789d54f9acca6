"""Statements: norms and provisions anchored to exact spans of a unit's text."""

from __future__ import annotations

from dataclasses import dataclass

NORM_KINDS = ("Obligation", "Prohibition", "Permission", "Encouragement")
PROVISION_KINDS = ("Purpose", "Scope", "Definition", "Commencement")
KINDS = NORM_KINDS + PROVISION_KINDS


@dataclass(frozen=True)
class Anchor:
    """Where a statement sits: article, paragraph and optional item ordinals."""

    article: int
    paragraph: int
    item: int | None = None

    @classmethod
    def parse(cls, text: str) -> Anchor:
        message = ("`at` must be ARTICLE.PARAGRAPH or ARTICLE.PARAGRAPH.ITEM, "
                   f"like 3.2 or 12.1.4, not {text!r}")
        try:
            parts = [int(p) for p in str(text).split(".")]
        except ValueError:
            raise ValueError(message) from None
        if not 2 <= len(parts) <= 3 or min(parts) < 1:
            raise ValueError(message)
        return cls(*parts)

    def __str__(self) -> str:
        return ".".join(str(p) for p in (self.article, self.paragraph, self.item) if p)


@dataclass(frozen=True)
class Statement:
    kind: str
    at: Anchor
    quote: str
    start: int
    end: int
    cue: str | None = None
    addressees: tuple[str, ...] = ()
    action: str | None = None
    establishes: tuple[str, ...] = ()
    concerns: tuple[str, ...] = ()
    promoters: tuple[str, ...] = ()
    machine_made: bool = False
    line: int | None = None
    note: str | None = None
    rule: str | None = None  # for a machine-made statement: the rule that made it
    confidence: float | None = None  # and how sure that rule is, 0..1

    @property
    def is_norm(self) -> bool:
        return self.kind in NORM_KINDS


def draft(at: Anchor, kind: str, quote: str, start: int, **fields: object) -> Statement:
    """A machine-made statement: the span is ``quote`` at ``start`` of the unit's text."""
    return Statement(kind=kind, at=at, quote=quote, start=start, end=start + len(quote),
                     machine_made=True, **fields)  # type: ignore[arg-type]
