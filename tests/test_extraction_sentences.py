"""Extraction on text the annotator was not written from: each error class of the
Extraction issue, on real sentences of the (non-held-out) corpus, file and article cited."""

from __future__ import annotations

from functools import cache

import pytest

from kg.config import PROJECT_ROOT
from kg.drafts import annotator
from kg.drafts.annotator import wellformed
from kg.drafts.annotator.actors import Matcher, split
from kg.source import lexicon, parse
from kg.source.statements import Statement

CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
LEXICON = PROJECT_ROOT / "data" / "lexicon.toml"


@cache
def _drafts(name: str) -> tuple[Statement, ...]:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"the corpus is not here ({CORPUS})")
    return tuple(annotator.annotate(parse.read(path), lexicon.load([LEXICON])).statements)


def _at(name: str, article: int) -> list[Statement]:
    return [s for s in _drafts(name) if s.at.article == article]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(lexicon.load([LEXICON]))


@pytest.mark.parametrize("junk", [
    "公路建设项目应当按照国家有关规定实行法人",  # 广东省公路条例 第八条
    "需要对自然人法人",  # 汕头经济特区预防与化解纠纷促进条例
    "设立中新合资金融机构",  # 广东省中新广州知识城条例
    "在合作区内开办澳门子弟学校",  # 横琴粤澳深度合作区发展促进条例
    "由有关部门",
    "对未建立预防化解纠纷责任制的单位",  # 汕头经济特区预防与化解纠纷促进条例
    "县（市人民政府",
    "区）人民政府",
])
def test_verb_phrases_and_half_words_are_no_designations(junk: str) -> None:
    assert wellformed.junk_reason(junk) is not None


@pytest.mark.parametrize("designation", [
    "县级以上人民政府生态环境主管部门", "高等学校", "施工单位", "机动车驾驶人",
    "具备急救能力的个人", "被督察的人民政府", "向水体排放污染物的企业事业单位", "资质认定部门",
])
def test_real_designations_pass(designation: str) -> None:
    assert wellformed.junk_reason(designation) is None


@pytest.mark.parametrize(("phrase", "expected"), [
    ("市、县（市、区）人民政府", ["市人民政府", "县级人民政府"]),  # 韶关市红色资源保护条例 第五条
    ("市、县（区）人民政府市场监管部门",  # 开封市优化营商环境条例 第八条
     ["市人民政府市场监管部门", "县级人民政府市场监管部门"]),
    ("普通高等学校", ["普通高等学校"]),  # 等 inside a word (广州市青年创新创业促进条例)
    ("社会团体、学校", ["社会团体", "学校"]),  # shared head only for fields and acts
    ("机场、车站等单位", ["机场", "车站"]),
    ("生产、销售单位", ["生产单位", "销售单位"]),
    ("任何单位和个人", ["单位", "个人"]),
    ("机动车的所有人或者驾驶人", ["机动车所有人", "机动车驾驶人"]),
    ("县级以上人民政府生态环境主管部门和其他有关部门",
     ["县级以上人民政府生态环境主管部门", "县级以上人民政府有关部门"]),
])
def test_designations_are_segmented_by_the_language(phrase: str, expected: list[str],
                                                    matcher: Matcher) -> None:
    assert split(phrase, matcher) == expected


def test_bracketed_levels_are_one_level_in_a_real_article() -> None:
    found = _at("guangdong/韶关市红色资源保护条例(2022-12-02).md", 5)
    assert found and all(s.addressees == ("市人民政府", "县级人民政府") for s in found)


def test_a_duty_whose_subject_is_a_thing_is_not_dropped() -> None:
    # 开封市优化营商环境条例 第八条: …涉企经营许可事项不得作为企业登记的前置条件 (2nd sentence)
    found = _at("henan/开封市优化营商环境条例(2022-01-12).md", 8)
    prohibition = next(s for s in found if s.kind == "Prohibition")
    assert "涉企经营许可事项不得作为" in prohibition.quote
    assert prohibition.addressees == ("市人民政府市场监管部门", "县级人民政府市场监管部门")
    assert prohibition.rule == "cue-continued-subject"


def test_an_unstated_subject_is_named_unstated() -> None:
    # 广东省公路条例 第八条: 公路建设应当执行… (a thing as subject, no party named)
    first = _at("guangdong/广东省公路条例(2022-06-01).md", 8)[0]
    assert (first.kind, first.addressees, first.rule) == (
        "Obligation", ("未明示主体",), "unstated-subject")
    assert not any(s.cue == "负责" for s in _at("guangdong/广东省公路条例(2022-06-01).md", 8))


def test_explicit_subject_after_a_place_phrase() -> None:
    # 深圳经济特区学前教育条例: 普惠性幼儿园应当根据需要配备特殊教育师资…
    found = [s for s in _drafts("guangdong/深圳经济特区学前教育条例(2022-06-30).md")
             if s.quote.startswith("普惠性幼儿园应当根据需要")]
    assert [s.addressees for s in found] == [("普惠性幼儿园",)]


def test_encouraged_foreign_investors() -> None:
    # 深圳经济特区外商投资条例 第二十二条
    first = _at("guangdong/深圳经济特区外商投资条例(2022-09-05).md", 22)[0]
    assert (first.kind, first.addressees) == ("Encouragement", ("外国投资者", "外商投资企业"))


def test_permission_of_a_named_party() -> None:
    # 深圳经济特区房地产登记条例 第十七条: 申请房地产登记，申请人可以委托他人代理。
    first = _at("guangdong/深圳经济特区房地产登记条例(2021-10-30).md", 17)[0]
    assert (first.kind, first.addressees) == ("Permission", ("申请人",))


def test_permission_inside_a_condition_is_none() -> None:
    # 广东省大气污染防治条例 第七十二条: …安装、使用可以燃用煤及其制品的…锅炉的，…
    found = _at("guangdong/广东省大气污染防治条例(2022-11-30).md", 72)
    assert found and all(s.kind == "Liability" for s in found)


def test_prohibition_inside_an_exception_is_no_norm() -> None:
    # 广东省粮食安全保障条例 第十九条: …任何单位和个人不得动用，但上级人民政府…调用…的除外。
    found = _at("guangdong/广东省粮食安全保障条例(2021-09-29).md", 19)
    assert [(s.kind, s.addressees) for s in found if s.at.paragraph == 1] == [
        ("Prohibition", ("单位", "个人"))]


def test_definitions_worded_shi_zhi() -> None:
    # 深圳经济特区细胞和基因产业促进条例 第二十条第二款: 本条例所称临床研究，是指…
    found = [s for s in _drafts("guangdong/深圳经济特区细胞和基因产业促进条例(2023-01-06).md")
             if s.quote.startswith("本条例所称临床研究")]
    assert [s.kind for s in found] == ["Definition"]


def test_every_draft_names_its_rule_and_confidence() -> None:
    drafts = _drafts("guangdong/广东省大气污染防治条例(2022-11-30).md")
    assert all(s.rule and s.confidence is not None and 0 < s.confidence <= 1 for s in drafts)
    assert {s.rule for s in drafts} >= {"cue-with-subject", "liability-clause"}
