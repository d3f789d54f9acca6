"""Numbers as regulations print them, read exactly into Decimal.

A small grammar, not a table: Chinese numerals with the units 十 百 千 (a section
below ten thousand) and the large units 万 and 亿, 两 for 2, 零 as a filler
(一百零五), 点 for decimals (零点五); Arabic numerals (1000, 0.5, 1,000, full-width
digits), optionally followed by 万 or 亿 (0.5万). Anything else raises AmountError,
never a wrong number: 一千五 (colloquial, ambiguous) and 五万五 are refused.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from kg.errors import KGError
from kg.source.numerals import DIGITS

SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
ZEROS = "零〇"
CHINESE_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS) + "点"
# One number as it may appear in running text (the caller then reads it with `number`).
NUMBER = rf"(?:[0-9０-９][0-9０-９,.．]*[万亿]?|[{CHINESE_CHARS}]+)"
_ARABIC = re.compile(r"([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)([万亿]?)")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


class AmountError(KGError, ValueError):
    """A number or an amount phrase that cannot be read exactly."""

    def __init__(self, text: str, problem: str) -> None:
        self.text = text
        self.problem = problem
        super().__init__(f"{problem}: {text!r}")


def number(text: str) -> Decimal:
    """一万 → 10000, 一百五十万 → 1500000, 两千 → 2000, 零点五 → 0.5, 0.5万 → 5000."""
    plain = text.translate(_FULL_WIDTH)
    arabic = _ARABIC.fullmatch(plain)
    if arabic:
        return Decimal(arabic.group(1).replace(",", "")) * LARGE_UNITS.get(arabic.group(2), 1)
    if not plain or any(ch not in CHINESE_CHARS for ch in plain):
        raise AmountError(text, "not a number")
    whole, point, fraction = plain.partition("点")
    value = Decimal(_large(whole, text)) if whole else None
    if value is None:
        raise AmountError(text, "no whole part before 点")
    return value + _fraction(fraction, text) if point else value


def _fraction(digits: str, text: str) -> Decimal:
    if not digits or any(ch not in DIGITS for ch in digits):
        raise AmountError(text, "digits expected after 点")
    try:
        return Decimal("0." + "".join(str(DIGITS[ch]) for ch in digits))
    except InvalidOperation:  # pragma: no cover - digits are checked above
        raise AmountError(text, "not a decimal fraction") from None


def _large(numeral: str, text: str) -> int:
    """Sections joined by 亿 and 万, each below ten thousand: 一千五百万零五百."""
    total, rest = 0, numeral
    for unit, factor in reversed(LARGE_UNITS.items()):
        head, found, tail = rest.partition(unit)
        if not found:
            continue
        if unit in tail or not head:
            raise AmountError(text, f"misplaced {unit}")
        total += _large(head, text) * factor if unit == "亿" else _section(head, text) * factor
        if len(tail) == 1 and tail in DIGITS and tail not in ZEROS:
            raise AmountError(text, f"a bare digit after {unit} is ambiguous")
        rest = tail
    return total + (_section(rest, text) if rest else 0)


def _section(numeral: str, text: str) -> int:
    """A section below ten thousand: 一千零五十, 二十, 十五, 两百; units in falling order."""
    total, digit, last_unit, zero = 0, None, 10_000, False
    for ch in numeral:
        if ch in ZEROS:
            if digit is not None:
                raise AmountError(text, "a digit before 零")
            zero = True
        elif ch in DIGITS:
            if digit is not None:
                raise AmountError(text, "two digits in a row")
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if unit >= last_unit or (digit is None and (unit != 10 or total or zero)):
                raise AmountError(text, f"misplaced {ch}")
            total, digit, last_unit, zero = total + (digit or 1) * unit, None, unit, False
        else:
            raise AmountError(text, f"unexpected {ch}")
    if zero and digit is None and len(numeral) > 1:
        raise AmountError(text, "nothing after 零")
    if digit is not None:
        if last_unit > 10 and last_unit != 10_000 and not zero:
            raise AmountError(text, "a bare digit after 百 or 千 is ambiguous")
        total += digit
    return total
