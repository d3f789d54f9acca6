"""Fine amounts: 一万元以上十万元以下, 五千元以下, 违法所得一倍以上三倍以下, 每株五百元.

``read_amount(text)`` reads the amount part of a fine (the words between 处 and
罚款, or around 罚款 as in 每日罚款一百元) into an ``Amount``. Bounds in yuan or
as multiples of a basis (违法所得, 货值金额 …; percentages become multiples:
百分之五十 → 0.5), a unit for per-unit fines (每株 → 株) and whether the fine runs
per day (每日, 按日). A phrase it cannot read exactly raises AmountError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.drafts.liability.numbers import LARGE_UNITS, NUMBER, AmountError, number

_FRACTIONS = {"百分之": Decimal(100), "千分之": Decimal(1000), "万分之": Decimal(10000)}
_RANGE = r"至|到|－|-|～|~|—"
_TOKEN = re.compile(
    rf"(?P<part>百分之|千分之|万分之)(?P<pnum>{NUMBER})"
    rf"|(?P<mnum>{NUMBER})倍|(?P<equal>等值)|(?P<pct>{NUMBER})[％%]"
    rf"|(?P<ynum>{NUMBER})元"
    rf"|(?P<bare>{NUMBER})(?=(?:{_RANGE})(?:百分之|千分之|万分之)?{NUMBER}(?:倍|元))")
_MAX_AFTER = ("以下", "以内", "之内")
_MIN_AFTER = ("以上",)
_MAX_BEFORE = ("不超过", "不高于", "最高", "最多", "不满", "不足")
_MIN_BEFORE = ("不低于", "不少于", "最低")
_PER_UNIT = re.compile(r"每(?:一|个)?([^每\d]+?)(?=每|处|罚款|按|$)")
_DAILY = re.compile(r"每(?:一)?[日天]|按日")
_CAP = re.compile(r"(?:(?<=倍)|(?<=以上)|(?<=以下))[，、]?(?:但|且)?(?:最高)?(?:不超过|不得超过)")
_BASIS_NOISE = re.compile(r"^(?:并?处以?|按照?|以|其|对)+|(?:的|之)+$")


@dataclass(frozen=True)
class Amount:
    """A fine's amount as stated. Bounds are None where the text states none."""

    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    min_multiple: Decimal | None = None
    max_multiple: Decimal | None = None
    basis: str | None = None
    per_unit: str | None = None
    daily: bool = False

    @property
    def in_yuan(self) -> bool:
        return self.min_amount is not None or self.max_amount is not None

    @property
    def as_multiple(self) -> bool:
        return self.min_multiple is not None or self.max_multiple is not None


@dataclass(frozen=True)
class _Quantity:
    kind: str  # "yuan" | "multiple" | "bare"
    value: Decimal
    start: int
    end: int
    large_unit: bool = False


def has_quantity(text: str) -> bool:
    """Whether the text states any sum or multiple at all (a fine without one has no bounds)."""
    return bool(_TOKEN.search(text))


def read_amount(text: str) -> Amount:
    """Read an amount phrase. Raises AmountError when it states no amount or is not exact.
    A sum and a multiple as alternatives (违法所得一倍以上三倍以下或者一千元以上一万元以下)
    fill both the amount and the multiple bounds."""
    first, _, second = text.partition("或者")
    if second and has_quantity(first) and has_quantity(second):
        return _alternatives(text, _one(first), _one(second))
    cap = _CAP.search(text)
    if cap and has_quantity(text[:cap.start()]) and has_quantity(text[cap.end():]):
        return _capped(text, _one(text[:cap.start()]), _one("不超过" + text[cap.end():]))
    return _one(text)


def _capped(text: str, multiple: Amount, cap: Amount) -> Amount:
    """违法所得三倍以上但不超过五万元: a multiple, capped by a sum."""
    if not multiple.as_multiple or cap.max_amount is None:
        raise AmountError(text, "a cap on something other than a multiple")
    return Amount(None, cap.max_amount, multiple.min_multiple, multiple.max_multiple,
                  multiple.basis, multiple.per_unit, multiple.daily)


def _alternatives(text: str, first: Amount, second: Amount) -> Amount:
    money, multiple = (second, first) if first.as_multiple else (first, second)
    if not money.in_yuan or not multiple.as_multiple:
        raise AmountError(text, "two alternative amounts of one kind")
    return Amount(money.min_amount, money.max_amount, multiple.min_multiple,
                  multiple.max_multiple, multiple.basis, money.per_unit or multiple.per_unit,
                  money.daily or multiple.daily)


def _one(text: str) -> Amount:
    quantities = _quantities(text)
    if not quantities:
        raise AmountError(text, "no amount")
    if len(quantities) > 2:
        raise AmountError(text, "more than two amounts")
    low, high = _bounds(text, quantities)
    kind = (high or low).kind
    unit, daily = _unit(text[:quantities[0].start])
    basis = _basis(text[:quantities[0].start]) if kind == "multiple" else None
    if kind == "yuan":
        return Amount(min_amount=low and low.value, max_amount=high and high.value,
                      per_unit=unit, daily=daily)
    return Amount(min_multiple=low and low.value, max_multiple=high and high.value,
                  basis=basis, per_unit=unit, daily=daily)


def _quantities(text: str) -> list[_Quantity]:
    try:
        return _share_units(text, _tokens(text))
    except AmountError as error:
        if error.text == text:
            raise
        raise AmountError(text, f"{error.problem} ({error.text!r})") from None


def _tokens(text: str) -> list[_Quantity]:
    found: list[_Quantity] = []
    for match in _TOKEN.finditer(text):
        if match.group("part") or match.group("pct"):
            fraction = _FRACTIONS[match.group("part") or "百分之"]
            value = number(match.group("pnum") or match.group("pct")) / fraction
            found.append(_Quantity("multiple", tidy(value), match.start(), match.end()))
        elif match.group("mnum") or match.group("equal"):
            value = number(match.group("mnum")) if match.group("mnum") else Decimal(1)
            found.append(_Quantity("multiple", tidy(value), match.start(), match.end()))
        else:
            numeral = match.group("ynum") or match.group("bare")
            kind = "yuan" if match.group("ynum") else "bare"
            found.append(_Quantity(kind, tidy(number(numeral)), match.start(), match.end(),
                                   numeral[-1] in LARGE_UNITS))
    return found


def _share_units(text: str, found: list[_Quantity]) -> list[_Quantity]:
    """五百至一千元, 一至三倍: the first number takes the unit of the second."""
    if len(found) == 2 and found[0].kind == "bare":
        first, second = found
        if second.large_unit and not first.large_unit:
            raise AmountError(text, "unclear whether 万 applies to both numbers")
        found[0] = _Quantity(second.kind, first.value, first.start, first.end)
    return found


def _bounds(text: str, quantities: list[_Quantity]) -> tuple[_Quantity | None, ...]:
    first = quantities[0]
    before, after = _BASIS_NOISE.sub("", text[:first.start]), text[first.end:]
    if len(quantities) == 1:
        if after.startswith(_MAX_AFTER) or before.startswith(_MAX_BEFORE) \
                or before.endswith(_MAX_BEFORE):
            return None, first
        if after.startswith(_MIN_AFTER) or before.startswith(_MIN_BEFORE) \
                or before.endswith(_MIN_BEFORE):
            return first, None
        return first, first
    second = quantities[1]
    between = text[first.end:second.start]
    if not re.fullmatch(rf"以上[、，]?(?:至|但?不满|但?不超过|不足)?|{_RANGE}", between):
        raise AmountError(text, f"two amounts joined by {between!r}")
    if first.kind != second.kind:
        raise AmountError(text, "a sum and a multiple in one range")
    if first.value > second.value:
        raise AmountError(text, "the lower bound exceeds the upper")
    return first, second


def _unit(before: str) -> tuple[str | None, bool]:
    """The unit of a per-unit fine (每株 → 株, 每日每平方米 → 平方米) and whether it is daily."""
    daily = bool(_DAILY.search(before))
    units = [m.group(1) for m in _PER_UNIT.finditer(before) if m.group(1) not in ("日", "天")]
    return (units[-1] if units else None), daily


def _basis(before: str) -> str | None:
    """违法所得 in 违法所得一倍以上三倍以下; None where the text names no basis."""
    basis = _BASIS_NOISE.sub("", before.strip())
    for word in _MAX_BEFORE + _MIN_BEFORE:
        basis = basis.removeprefix(word).removesuffix(word)
    return _BASIS_NOISE.sub("", basis) or None


def tidy(value: Decimal) -> Decimal:
    """5000.0 → 5000, 0.50 → 0.5: the value as a reader would write it."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
