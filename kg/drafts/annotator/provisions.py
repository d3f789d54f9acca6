"""Non-deontic provisions: purpose, scope, definition, commencement."""

from __future__ import annotations

import re

_ACT = r"本(?:条例|办法|规定|细则)"
PURPOSE = re.compile(rf"^为了?[^。]*?(?=，(?:根据|依据|依照|按照|结合|制定{_ACT}))")
SCOPE = re.compile(rf"{_ACT}适用于|适用{_ACT}")
DEFINITION = re.compile(rf"^(?:{_ACT}|前款|本条)(?:中)?所称|^[^，。；]{{2,40}}?[，,]?是指")
COMMENCEMENT = re.compile(r"自[^。；]*?起施行")


def provision(sentence: str, first_in_article: bool) -> tuple[str, str] | None:
    """(class, quote) when a sentence is a provision, else None."""
    if first_in_article and sentence.startswith("为") and re.search(rf"制定{_ACT}", sentence):
        purpose = PURPOSE.match(sentence)
        return "Purpose", purpose.group(0) if purpose else sentence
    if DEFINITION.match(sentence):
        return "Definition", sentence
    if COMMENCEMENT.search(sentence) and re.search(_ACT, sentence):
        return "Commencement", sentence
    if SCOPE.search(sentence) and not re.search("应当|不得|可以|禁止", sentence):
        return "Scope", sentence
    return None
