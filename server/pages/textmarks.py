"""Cut a paragraph's text into segments for highlighting, with no markup in Python.

Templates turn the segments into <mark> and <a> elements; the text itself is only
ever escaped by Jinja, never marked safe.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from server.pages.links import modality, norm_href, term_href
from server.pages.slice import LINK_PROPS, Slice
from server.pages.viewmodel import StatementView


def span_of(text: str, st: StatementView) -> tuple[int, int]:
    """The statement's span in the text; found again by its quote if offsets disagree."""
    start, end = max(0, st.start), min(len(text), st.end)
    if st.exact and text[start:end] != st.exact and st.exact in text:
        start = text.index(st.exact)
        end = start + len(st.exact)
    return start, max(start, end)


def mentions(corpus: Slice, text: str, spans: list[tuple[int, int, StatementView]]
             ) -> list[tuple[int, int, str]]:
    """Where the labels of the linked actors, mechanisms and carriers occur in the spans:
    longest first, never overlapping."""
    found: list[tuple[int, int, str]] = []
    for start, end, st in spans:
        for prop in LINK_PROPS:
            for iri in st.linked(prop):
                term = corpus.terms.get(iri)
                if term and term.zh and (pos := text.find(term.zh, start, end)) >= 0:
                    found.append((pos, pos + len(term.zh), iri))
    chosen: list[tuple[int, int, str]] = []
    for cand in sorted(set(found), key=lambda m: (m[0] - m[1], m[0])):
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    return sorted(chosen)


def segments(corpus: Slice, text: str, statements: list[StatementView],
             lang: str) -> list[dict[str, Any]]:
    """Segments of `text`: each with the innermost statement covering it (modality,
    number), the term it mentions (link) and the marks of statements ending there."""
    spans = [(*span_of(text, st), st) for st in statements]
    marks = mentions(corpus, text, spans)
    cuts = sorted({0, len(text)} | {p for s, e, _ in spans for p in (s, e)}
                  | {p for s, e, _ in marks for p in (s, e)})
    out: list[dict[str, Any]] = []
    for a, b in pairwise(cuts):
        if a >= b:
            continue
        covering = [(e - s, n) for n, (s, e, _) in enumerate(spans) if s <= a and b <= e]
        inner = min(covering)[1] if covering else None
        term_iri = next((iri for s, e, iri in marks if s <= a and b <= e), None)
        term = corpus.terms.get(term_iri or "")
        out.append({
            "text": text[a:b],
            "n": None if inner is None else inner + 1,
            "modality": None if inner is None else modality(spans[inner][2].cls),
            "term_href": term_href(term) if term else None,
            "term_label": term.label(lang) if term else None,
            "ends": [{"n": n + 1, "href": norm_href(st), "modality": modality(st.cls)}
                     for n, (_, e, st) in enumerate(spans) if e == b],
        })
    return out


def highlight(text: str, needle: str) -> list[tuple[str, bool]]:
    """Split text around every occurrence of needle (case-insensitive for Latin)."""
    if not needle:
        return [(text, False)]
    low, key, parts, pos = text.lower(), needle.lower(), [], 0
    if len(low) != len(text) or len(key) != len(needle):
        low, key = text, needle
    while (hit := low.find(key, pos)) >= 0:
        if hit > pos:
            parts.append((text[pos:hit], False))
        parts.append((text[hit:hit + len(key)], True))
        pos = hit + len(key)
    if pos < len(text):
        parts.append((text[pos:], False))
    return parts
