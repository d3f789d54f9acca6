"""Chinese numerals as printed in regulations (第一百零三条) to integers and back."""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)


def to_int(numeral: str) -> int:
    """Convert 二十九 → 29, 一百零三 → 103, 十 → 10. Raises ValueError on anything else."""
    if not numeral or any(ch not in DIGITS and ch not in UNITS for ch in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    total, pending = 0, None
    for ch in numeral:
        if ch in DIGITS:
            pending = DIGITS[ch]
        else:
            total += (1 if pending is None else pending) * UNITS[ch]
            pending = None
    return total + (pending or 0)


def from_int(value: int) -> str:
    """Convert 29 → 二十九, 103 → 一百零三 (the inverse of to_int for 1..9999)."""
    if not 0 < value < 10000:
        raise ValueError(f"out of range: {value}")
    names = "零一二三四五六七八九"
    parts: list[str] = []
    zero_pending = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // unit_value % 10
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        omit_one = unit == "十" and digit == 1 and not parts
        parts.append(("" if omit_one else names[digit]) + unit)
    return "".join(parts)
