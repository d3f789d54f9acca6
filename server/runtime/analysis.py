"""What a SPARQL request is, found before any evaluation.

A tokenizer masks strings, IRIs and comments, so a literal "SERVICE" or an IRI
holding the word is harmless while the keyword itself, wherever it appears
(`SERVICE ?var`, subqueries, nesting, any case), is refused. When in doubt it
refuses: a false refusal is a 400, a false pass would be an outbound request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MASKABLE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*",
    re.DOTALL,
)
_WORD = r"(?<![\w:?$\-]){}(?![\w:\-])"
_SERVICE = re.compile(_WORD.format("SERVICE"), re.IGNORECASE)
_FROM = re.compile(_WORD.format("FROM"), re.IGNORECASE)
_PROLOGUE = re.compile(r"\s*(?:(?:BASE\s*<>|PREFIX\s+[\w.\-]*:\s*<>)\s*)*", re.IGNORECASE)
_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE",
            "COPY", "WITH")


@dataclass(frozen=True)
class QueryInfo:
    form: str | None        # SELECT, ASK, CONSTRUCT, DESCRIBE; None when unknown
    is_update: bool
    uses_service: bool
    uses_from: bool

    @property
    def is_graph(self) -> bool:
        return self.form in ("CONSTRUCT", "DESCRIBE")


def mask(text: str) -> str:
    """The query with strings, IRIs and comments blanked to `<>` / spaces."""
    def blank(match: re.Match[str]) -> str:
        token = match.group(0)
        return "<>" if token.startswith("<") else " "
    return _MASKABLE.sub(blank, text)


def without_comments(text: str) -> str:
    """The query with its comments removed (strings and IRIs kept) and its spacing
    collapsed: the same question, whatever comment a client adds."""
    kept = _MASKABLE.sub(lambda m: "" if m.group(0).startswith("#") else m.group(0), text)
    return re.sub(r"\s+", " ", kept).strip()


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def unescape(text: str) -> str:
    """SPARQL's codepoint escapes (\\uXXXX) decoded, as a parser may do first."""
    def decode(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code < 0x110000 else ""
    return _ESCAPE.sub(decode, text)


def analyse(text: str) -> QueryInfo:
    masked = mask(text)
    decoded = mask(unescape(text)) if "\\" in text else masked
    rest = masked[_PROLOGUE.match(masked).end():]
    first = re.match(r"[A-Za-z]+", rest)
    word = first.group(0).upper() if first else ""
    return QueryInfo(
        form=word if word in _FORMS else None,
        is_update=word in _UPDATES,
        uses_service=bool(_SERVICE.search(masked) or _SERVICE.search(decoded)),
        uses_from=bool(_FROM.search(masked)),
    )
