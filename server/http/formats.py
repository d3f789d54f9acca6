"""Accept negotiation with q-values over the one MIME table (kg/query/formats.py).

Each table maps a media type to a short format name. The first entry of a table
is its default, used for an absent Accept or `*/*`.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.query.formats import (
    CONTENT_TYPES,
    FORMAT_ALIASES,
    GRAPH_TYPES,
    HTML_TYPES,
    RESULT_TYPES,
)

__all__ = ["CONTENT_TYPES", "GRAPH_TYPES", "HTML_TYPES", "RESULT_TYPES", "alias",
           "negotiate", "parse_accept", "supported"]

@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float
    order: int

    def matches(self, media: str) -> bool:
        main, _, sub = media.partition("/")
        return self.type in ("*", main) and self.subtype in ("*", sub)

    @property
    def specificity(self) -> int:
        return (self.type != "*") + (self.subtype != "*")


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an Accept header; malformed pieces are skipped."""
    ranges = []
    for order, piece in enumerate((header or "").split(",")):
        parts = [p.strip() for p in piece.split(";")]
        media = parts[0].lower()
        if "/" not in media:
            continue
        q = 1.0
        for param in parts[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                q = _qvalue(value.strip())
        main, _, sub = media.partition("/")
        ranges.append(MediaRange(main, sub, q, order))
    return ranges


def _qvalue(text: str) -> float:
    try:
        return min(1.0, max(0.0, float(text)))
    except ValueError:
        return 0.0


def negotiate(header: str | None, table: dict[str, str]) -> str | None:
    """The best media type of `table` for an Accept header, or None (→ 406).

    For each offer, the most specific matching range gives its q; the highest q
    wins, then an exact match over a wildcard, then the table's order."""
    ranges = parse_accept(header)
    if not ranges:
        return next(iter(table))
    best: tuple[float, int, int] | None = None
    chosen = None
    for index, media in enumerate(table):
        matching = [r for r in ranges if r.matches(media)]
        if not matching:
            continue
        top = max(matching, key=lambda r: (r.specificity, r.q))
        rank = (top.q, top.specificity, -index)
        if top.q > 0 and (best is None or rank > best):
            best, chosen = rank, media
    return chosen


def alias(value: str | None) -> str | None:
    """A `format=`-style value as a format name, or None when unknown."""
    if not value:
        return None
    value = value.strip().lower()
    if value in FORMAT_ALIASES:
        return FORMAT_ALIASES[value]
    for table in (RESULT_TYPES, GRAPH_TYPES, HTML_TYPES):
        if value in table:
            return table[value]
    return None


def supported(table: dict[str, str]) -> list[str]:
    return list(dict.fromkeys(table))
