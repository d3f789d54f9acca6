"""Chinese numbers and fine amounts, read exactly (kg.drafts.liability.numbers/amounts)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.drafts.liability import AmountError, number, read_amount
from kg.drafts.liability.kinds import cues
from kg.drafts.liability.penalties import penalties

D = Decimal


@pytest.mark.parametrize(("text", "value"), [
    ("一万", 10000), ("五千", 5000), ("二十万", 200000), ("一百五十万", 1500000),
    ("一千五百", 1500), ("三十", 30), ("两千", 2000), ("十万", 100000), ("十五", 15),
    ("一百零五", 105), ("一千零五十", 1050), ("一百一十", 110), ("两百", 200),
    ("五万零五百", 50500), ("九千九百九十九万", 99990000), ("一亿二千万", 120000000),
    ("零点五", D("0.5")), ("三点二五", D("3.25")),
    ("1000", 1000), ("1,000", 1000), ("１０００", 1000), ("0.5万", 5000), ("2万", 20000),
])
def test_numbers_follow_the_grammar(text: str, value: int | Decimal) -> None:
    assert number(text) == value


@pytest.mark.parametrize("text", [
    "", "万", "百", "十十", "一二", "五万五", "一千五", "一百零", "一万万", "五元", "abc",
])
def test_a_malformed_number_is_refused_not_guessed(text: str) -> None:
    with pytest.raises(AmountError):
        number(text)


def _bounds(text: str) -> tuple:
    a = read_amount(text)
    return a.min_amount, a.max_amount, a.min_multiple, a.max_multiple, a.basis


@pytest.mark.parametrize(("text", "expected"), [
    ("一万元", (10000, 10000, None, None, None)),
    ("五千元以下", (None, 5000, None, None, None)),
    ("二十万元", (200000, 200000, None, None, None)),
    ("一百五十万元", (1500000, 1500000, None, None, None)),
    ("一千五百元", (1500, 1500, None, None, None)),
    ("三十元", (30, 30, None, None, None)),
    ("两千元", (2000, 2000, None, None, None)),
    ("十万元以上五十万元以下", (100000, 500000, None, None, None)),
    ("五十元以上二百元以下", (50, 200, None, None, None)),
    ("1000元以上5000元以下", (1000, 5000, None, None, None)),
    ("0.5万元", (5000, 5000, None, None, None)),
    ("一万元以上三万元以下", (10000, 30000, None, None, None)),
    ("五百至一千元", (500, 1000, None, None, None)),
    ("5000元至5万元", (5000, 50000, None, None, None)),
    ("五千元以上、三万元以下", (5000, 30000, None, None, None)),
    ("最高不超过十万元", (None, 100000, None, None, None)),
    ("五千元以上", (5000, None, None, None, None)),
    ("百分之五十以上三倍以下", (None, None, D("0.5"), 3, None)),
    ("违法所得一倍以上三倍以下", (None, None, 1, 3, "违法所得")),
    ("货值金额百分之十以上百分之五十以下", (None, None, D("0.1"), D("0.5"), "货值金额")),
    ("工程合同价款百分之零点五以上百分之一以下",
     (None, None, D("0.005"), D("0.01"), "工程合同价款")),
    ("工程合同价款2％以上4％以下", (None, None, D("0.02"), D("0.04"), "工程合同价款")),
    ("违法所得一至三倍", (None, None, 1, 3, "违法所得")),
    ("违法所得一倍以上不满二倍", (None, None, 1, 2, "违法所得")),
    ("违法生产、销售产品货值金额等值以下", (None, None, None, 1, "违法生产、销售产品货值金额")),
    ("不超过违法所得三倍", (None, None, None, 3, "违法所得")),
    ("违法所得三倍以上但不超过五万元", (None, 50000, 3, None, "违法所得")),
    ("违法所得一倍以上三倍以下或者一千元以上一万元以下", (1000, 10000, 1, 3, "违法所得")),
    ("按照实际使用用途类型应当缴纳的土地使用权地价款数额的二倍",
     (None, None, 2, 2, "实际使用用途类型应当缴纳的土地使用权地价款数额")),
])
def test_amount_phrases(text: str, expected: tuple) -> None:
    assert _bounds(text) == expected


@pytest.mark.parametrize(("text", "unit", "daily", "low", "high"), [
    ("每辆五百元", "辆", False, 500, 500),
    ("每平方米五十元以上一百元以下", "平方米", False, 50, 100),
    ("每吨二百元", "吨", False, 200, 200),
    ("每株五千元以上五万元以下", "株", False, 5000, 50000),
    ("每日每平方米三元", "平方米", True, 3, 3),
    ("每一停车位每日一百元", "停车位", True, 100, 100),
    ("每日一千元", None, True, 1000, 1000),
])
def test_per_unit_and_daily_fines_keep_their_unit(text: str, unit: str | None, daily: bool,
                                                  low: int, high: int) -> None:
    amount = read_amount(text)
    assert (amount.per_unit, amount.daily, amount.min_amount, amount.max_amount) == \
        (unit, daily, low, high)


@pytest.mark.parametrize("text", [
    "十万元以上五万元以下",       # bounds the wrong way round
    "一万以上十万以下",           # no 元: not known to be yuan
    "五至十万元",                 # does 万 apply to 五?
    "一万元或者二万元",            # two sums as alternatives
    "五万元上十万元以下",          # a typo in the corpus (河南省建设项目环境保护条例)
    "并处l万元以上3万元以下",      # a letter l for 1 (北京市实施《种子法》办法)
    "一百元、二百元、三百元",
    "罚款",
])
def test_an_unreadable_amount_raises_instead_of_giving_a_wrong_number(text: str) -> None:
    with pytest.raises(AmountError) as error:
        read_amount(text)
    assert text in str(error.value)


def test_fines_in_running_text_find_their_amount_wherever_it_is_written() -> None:
    text = ("处五万元以上十万元以下罚款；每株处五千元以上五万元以下的罚款；"
            "每一停车位每日罚款一百元；按照应缴纳的地价款数额的二倍处以罚款；处以罚款")
    found = [(p.min_amount, p.max_amount, p.min_multiple, p.max_multiple, p.per_unit, p.daily)
             for p in penalties(text, 0, len(text))]
    assert found == [(50000, 100000, None, None, None, False),
                     (5000, 50000, None, None, "株", False),
                     (100, 100, None, None, "停车位", True),
                     (None, None, 2, 2, None, False),
                     (None, None, None, None, None, False)]


def test_a_fine_whose_amount_cannot_be_read_says_why_and_has_no_bounds() -> None:
    text = "处五千以上二万以下罚款"  # 郑州市大气污染防治条例 第六十条: 元 is missing
    (fine,) = penalties(text, 0, len(text))
    assert fine.kind == "Fine" and not fine.has_bounds
    assert fine.amount_problem and "五千以上二万以下" in fine.amount_problem


def test_continuing_daily_fine_is_noted() -> None:
    text = "拒不改正的，可以自责令改正之日的次日起，按照原处罚数额按日连续处罚"
    (fine,) = penalties(text, 0, len(text))
    assert (fine.kind, fine.daily, fine.tier, fine.has_bounds) == ("Fine", True, "拒不改正的",
                                                                    False)
    since = "可以自责令改正之日的次日起"
    assert cues(since, 0, len(since)) == []  # 责令改正之日 dates the fine; it orders nothing
