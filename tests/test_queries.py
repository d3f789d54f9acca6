"""Named queries: each runs, and the competency questions give the answers a reader expects."""

from __future__ import annotations

import pyoxigraph
import pytest

from kg.config import PROJECT_ROOT, Settings
from kg.query import named as queries
from kg.query import stores as engine
from kg.release import store

NAMED = queries.load_all(PROJECT_ROOT / "queries")
BASE = "https://w3id.org/dutygraph/"


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


@pytest.mark.parametrize("name", sorted(NAMED))
def test_every_named_query_answers(db: pyoxigraph.Store, name: str) -> None:
    rows = select(db, NAMED[name].bind())
    assert rows, f"{name} returned no rows on the seed"


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
