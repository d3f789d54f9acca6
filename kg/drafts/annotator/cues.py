"""Cue words of the four modalities and the splitting of a unit into sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

ENCOURAGE = "鼓励|支持|引导|提倡"
DEONTIC = {
    "Obligation": r"应当|必须|(?<!直接)负责(?!人|制|的)",  # 直接负责的主管人员, X负责的机制: nouns
    "Prohibition": r"不得|禁止|严禁|不予",
    "Permission": r"可以|有权",
}
ENCOURAGEMENT = rf"(?:{ENCOURAGE})(?:(?:和|、|并|或者)(?:{ENCOURAGE}))*"
_CUE = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in
                           {**DEONTIC, "Encouragement": ENCOURAGEMENT}.items()))
# duties stated in the indicative by an office (GUIDELINE §12), light verb and object
INDICATIVE = re.compile(r"实施统一监督管理|实施监督管理|进行监督管理|负责监督管理"
                        r"|做好[^，。；]{0,12}?工作|组织实施|统一监督管理")
SENTENCE_END = "。；！？"
CLAUSE_BREAK = "，；。：！？"


@dataclass(frozen=True)
class Cue:
    kind: str
    text: str
    start: int
    end: int


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of a unit, each ending after its 。 or ；."""
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_END:
            spans.append((start, i + 1))
            start = i + 1
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def cues(text: str, start: int, end: int) -> list[Cue]:
    """Cues in text[start:end], in order."""
    found = []
    for match in _CUE.finditer(text, start, end):
        kind = match.lastgroup or ""
        if not _in_condition(text, match, end):
            found.append(Cue(kind, match.group(0), match.start(), match.end()))
    return found


def _in_condition(text: str, match: re.Match[str], end: int) -> bool:
    """A cue inside a condition or an exception states no norm of its own: 可以当场处理的，…;
    …不得…的除外."""
    clause = text[match.end(): clause_end(text, match.end(), end)]
    if clause.endswith("除外"):
        return True
    return match.lastgroup == "Permission" and clause.endswith("的")


def clause_start(text: str, position: int, floor: int) -> int:
    """Where the clause holding ``position`` begins (after the last ，；：), not before floor."""
    for i in range(position - 1, floor - 1, -1):
        if text[i] in CLAUSE_BREAK:
            return i + 1
    return floor


def clause_end(text: str, position: int, ceiling: int) -> int:
    """Index of the clause break after ``position`` (or ceiling)."""
    for i in range(position, ceiling):
        if text[i] in CLAUSE_BREAK:
            return i
    return ceiling


def is_clause_initial(text: str, cue: Cue, floor: int) -> bool:
    return clause_start(text, cue.start, floor) == cue.start
