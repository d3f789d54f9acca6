"""Cross-references in a unit's text: 第X条(第Y款), 本条第Y款 and 前款, resolved to numbers."""

from __future__ import annotations

import re

from kg.source.formats.repairs import N
from kg.source.model import Reference
from kg.source.numerals import to_int

REFERENCE = re.compile(rf"(?:本条例)?第({N})条(?:第({N})款)?|本条第({N})款|前款")


def references(text: str, article: int, paragraph: int) -> tuple[Reference, ...]:
    """Find 第X条(第Y款), 本条第Y款 and 前款 in a unit's text, resolved to numbers."""
    found = []
    for match in REFERENCE.finditer(text):
        quote = match.group(0)
        if quote == "前款":
            if paragraph > 1:
                found.append(Reference(quote, match.start(), article, paragraph - 1))
        elif match.group(3):
            found.append(Reference(quote, match.start(), article, to_int(match.group(3))))
        else:
            para = to_int(match.group(2)) if match.group(2) else None
            found.append(Reference(quote, match.start(), to_int(match.group(1)), para))
    return tuple(found)
