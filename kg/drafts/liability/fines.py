"""Where a fine's amount is written, relative to its 罚款, and how it reads.

    处五万元以上十万元以下罚款        amount between the verb 处 and 罚款
    每株处五千元以上五万元以下的罚款    a per-unit 每… before the verb
    每日罚款一百元 / 罚款二百元        the amount after 罚款
    按照…地价款数额的二倍处以罚款      the amount before the verb
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.drafts.liability.amounts import Amount, has_quantity, read_amount
from kg.drafts.liability.numbers import CHINESE_CHARS, AmountError

# 处 the verb, not the 处 of 办事处 or 管理处.
_VERB = re.compile(r"(?:并|可以|可|另|应当|分别)*(?:(?<![事理])处以?(?!分|理|置|罚(?!款))|给予)")
# An amount written after 罚款 (罚款五百元至五千元), never reaching into the next fine.
_AFTER = re.compile(rf"(?=[每0-9０-９{CHINESE_CHARS}])[^，；。：（,;:、对处罚]*元"
                    r"(?:以上|以下|以内)?")
_PER = re.compile(r"每[^，；。]*?(?=处|罚款|$)")
_FROM = re.compile(r"按照?")


@dataclass(frozen=True)
class FineReading:
    start: int  # where the fine's words start (the verb, or the amount)
    end: int
    amount: Amount | None
    problem: str | None


def read_fine(text: str, lower: int, cue_start: int, cue_end: int) -> FineReading:
    """The fine whose 罚款 is text[cue_start:cue_end]; its words start no earlier than
    ``lower`` (the start of its segment or the end of the consequence before it)."""
    window = text[lower:cue_start]
    verbs = list(_VERB.finditer(window))
    verb = verbs[-1] if verbs else None
    after_verb = window[verb.end():] if verb else window
    before_verb = window[:verb.start()] if verb else ""
    trailing = _AFTER.match(text, cue_end)
    phrase, start = after_verb, lower + (verb.start() if verb else _lead(window))
    if not has_quantity(after_verb) and has_quantity(before_verb):
        phrase = before_verb[_lead(before_verb):]
        start = lower + _lead(before_verb)
    per = _PER.search(before_verb)
    if per and lower + per.start() < start:
        phrase, start = per.group(0) + phrase, lower + per.start()
    end = cue_end
    if trailing and has_quantity(trailing.group(0)):
        phrase, end = phrase + trailing.group(0), trailing.end()
    return _read(phrase.removesuffix("的"), start, end)


def _lead(window: str) -> int:
    """Where the amount's words start in a window without a verb: at 按 or 每, else after
    a leading conjunction (处警告或者二百元…罚款)."""
    marks = [m.start() for m in (_FROM.search(window), _PER.search(window)) if m]
    return min(marks) if marks else len(window) - len(window.lstrip("、或者和并"))


def _read(phrase: str, start: int, end: int) -> FineReading:
    if not has_quantity(phrase):
        return FineReading(start, end, None, _missing(phrase))
    try:
        return FineReading(start, end, read_amount(phrase), None)
    except AmountError as error:
        return FineReading(start, end, None, str(error))


def _missing(phrase: str) -> str | None:
    """A phrase with numerals or 元 but no readable quantity is a problem, not a bare fine."""
    if re.search(rf"元|倍|百分之|[％%]|[0-9０-９{CHINESE_CHARS}]以[上下]", phrase):
        return f"amount not understood: {phrase!r}"
    return None
