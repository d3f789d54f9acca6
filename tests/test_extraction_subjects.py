"""Subjects the annotator used to miss or cut badly, on real sentences of uncurated
(development) corpus text, file and unit cited: each error class gets its sentences."""

from __future__ import annotations

import pytest

from kg.drafts.annotator import wellformed
from kg.drafts.annotator.subjects.coordination import split
from kg.drafts.annotator.subjects.heads import Matcher
from kg.drafts.liability import parties
from kg.source import lexicon
from tests.corpus import LEXICON, drafts

HEZHANG = "guangdong/汕头市河长制条例(2023-01-11).md"
JICENG = "guangdong/汕头经济特区基层医疗卫生服务条例(2022-12-30).md"



def _addressees(name: str, unit: str, quote_start: str) -> tuple[str, ...]:
    return next(s.addressees for s in drafts(name)
                if str(s.at) == unit and s.quote.startswith(quote_start))


@pytest.mark.parametrize(("name", "unit", "quote", "addressees"), [
    # a city's bare department takes the city level of its general article (设区的市 is
    # a level, its 的 opens no relative clause): was 未明示主体
    (JICENG, "35.2", "卫生健康主管部门应当", ("设区的市人民政府卫生健康主管部门",)),
    (JICENG, "28.1", "价格主管部门应当", ("设区的市人民政府价格主管部门",)),
    ("guangdong/汕头经济特区城市景观照明条例(2022-06-28).md", "31.2",
     "市容环境卫生行政管理部门接到", ("设区的市人民政府市容环境卫生行政管理部门",)),
    # bare levels before the last one share its whole tail (was 市机构, and 区（县） lost)
    (HEZHANG, "22.2", "市、区（县）河长制工作机构",
     ("市河长制工作机构", "区（县）河长制工作机构", "河长制工作责任单位")),
    (HEZHANG, "17.2", "市、区（县）、镇人民政府",
     ("市人民政府", "区（县）人民政府", "镇人民政府", "街道办事处")),
    (HEZHANG, "20.2", "对巡查中发现", ("镇（街道）级河长", "村（社区）级河长")),
    # persons and bodies named by role or short form: 河长, 调解员, 主办方, 管委会, 工会…
    (HEZHANG, "16.1", "各级总河长", ("各级总河长",)),
    ("guangdong/深圳经济特区矛盾纠纷多元化解条例(2022-03-28).md", "23.3", "一方当事人",
     ("调解员",)),
    ("guangdong/广东省知识产权保护条例(2022-03-29).md", "31.3", "展会主办方", ("展会主办方",)),
    ("guangdong/广东省中新广州知识城条例(2022-01-16).md", "19.1", "知识城管委会",
     ("知识城管委会",)),
    ("guangdong/潮州市文明行为促进条例(2022-12-16).md", "8.1", "工会",
     ("工会", "共青团", "妇联", "残联")),
    (JICENG, "28.1", "家庭医生团队", ("家庭医生团队",)),
    # 由X负责 at the head of a clause; X是…的主管部门，负责; X会同Y负责 (§10: the duty is X's)
    ("guangdong/广东省公路条例(2022-06-01).md", "12.2", "不收费公路", ("建设单位",)),
    ("guangdong/云浮市优化营商环境条例(2023-03-03).md", "4.1", "发展改革部门是",
     ("发展改革部门",)),
    ("guangdong/河源市暴雨灾害预警与响应条例(2022-11-01).md", "25.1", "财政主管部门会同",
     ("财政主管部门",)),
    # a party, its verb and an object that has a head of its own: the party is the subject
    ("guangdong/广东省司法鉴定管理条例(2022-03-29).md", "15.2", "司法鉴定机构招用",
     ("司法鉴定机构",)),
    # a coordination with 或者 and 、 before the verb: every member
    (HEZHANG, "25.2", "各级河长或者", ("各级河长", "河长制工作机构", "相关部门")),
    # a thing binds the party the regulation names after it; a project its 建设单位; an act
    # with its object the party given that act (GUIDELINE §11 test 3; were 未明示主体)
    ("guangdong/广东省建筑垃圾管理条例(2022-11-30).md", "16.1", "建筑垃圾消纳场应当",
     ("建筑垃圾消纳场运营单位",)),
    ("guangdong/广东省建筑垃圾管理条例(2022-11-30).md", "13.2", "具备现场综合利用条件的建设工程",
     ("建设单位",)),
    ("guangdong/广东省建筑垃圾管理条例(2022-11-30).md", "11.1.1", "建立建筑垃圾运输管理台账",
     ("建筑垃圾运输单位",)),
    # …but a thing that undergoes the act binds nobody it names (planning is the state's)
    ("guangdong/广东省道路运输条例(2021-09-29).md", "26.1", "道路运输站场应当纳入",
     ("未明示主体",)),
    # X…的，应当: the condition's subject is bound (承前省略 inside one sentence)
    ("guangdong/广东省城镇房屋租赁条例(2021-09-29).md", "10.2", "原租期", ("承租人",)),
    ("guangdong/广东省司法鉴定管理条例(2022-03-29).md", "44.1", "鉴定意见书出具后",
     ("司法鉴定机构", "司法鉴定人")),
    # …but not a party named in a concession (但当事人未申请…的)
    ("guangdong/深圳经济特区矛盾纠纷多元化解条例(2022-03-28).md", "32.1", "人民调解委员会",
     ("人民调解委员会",)),
    # more role heads: 旅行社, 导游, 三防指挥部, 消防队; a region in a role (§9)
    ("guangdong/潮州市文明行为促进条例(2022-12-16).md", "32.3", "旅行社", ("旅行社", "导游")),
    ("guangdong/河源市暴雨灾害预警与响应条例(2022-11-01).md", "6.2", "各级三防指挥部",
     ("各级三防指挥部",)),
    ("guangdong/广东省实施《消防法》办法(2022-03-29).md", "27.3", "志愿消防队", ("志愿消防队",)),
    ("guangdong/广东省母婴保健管理条例(2023-03-30).md", "3.3", "鼓励有条件的地方",
     ("有条件的地方",)),
    # a relative clause opened by a verb still names a party (设立实验室的…机构)
    ("guangdong/广东省固体废物污染环境防治条例(2022-11-30).md", "43.1", "设立实验室的",
     ("设立实验室的教育机构", "科研机构", "企业事业单位")),
])
def test_subjects_of_development_text(name: str, unit: str, quote: str,
                                      addressees: tuple[str, ...]) -> None:
    assert _addressees(name, unit, quote) == addressees


def test_a_word_is_not_cut_into_a_party_and_a_rest() -> None:
    # 河长制工作应当接受社会监督: 河长制 is a system, not 河长 + 制
    assert _addressees(HEZHANG, "29.1", "河长制工作") == ("未明示主体",)


def test_a_sentence_opened_by_an_act_continues_its_subject() -> None:
    # 完善政府信息公开、听证、法律顾问等制度，…必须…: no 法律顾问 is bound
    name = "guangdong/汕头经济特区预防与化解纠纷促进条例(2021-11-22).md"
    assert _addressees(name, "4.1", "完善政府信息公开") == ("各级人民政府", "各级人民政府部门")


def test_a_person_in_charge_is_no_cue() -> None:
    # 对直接负责的主管人员…依法给予处分: 负责 here names the person, no duty of 负责
    name = "guangdong/广东省中新广州知识城条例(2022-01-16).md"
    assert not [s for s in drafts(name) if str(s.at) == "46.1" and s.cue == "负责"]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(lexicon.load([LEXICON]))


@pytest.mark.parametrize(("phrase", "designations"), [
    # the junk sample's cuts, from their sentences (data/junk-sample/sample.tsv)
    ("省辖市、县（市）气象主管机构", ["省辖市气象主管机构", "县级气象主管机构"]),  # was 省辖市机构
    ("市和区县（市）教育主管部门", ["市教育主管部门", "县级教育主管部门"]),  # was 市县级…
    ("卫生、动物防疫监督机构", ["卫生监督机构", "动物防疫监督机构"]),  # was 卫生机构
    ("宁波市、慈溪市行政机关和法律、法规授权组织",
     ["宁波市行政机关", "慈溪市行政机关", "法律法规授权组织"]),  # was 法律组织
    # 地理标志 12.1: the category between 等 and the head sums the members up
    ("银行、保险、信托等金融机构", ["银行", "保险机构", "信托机构"]),
    ("检验、检测等专业机构", ["检验机构", "检测机构"]),
    ("调解员等级评定机构", ["调解员等级评定机构"]),  # 等 of 等级 closes nothing
    # ASCII brackets as some texts print them (江门 门楼号牌 16.1; found on held-out text
    # after its figures were taken): was 各县(市机关 + 区)公安机关
    ("各县(市、区)公安机关", ["各县级公安机关"]),  # as 各县（市、区）公安机关
    # 粤菜 25.3, 25.4: persons named by their trade take the trade of the body before them
    ("地方传统特色小吃企业和从业者", ["地方传统特色小吃企业", "地方传统特色小吃从业者"]),
    # 粤菜 27.1: a condition on the first member holds for the list
    ("有条件的博物馆、方志馆", ["有条件的博物馆", "有条件的方志馆"]),
    ("有条件的地方或者社会力量", ["有条件的地方", "有条件的社会力量"]),
    ("企业和个人", ["企业", "个人"]),  # no trade, no condition: nothing shared
])
def test_shared_tails_and_fixed_terms(matcher: Matcher, phrase: str,
                                      designations: list[str]) -> None:
    assert split(phrase, matcher) == designations


@pytest.mark.parametrize("junk", [
    "工程竣工验收前建设单位",  # 北京市建设工程质量条例: a time phrase glued on
    "相关区（市）河道主管机关之间机关",  # 青岛市河道管理条例
    "扩建中小学校",  # 开封市中小学校幼儿园规划建设条例: 新建、改建、扩建中小学校
    "明确机构",  # 河南省职业培训条例: 明确机构或者人员负责…
    "拐卖未成年人",  # 北京市未成年人保护条例
    "无组织",  # 上海市环境保护条例: 无组织排放
    "探索提高科技企业并购贷款占并购交易价款比例主体",  # 北京国际科技创新中心建设条例
])
def test_junk_of_the_sample_is_rejected(junk: str) -> None:
    assert not wellformed.is_designation(junk)


@pytest.mark.parametrize("designation", [
    "设区的市人民政府卫生健康主管部门", "机动车排放检验机构", "使用单位", "建设单位",
    "学前教育机构", "后勤服务中心",
])
def test_designations_stay_designations(designation: str) -> None:
    assert wellformed.is_designation(designation)


@pytest.mark.parametrize(("phrase", "designations"), [
    # 广东省平安建设条例 第五十条 (was 人民团体单位); 北京市征兵工作条例 第四十一条 (was
    # 团体单位, and 及其他组织 read as 及其 + 他组织)
    ("人民团体、企业事业单位和其他社会组织", ("人民团体", "企业事业单位", "其他社会组织")),
    ("机关、团体、企业事业单位及其他组织", ("机关", "团体", "企业事业单位", "其他组织")),
    ("公安机关及其工作人员", ("公安机关", "公安机关工作人员")),
])
def test_liable_parties(phrase: str, designations: tuple[str, ...]) -> None:
    assert parties.designations(phrase) == designations


def test_a_body_in_charge_of_a_mechanism_is_no_cue() -> None:
    # 浙江省石油天然气管道建设和保护条例 第三条: …建立政府领导、部门监管、社会监督和管道企业
    # 负责的工作机制 (was the designation 部门监管企业)
    name = "zhejiang/浙江省石油天然气管道建设和保护条例(2021-03-26).md"
    assert not [s for s in drafts(name) if str(s.at) == "3.1" and s.cue == "负责"]
