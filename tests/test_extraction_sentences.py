"""Extraction on text the annotator was not written from: each error class of the
Extraction issue, on real sentences of the (non-held-out) corpus, file and article cited."""

from __future__ import annotations

import pytest

from kg.drafts.annotator import wellformed
from kg.drafts.annotator.subjects.coordination import split
from kg.drafts.annotator.subjects.heads import Matcher
from kg.source import lexicon
from kg.source.statements import Statement
from tests.corpus import LEXICON, drafts


def _at(name: str, article: int) -> list[Statement]:
    return [s for s in drafts(name) if s.at.article == article]


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
    found = [s for s in drafts("guangdong/深圳经济特区学前教育条例(2022-06-30).md")
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
    found = [s for s in drafts("guangdong/深圳经济特区细胞和基因产业促进条例(2023-01-06).md")
             if s.quote.startswith("本条例所称临床研究")]
    assert [s.kind for s in found] == ["Definition"]


def test_every_draft_names_its_rule_and_confidence() -> None:
    found = drafts("guangdong/广东省大气污染防治条例(2022-11-30).md")
    assert all(s.rule and s.confidence is not None and 0 < s.confidence <= 1 for s in found)
    assert {s.rule for s in found} >= {"cue-with-subject", "liability-clause"}


@pytest.mark.parametrize(("name", "unit", "kind", "addressees"), [
    # X由Y负责 binds Y (GUIDELINE §12)
    ("zhejiang/杭州市生活饮用水源保护条例(2010-12-31).md", "4.1", "Obligation", ("各级人民政府",)),
    # a zone as subject binds its managing body (§4, §11.3)
    ("zhejiang/义乌国际贸易综合改革试验区条例(2019-11-29).md", "19.2", "Obligation",
     ("义乌试验区管理机构",)),
    # the subject's noun phrase ends before its verb (…街道办事处受理申请后…)
    ("zhejiang/衢州市农村住房建设管理条例(2021-01-05).md", "21.2", "Obligation",
     ("乡（镇）人民政府", "街道办事处")),
    # 经营者为消费者提供…，应当: the subject stops before 为
    ("shandong/山东省消费者权益保护条例(2017-03-29).md", "2.2", "Obligation", ("经营者",)),
    # a named place's government
    ("henan/安阳市林州红旗渠保护条例(2016-12-09).md", "5.1", "Obligation", ("安阳市人民政府",)),
    # a vehicle as subject binds its owner and, on the road, its driver (development text)
    ("guangdong/广东省机动车排气污染防治条例(2022-11-30).md", "11.1", "Prohibition",
     ("机动车所有人", "机动车驾驶人")),
    # 禁止生产、销售、进口…: the parties named after the acts
    ("guangdong/广东省机动车排气污染防治条例(2022-11-30).md", "12.1", "Prohibition",
     ("生产者", "销售者", "进口者")),
    # 鼓励自然人、法人和非法人组织: a head after a head (非法人组织, not 非法人)
    ("guangdong/深圳经济特区社会信用条例(2023-01-06).md", "16.1", "Encouragement",
     ("自然人", "法人", "非法人组织")),
    # 支持 + a place: the party is not named, the encouragement is kept (§11)
    ("guangdong/横琴粤澳深度合作区发展促进条例(2023-02-08).md", "54.1", "Encouragement",
     ("未明示主体",)),
])
def test_implied_and_embedded_subjects(name: str, unit: str, kind: str,
                                       addressees: tuple[str, ...]) -> None:
    first = next(s for s in drafts(name) if str(s.at) == unit)
    assert (first.kind, first.addressees) == (kind, addressees)


def test_the_second_subject_of_a_sentence() -> None:
    # 淄博市燃气管理条例 第十七条第三款: 检查人员检查时，应当出示相关证件，燃气用户应当予以配合。
    found = _at("shandong/淄博市燃气管理条例(2021-05-31).md", 17)
    assert [s.addressees for s in found if s.at.paragraph == 3] == [("检查人员",), ("燃气用户",)]


def test_levels_before_a_government_share_its_departments() -> None:
    # 潮州市文明行为促进条例 第五条: 市、县（区）人民政府发展改革、教育…等行政主管部门
    first = _at("guangdong/潮州市文明行为促进条例(2022-12-16).md", 5)[0]
    assert {"市人民政府发展改革主管部门", "县级人民政府发展改革主管部门",
            "县级人民政府教育主管部门"} <= set(first.addressees)
    assert not any(a.startswith("市主管") for a in first.addressees)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("县级以上人民政府及其发展改革、商务等部门",  # GUIDELINE §8 X及其A、B等部门
     ["县级以上人民政府", "县级以上人民政府发展改革部门", "县级以上人民政府商务部门"]),
    ("县级以上人民政府卫生健康、教育等有关部门",
     ["县级以上人民政府卫生健康部门", "县级以上人民政府教育部门"]),
    ("县级以上人民政府统计机构和有关部门",
     ["县级以上人民政府统计机构", "县级以上人民政府有关部门"]),
    ("工程所在地县级以上人民政府住房城乡建设主管部门", ["县级以上人民政府住房城乡建设主管部门"]),
    ("生态环境、公安、交通运输、市场监督管理等主管部门及其工作人员",  # 机动车 第二十八条
     ["生态环境主管部门", "公安主管部门", "交通运输主管部门", "市场监督管理主管部门",
      "生态环境主管部门工作人员", "公安主管部门工作人员", "交通运输主管部门工作人员",
      "市场监督管理主管部门工作人员"]),
    ("公证机构等鉴定意见书使用单位", ["公证机构"]),  # 广东省司法鉴定管理条例 第五十六条
])
def test_guideline_designation_forms(phrase: str, expected: list[str],
                                     matcher: Matcher) -> None:
    assert split(phrase, matcher) == expected
