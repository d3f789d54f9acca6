"""Named queries: each runs, and the competency questions give the answers a reader expects."""

from __future__ import annotations

import pyoxigraph
import pytest

from kg.config import PROJECT_ROOT, Settings
from kg.query import named as queries
from kg.query import stores as engine
from kg.release import store
from tests.consequences_build import VEHICLES, WASTEWATER, consequences, reg

NAMED = queries.load_all(PROJECT_ROOT / "queries")
BASE = "https://w3id.org/dutygraph/"
# the questions about sanctions: the seed has no liability chapter, so they are asked of
# the seed with two regulations curated with theirs (tests/consequences_build.py)
CONSEQUENCES = ("consequences-of", "largest-fines", "duties-without-sanction", "enforced-by")


@pytest.fixture(scope="module")
def db(seed_settings: Settings) -> pyoxigraph.Store:
    return store.open_store(store.current(seed_settings.build_dir))


def select(db: pyoxigraph.Store, text: str) -> list[dict[str, str]]:
    result = engine.execute(db, text)
    names = [v.value for v in result.variables]
    return [{n: (s[n].value if s[n] is not None else "") for n in names} for s in result]


def test_there_are_named_queries_with_titles() -> None:
    assert len(NAMED) >= 8
    assert all(q.title and q.description for q in NAMED.values())


@pytest.fixture(scope="module")
def sanctions() -> pyoxigraph.Store:
    return store.open_store(store.current(consequences().build_dir))


@pytest.mark.parametrize("name", sorted(set(NAMED) - set(CONSEQUENCES)))
def test_every_named_query_answers(db: pyoxigraph.Store, name: str) -> None:
    rows = select(db, NAMED[name].bind())
    assert rows, f"{name} returned no rows on the seed"


@pytest.mark.parametrize("name", CONSEQUENCES)
def test_every_consequence_query_answers(sanctions: pyoxigraph.Store, name: str) -> None:
    assert select(sanctions, NAMED[name].bind()), f"{name} returned no rows"


def test_applies_to_receiving_county_government(db: pyoxigraph.Store) -> None:
    """Our own reading: 产业承接地县级人民政府 is bound directly (第三、八、十一、十二、
    十六、十七、十八、二十八条), as one of 县级以上人民政府 (第十二、二十七、二十九、三十、
    三十三至三十八条), and as part of 产业承接地 where that region is supported
    (第六、七、十、二十、二十一、三十一、三十三条). Province-only (第九条第一款),
    city-only (第九条第二款), department, enterprise and 帮扶协作 articles do not bind it."""
    rows = select(db, NAMED["applies-to"].bind())
    articles = {int(r["article"]) for r in rows}
    expected = {3, 6, 7, 8, 10, 11, 12, 16, 17, 18, 20, 21, 27, 28, 29, 30, 31, 33, 34, 35,
                36, 37, 38}
    assert articles == expected


def test_applies_to_reaches_through_broader_designations(db: pyoxigraph.Store) -> None:
    rows = select(db, NAMED["applies-to"].bind())
    via = {r["addressee"] for r in rows}
    assert {"产业承接地县级人民政府", "县级以上人民政府", "产业承接地"} <= via


def test_every_mechanism_the_text_requires_is_established(db: pyoxigraph.Store) -> None:
    rows = select(db, NAMED["mechanisms"].bind())
    named = {r["mechanism"] for r in rows}
    for mechanism in ("产业有序转移统筹协调和保障机制", "承接产业有序转移长效机制",
                      "成本分担、利益共享机制", "产业帮扶协作机制", "营商环境帮扶机制",
                      "知识产权转移转化机制", "涉企政策跟踪落实机制"):
        assert mechanism in named


def test_departments_of_article_4_are_seventeen(db: pyoxigraph.Store) -> None:
    rows = select(db, NAMED["departments"].bind())
    assert len({r["department"] for r in rows}) == 17


def test_article_query_returns_its_paragraphs_in_order(db: pyoxigraph.Store) -> None:
    rows = select(db, NAMED["article"].bind({"article": "3"}))
    assert [int(r["paragraph"]) for r in rows] == sorted(int(r["paragraph"]) for r in rows)
    assert {int(r["paragraph"]) for r in rows} == {1, 2, 3}
    assert rows[0]["text"].startswith("省人民政府应当")


def test_keyword_query_is_a_substring_search(db: pyoxigraph.Store) -> None:
    rows = select(db, NAMED["keyword"].bind({"keyword": "机制"}))
    assert rows and all("机制" in r["action"] for r in rows)


def test_bad_parameter_is_refused() -> None:
    with pytest.raises(ValueError):
        NAMED["applies-to"].bind({"actor": "not an iri"})
    with pytest.raises(ValueError):
        NAMED["applies-to"].bind({"nope": "x"})


def test_consequences_of_late_periodic_testing(sanctions: pyoxigraph.Store) -> None:
    """机动车排气 第二十一条第一款 (owners have their vehicles tested in time) is enforced
    by 第三十四条: 由县级以上公安机关交通管理部门责令限期改正，
    处警告或者二百元以上五百元以下罚款."""
    rows = select(sanctions, NAMED["consequences-of"].bind())
    assert {r["article"] for r in rows} == {"第三十四条"}
    assert [(r["kind"], r["minimumAmount"], r["maximumAmount"]) for r in rows] == [
        ("责令改正", "", ""), ("警告", "", ""), ("罚款", "200", "500")]
    assert {(r["enforcedBy"], r["liable"]) for r in rows} == {
        ("县级以上人民政府公安机关交通管理部门", "机动车所有人")}


def test_consequences_of_an_item_and_of_an_unsanctioned_duty(
        sanctions: pyoxigraph.Store) -> None:
    """第十八条第三项 is enforced by 第三十三条第二款 alone (依法予以处罚, no kind stated);
    the seed's 第三条第一款 duty of the province has no sanction at all."""
    item_norm = reg(VEHICLES, "art_18__para_1__item_3/obligation-0-20")
    rows = select(sanctions, NAMED["consequences-of"].bind({"norm": item_norm}))
    assert [(r["article"], r["kind"], r["penaltyText"]) for r in rows] == [
        ("第三十三条", "其他后果", "依法予以处罚")]
    seed_norm = reg("gd-industrial-transfer", "art_3__para_1/obligation-0-44")
    assert select(sanctions, f"SELECT ?c WHERE {{ <{seed_norm}> a ?c }}")  # it exists
    assert select(sanctions, NAMED["consequences-of"].bind({"norm": seed_norm})) == []


def test_largest_fines_above_100000_yuan(sanctions: pyoxigraph.Store) -> None:
    """东莞 第三十二条: 处一百万元以上五百万元以下的罚款 is the largest; 机动车排气 has one fine
    that reaches 100,000 yuan (第三十一条: 二万元以上二十万元以下)."""
    rows = select(sanctions, NAMED["largest-fines"].bind({"above": "100000"}))
    amounts = [int(r["amount"]) for r in rows]
    assert amounts == sorted(amounts, reverse=True) and min(amounts) >= 100000
    assert (rows[0]["article"], rows[0]["minimumAmount"], rows[0]["maximumAmount"]) == (
        "第三十二条", "1000000", "5000000")
    assert rows[0]["regulation"] == reg(WASTEWATER)
    vehicles = select(sanctions, NAMED["largest-fines"].bind(
        {"above": "100000", "regulation": reg(VEHICLES)}))
    assert [(r["article"], r["amount"]) for r in vehicles] == [("第三十一条", "200000")]


def test_largest_fines_of_one_authority(sanctions: pyoxigraph.Store) -> None:
    """The traffic police impose two fines in 机动车排气 by name, 第三十四条 (200–500) and
    第二十九条 (200), and as one of the 其他有关主管部门 of 第三十三条 (10,000–50,000)."""
    police = f"{BASE}actor/县级以上人民政府公安机关交通管理部门"
    rows = select(sanctions, NAMED["largest-fines"].bind({"authority": police}))
    assert [(r["article"], r["minimumAmount"], r["maximumAmount"]) for r in rows] == [
        ("第三十三条", "10000", "50000"), ("第三十四条", "200", "500"),
        ("第二十九条", "200", "200")]


def test_duties_without_sanction(sanctions: pyoxigraph.Store) -> None:
    """In 机动车排气 the duties of 第十一、十四、十五、十八、二十一、二十三条 are enforced
    (第二十九至三十五条); those of 第三、十、二十五条 … are not. The seed has no liability
    chapter: all its 38 obligations are without sanction."""
    rows = select(sanctions, NAMED["duties-without-sanction"].bind())
    articles = {int(r["article"]) for r in rows}
    assert {3, 10, 25} <= articles
    assert not articles & {11, 14, 15, 18, 21, 23}
    seed = select(sanctions, NAMED["duties-without-sanction"].bind(
        {"regulation": reg("gd-industrial-transfer")}))
    assert len(seed) == 38 and {r["modality"] for r in seed} == {"义务性规范"}


def test_what_the_ecology_department_enforces(sanctions: pyoxigraph.Store) -> None:
    """县级以上人民政府生态环境主管部门 imposes 机动车排气
    第三十一、三十二、三十三、三十五、三十六条, and, as one of the 有关部门 of 第三十三条,
    that clause's consequences once more."""
    rows = select(sanctions, NAMED["enforced-by"].bind())
    assert {r["article"] for r in rows} == {"第三十一条", "第三十二条", "第三十三条", "第三十五条",
                                            "第三十六条"}
    fines = {(r["article"], r["minimumAmount"], r["maximumAmount"]) for r in rows
             if r["kind"] == "罚款"}
    assert fines == {("第三十一条", "20000", "200000"), ("第三十二条", "500", "1000"),
                     ("第三十三条", "10000", "50000"), ("第三十五条", "500", "1000")}
    assert {r["namedAs"] for r in rows if r["article"] == "第三十三条"} == {
        "县级以上人民政府生态环境部门", "县级以上人民政府有关部门"}
    first = next(r for r in rows if r["article"] == "第三十一条")
    assert first["enforces"] == "第十四条" and first["title"] == "广东省机动车排气污染防治条例"
