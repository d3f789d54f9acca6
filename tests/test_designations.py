"""The actor grammar (kg/source/offices) on real wordings of the corpus.

Each pair cites where the wording occurs in /work/shared/corpus (file and article)."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from kg.config import PROJECT_ROOT
from kg.errors import InputError
from kg.source import lexicon
from kg.source.offices import Context, broader, english, load_scheme, parse, within

MUNICIPALITY = Context(municipality=True)

# (wording, wording, context): two wordings of ONE office.
SAME_OFFICE = [
    # 广东省公路条例 第二十条 / 广东省大气污染防治条例 第四十二条
    ("县级以上人民政府交通主管部门", "县级以上人民政府交通运输主管部门", None),
    # 山东省道路运输条例 第六条 / 广东省固体废物污染环境防治条例 第三十八条
    ("县级以上人民政府交通运输行政主管部门", "县级以上人民政府交通运输主管部门", None),
    # 广东省公路条例 第三条 (市、县（区）人民政府交通主管部门) / 云浮市优化营商环境条例 第二条
    ("市、县（区）人民政府交通主管部门", "市、县（市、区）人民政府交通运输主管部门", None),
    # 南阳市白河水系水环境保护条例 第四十一条 / 广东省固体废物污染环境防治条例 第四条
    ("县级以上地方人民政府环境保护主管部门", "县级以上人民政府生态环境主管部门", None),
    # 北京市水污染防治条例 第五条 / 北京市危险废物污染环境防治条例 第三条
    ("环境保护行政主管部门", "生态环境主管部门", None),
    # 河南省地质环境保护条例 第四条 / 广东省土地管理条例 第三条
    ("县级以上人民政府国土资源主管部门", "县级以上人民政府自然资源主管部门", None),
    # 河南省水污染防治条例 第三十一条 / 广东省建设工程监理条例 第四条
    ("县级以上人民政府住房和城乡建设主管部门", "县级以上人民政府住房城乡建设主管部门", None),
    # 河南省实施《献血法》办法 第五条 / 广东省母婴保健管理条例 第四条
    ("县级以上人民政府卫生行政部门", "县级以上人民政府卫生健康主管部门", None),
    # 北京市学前教育条例 第十七条 / 北京市危险废物污染环境防治条例 第二十六条
    ("卫生计生行政部门", "卫生健康主管部门", None),
    # 北京市人口与计划生育条例 第十二条 / 广东省人力资源市场条例 第三条
    ("人力资源和社会保障行政部门", "人力资源社会保障主管部门", None),
    # 洛阳市燃气管理条例 第十一条 / 北京市优化营商环境条例 第四条
    ("发展和改革部门", "发展改革部门", None),
    # 浙江省安全生产条例 第五条 / 广东省森林防火条例 第六条
    ("县级以上人民政府安全生产监督管理部门", "县级以上人民政府应急管理部门", None),
    # 河南省基本农田保护条例 第五条 / 广东省动物防疫条例 第四条
    ("县级以上人民政府农业行政主管部门", "县级以上人民政府农业农村主管部门", None),
    # 北京市市容环境卫生条例 第十条 / 北京市危险废物污染环境防治条例 第六条
    ("城市管理综合执法部门", "城市管理主管部门", None),
    # 北京市小规模食品生产经营管理规定 第六条 / 北京市物业管理条例 第九十二条
    ("城管执法部门", "城市管理综合行政执法部门", None),
    # 北京市实施《水法》办法 第六条: 水行政主管部门; the lexicon's 县级以上人民政府水利部门
    ("县级以上人民政府水行政主管部门", "县级以上人民政府水利部门", None),
    # 北京市公路条例 第十八条 / 北京市实施《道路交通安全法》办法 第六条
    ("公安交通管理部门", "公安机关交通管理部门", None),
    # 北京市外商投资条例 第三十条 / 北京市优化营商环境条例 第十二条
    ("市场监管部门", "市场监督管理部门", None),
    # 广东省统计条例 第二条 / 广东省大气污染防治条例 第四条
    ("县级以上地方人民政府", "县级以上人民政府", None),
    # 山东省统计管理条例 第三条
    ("县级以上地方各级人民政府", "县级以上人民政府", None),
    # 广东省统计条例 第三条 / 广东省大气污染防治条例 第四条
    ("县级以上地方人民政府有关部门", "县级以上人民政府有关部门", None),
    # 浙江省地质灾害防治条例 第四十一条 (省、市、县人民政府) spans 县级以上
    ("省、市、县人民政府", "县级以上人民政府", None),
    # 北京市农村集体资产管理条例 第三十条 / 北京市乡村振兴促进条例 第五条
    ("乡（镇）人民政府", "乡镇人民政府", None),
    # 北京市乡、民族乡、镇人民代表大会组织条例 第二条
    ("乡、镇人民政府", "乡镇人民政府", None),
    # 云浮市优化营商环境条例 第二条 / 广东省公路条例 第二十五条
    ("县（市、区）人民政府", "县级人民政府", None),
    # 郑州市客运出租汽车管理条例 第六条 (a city's own regulation: 市 is the city level)
    ("市人民政府交通运输行政主管部门", "设区的市人民政府交通运输主管部门", None),
    # 北京市危险废物污染环境防治条例 第三条 / 第十八条 (a municipality: 市 is provincial)
    ("市生态环境主管部门", "市人民政府生态环境主管部门", MUNICIPALITY),
    # 北京中轴线文化遗产保护条例 第七条: in a municipality 市、区 spans every level above 乡镇
    ("市、区人民政府", "县级以上人民政府", MUNICIPALITY),
    # 中关村国家自主创新示范区条例 第五十一条 / 第二十八条
    ("区县人民政府", "区、县人民政府", MUNICIPALITY),
]

# (narrower, broader, context): the first is dg:within the second.
WITHIN = [
    # 山东省农村公路条例 第五条 ⊂ 广东省大气污染防治条例 第四十二条
    ("县级人民政府交通运输主管部门", "县级以上人民政府交通运输主管部门", None),
    # ⊂ 县级以上人民政府有关部门 (广东省大气污染防治条例 第四条) ⊂ 有关部门
    ("县级以上人民政府交通运输主管部门", "县级以上人民政府有关部门", None),
    ("县级以上人民政府有关部门", "有关部门", None),
    ("县级人民政府交通运输主管部门", "有关部门", None),
    # 广东省公路条例 第二十五条 ⊂ 第三条 (市、县（区）) ⊂ 县级以上 ⊂ 各级
    ("县级人民政府", "市、县（区）人民政府", None),
    ("市、县（区）人民政府", "县级以上人民政府", None),
    ("县级以上人民政府", "各级人民政府", None),
    # 北京市乡村振兴促进条例 第五条 ⊂ 中关村国家自主创新示范区条例 第五十五条
    ("乡镇人民政府", "各级人民政府", None),
    # the seed's 产业承接地县级人民政府 ⊂ 县级人民政府
    ("产业承接地县级人民政府", "县级人民政府", None),
    # 广东省机动车排气污染防治条例 第二十九条: 公安机关交通管理部门 ⊂ 公安机关
    ("县级以上人民政府公安机关交通管理部门", "县级以上人民政府公安机关", None),
    # 北京中轴线文化遗产保护条例 第二十八条: 其他有关部门 ⊂ 有关部门
    ("其他有关部门", "有关部门", None),
    # 北京市危险废物污染环境防治条例 第三条: the municipal department ⊂ 县级以上 …
    ("市生态环境主管部门", "县级以上人民政府生态环境主管部门", MUNICIPALITY),
]

# Wordings that must stay apart (neither equal nor within the other, unless said).
APART = [
    # 河南省产品质量监督管理条例 / 北京市中医药条例 第二十六条 vs 第二十三条
    ("药品监督管理部门", "市场监督管理部门"),
    # 北京市实施《道路交通安全法》办法 第六条 vs 广东省固体废物污染环境防治条例 第三十八条
    ("公安机关交通管理部门", "交通运输主管部门"),
    # historical: 工商 was merged with others into 市场监督管理, not renamed
    # (河南省反不正当竞争条例 第三条)
    ("县级以上人民政府工商行政管理部门", "县级以上人民政府市场监督管理部门"),
    # 河南省非物质文化遗产保护条例 第六条 vs 广东省革命遗址保护条例 第六条
    ("县级以上人民政府文化主管部门", "县级以上人民政府文化和旅游主管部门"),
    ("城市管理主管部门", "城乡规划主管部门"),
    ("生态环境主管部门", "自然资源主管部门"),
    ("乡镇人民政府", "街道办事处"),
]


def _office(text: str, context: Context | None = None):
    office = parse(text, context)
    assert office is not None, f"{text} did not parse"
    return office


@pytest.mark.parametrize(("a", "b", "context"), SAME_OFFICE)
def test_wordings_of_one_office_are_one_actor(a: str, b: str, context: Context | None) -> None:
    first, second = _office(a, context), _office(b, context)
    assert first == second
    assert first.canonical == second.canonical


def test_at_least_twenty_real_pairs() -> None:
    assert len(SAME_OFFICE) + len(WITHIN) >= 20 and len(SAME_OFFICE) >= 20


@pytest.mark.parametrize(("narrow", "wide", "context"), WITHIN)
def test_within_is_derived_from_the_parts(narrow: str, wide: str,
                                          context: Context | None) -> None:
    a, b = _office(narrow, context), _office(wide, context)
    assert within(a, b)
    assert not within(b, a)


@pytest.mark.parametrize(("a", "b"), APART)
def test_different_offices_stay_apart(a: str, b: str) -> None:
    first, second = _office(a), _office(b)
    assert first != second and first.canonical != second.canonical
    assert not within(first, second) and not within(second, first)


def test_a_county_is_within_but_not_the_same_as_county_and_above() -> None:
    county, above = _office("县级人民政府"), _office("县级以上人民政府")
    assert county != above
    assert within(county, above) and not within(above, county)


def test_parts_of_a_department() -> None:
    office = _office("县级以上地方人民政府交通运输行政主管部门")
    assert (office.organ_kind, office.level, office.sector, office.area) == (
        "department", "county-and-above", "transport", None)
    assert office.canonical == "县级以上人民政府交通运输主管部门"


def test_area_qualifier() -> None:
    office = _office("珠江三角洲地区县级以上人民政府")
    assert (office.area, office.level, office.organ_kind) == (
        "珠江三角洲地区", "county-and-above", "government")
    assert within(office, _office("县级以上人民政府"))
    assert _office("沿海县级以上人民政府").area == "沿海"


def test_same_level_is_resolved_in_context() -> None:
    county = Context(level="county")
    assert _office("本级人民政府", county) == _office("县级人民政府")
    assert _office("同级人民政府", county) == _office("县级人民政府")
    unresolved = _office("本级人民政府")
    assert unresolved.level is None and unresolved.qualifier_text == "本级"
    assert unresolved != _office("人民政府")


def test_municipality_city_is_the_provincial_level() -> None:
    assert _office("市人民政府", MUNICIPALITY) == _office("省人民政府")
    assert _office("市人民政府").level == "city"


@pytest.mark.parametrize("text", [
    "企业事业单位", "县级以上人民政府及其有关部门", "帮扶方", "单位", "", "部门",
    "县级以上人民政府发展改革、财政等部门", "产业承接地"])
def test_not_one_designation_of_an_organ(text: str) -> None:
    assert parse(text) is None


@pytest.mark.parametrize(("text", "kind"), [
    ("企业", "enterprise"), ("生产者", "enterprise"), ("行业协会", "social-organisation"),
    ("村民委员会", "villagers-committee"), ("居民委员会", "villagers-committee"),
    ("公民", "individual"), ("任何个人", "individual"), ("人民法院", "judicial"),
    ("人民检察院", "judicial"), ("街道办事处", "public-body")])
def test_non_state_designations_have_their_kind_only(text: str, kind: str) -> None:
    office = _office(text)
    assert office.organ_kind == kind
    assert office.sector is None
    assert office.level is None or text == "街道办事处"


def test_non_state_heads_and_free_qualifiers() -> None:
    assert within(_office("行业协会"), _office("社会组织"))
    assert within(_office("龙头企业"), _office("企业"))
    assert within(_office("企业"), _office("经营主体"))
    assert _office("任何个人") == _office("个人")


def test_broader_climbs_to_the_relevant_departments() -> None:
    start = _office("县级人民政府交通运输主管部门")
    names = {office.canonical for office in broader(start)}
    assert names == {"县级以上人民政府交通运输主管部门", "县级人民政府有关部门"}
    reached, todo = set(), [start]
    while todo:
        for up in broader(todo.pop()):
            assert within(start, up)
            if up.canonical not in reached:
                reached.add(up.canonical)
                todo.append(up)
    assert {"县级以上人民政府有关部门", "各级人民政府有关部门", "有关部门",
            "交通运输主管部门"} <= reached


@pytest.mark.parametrize(("text", "label"), [
    ("县级以上人民政府交通运输主管部门",
     "competent transport departments of people's governments at or above the county level"),
    ("县级人民政府", "county-level people's governments"),
    ("省人民政府交通运输主管部门",
     "the competent transport department of the provincial people's government"),
    ("县级以上人民政府有关部门",
     "relevant departments of people's governments at or above the county level"),
    ("产业承接地县级人民政府", "county-level people's governments in industry-receiving areas"),
    ("其他有关部门", "other relevant departments"),
    ("公安机关", "public security organs"),
])
def test_english_labels_from_the_parts(text: str, label: str) -> None:
    assert english(_office(text)) == label


# ── The curated lexicon keeps its IRIs: each actor parses to what its class implies ──
CLASS_KIND = {
    "Government": ("government", None), "ProvincialGovernment": ("government", "province"),
    "CityGovernment": ("government", "city"), "CountyGovernment": ("government", "county"),
    "GovernmentDepartment": ("department", None), "PublicBody": ("public-body", None),
    "CarrierManagementBody": ("public-body", None), "CarrierOperator": ("public-body", None),
    "EducationInstitution": ("public-body", None), "ResearchInstitution": ("public-body", None),
    "MarketEntity": ("enterprise", None), "Enterprise": ("enterprise", None),
    "FinancialInstitution": ("enterprise", None),
    "SocialOrganisation": ("social-organisation", None),
    "ChamberOfCommerce": ("social-organisation", None),
    "TradeAssociation": ("social-organisation", None),
}
# Lexicon actors that name no organ: regions (areas of others), parties and roles, and
# 政策措施起草单位, a 单位 whose kind the words do not tell.
NOT_ORGANS = {"产业承接地", "产业转出地", "产业帮扶协作双方", "帮扶方", "被帮扶方", "经营主体代表",
              "社会资本", "会员", "政策措施起草单位"}


@pytest.fixture(scope="module")
def curated() -> lexicon.Lexicon:
    return lexicon.load([PROJECT_ROOT / "data" / "lexicon.toml"])


def test_curated_actors_parse_as_their_class_says(curated: lexicon.Lexicon) -> None:
    for term in curated.all("actor"):
        office = parse(term.zh)
        if term.zh in NOT_ORGANS:
            assert office is None, term.zh
            continue
        assert office is not None, term.zh
        kind, level = CLASS_KIND[term.cls]
        assert office.organ_kind == kind, term.zh
        assert level is None or office.level == level, term.zh


def test_curated_within_links_agree_with_the_derived_ones(curated: lexicon.Lexicon) -> None:
    actors = {t.zh: t for t in curated.all("actor")}
    offices = {zh: parse(zh) for zh in actors}
    for zh, term in actors.items():
        for wide in term.within:
            if offices[zh] and offices[wide]:
                assert within(offices[zh], offices[wide]), (zh, wide)
            elif offices[zh]:
                assert offices[zh].area == wide, (zh, wide)  # a region: the area qualifier
    closure = _closure(actors)
    for a, office_a in offices.items():
        for b, office_b in offices.items():
            if office_a and office_b and within(office_a, office_b):
                assert b in closure[a], f"derived {a} ⊂ {b} is not curated"


def _closure(actors: dict) -> dict[str, set[str]]:
    out = {}
    for zh in actors:
        seen, todo = set(), [zh]
        while todo:
            for wide in actors[todo.pop()].within:
                if wide not in seen:
                    seen.add(wide)
                    todo.append(wide)
        out[zh] = seen
    return out


# ── The data file ───────────────────────────────────────────────────────────
def test_schemes_are_complete() -> None:
    scheme = load_scheme()
    assert len(scheme.sectors) >= 60
    for sector in scheme.sectors.values():
        assert re.fullmatch(r"[a-z][a-z-]*", sector.id) and sector.zh and sector.en
    assert set(scheme.kinds) == {"government", "department", "public-body", "judicial",
                                 "enterprise", "social-organisation", "villagers-committee",
                                 "individual"}
    assert scheme.levels["county-and-above"].covers == {"province", "city", "county"}
    assert scheme.levels["all-levels"].covers == {"province", "city", "county", "township"}


def test_a_defective_data_file_names_file_and_line(tmp_path: Path) -> None:
    text = (PROJECT_ROOT / "data" / "offices.toml").read_text(encoding="utf-8")
    broken = tmp_path / "offices.toml"
    broken.write_text(text.replace('en = "transport"\n', "", 1), encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_scheme(broken)
    line = text[: text.index("[sector.transport]")].count("\n") + 1
    assert error.value.line == line and "transport" in error.value.problem


def test_one_wording_cannot_name_two_sectors(tmp_path: Path) -> None:
    text = (PROJECT_ROOT / "data" / "offices.toml").read_text(encoding="utf-8")
    broken = tmp_path / "offices.toml"
    broken.write_text(text + '\n[sector.extra]\nzh = "额外"\nen = "extra"\nsynonyms = ["交通"]\n',
                      encoding="utf-8")
    with pytest.raises(InputError, match="交通"):
        load_scheme(broken)


def test_the_module_docstring_examples_hold() -> None:
    from kg.source import offices

    assert doctest.testmod(offices).failed == 0
