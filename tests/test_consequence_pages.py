"""Consequences on the people's pages (Flask test client), over the seed with two
regulations curated with their liability chapters (tests/consequences_build.py): a
duty's page shows what happens if it is breached, a liability's page its penalties and
the duties it enforces, actor and office pages say which duties carry no sanction, and
each regulation has a page of its duties without a sanction."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient

from kg.config import PROJECT_ROOT
from kg.query import named
from server.runtime import KEY
from tests.browser.support import make_app
from tests.consequences_build import VEHICLES, consequences, reg

NORMS = f"/norms/{VEHICLES}"
TESTING = f"{NORMS}/art_21__para_1/obligation-0-64"  # periodic emission testing
TESTING_SANCTION = f"{NORMS}/art_34__para_1/liability-0-77"
POLICE = "县级以上人民政府公安机关交通管理部门"


@pytest.fixture(scope="module")
def client() -> Iterator[FlaskClient]:
    app = make_app(consequences())
    yield app.test_client()
    app.extensions[KEY].close()


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def section(html: str, ident: str) -> str:
    found = re.search(rf'<section id="{ident}".*?</section>', html, re.S)
    assert found, f"no section #{ident}"
    return found.group(0)


def test_a_duty_shows_its_sanction(client: FlaskClient) -> None:
    """第二十一条第一款 → 第三十四条: 由县级以上公安机关交通管理部门责令限期改正，处警告或者
    二百元以上五百元以下罚款."""
    html = client.get(TESTING).get_data(as_text=True)
    shown = section(html, "sanctions")
    assert f'href="{TESTING_SANCTION}"' in shown
    words = text(shown)
    assert "第三十四条第一款" in words and POLICE in words and "机动车所有人" in words
    assert re.findall(r"<td>([^<]+)</td><td>([^<]*)</td>", shown) == [
        ("责令改正", ""), ("警告", ""), ("罚款", "200–500 元")]
    english = text(client.get(TESTING + "?lang=en").get_data(as_text=True))
    assert "If breached" in english and "200–500 yuan" in english
    client.get("/?lang=zh")  # the language is remembered: back to Chinese


def test_a_duty_without_sanction_says_so(client: FlaskClient) -> None:
    """第十条第二款 (a new vehicle meets the emission standard): no clause cites 第十条."""
    html = client.get(f"{NORMS}/art_10__para_2/obligation-0-55")
    shown = section(html.get_data(as_text=True), "sanctions")
    assert "本法规没有任何法律责任条款引用这一规范" in text(shown)
    assert "sanction-link" not in shown


def test_a_liability_page_lists_penalties_and_the_duties_it_enforces(
        client: FlaskClient) -> None:
    html = client.get(TESTING_SANCTION).get_data(as_text=True)
    facts = text(re.search(r'<dl class="facts">.*?</dl>', html, re.S).group(0))
    assert f"处罚机关 {POLICE}" in facts and "责任主体 机动车所有人" in facts
    assert re.findall(r"<td>([^<]+)</td><td>([^<]*)</td>",
                      section(html, "penalties")) == [
        ("责令改正", ""), ("警告", ""), ("罚款", "200–500 元")]
    enforced = section(html, "enforces")
    assert re.findall(r'class="norm-link"[^>]*href="([^"]+)"', enforced) == [
        TESTING, f"{NORMS}/art_21__para_2/prohibition-0-42"]


def test_tiers_and_multiples_are_shown(client: FlaskClient) -> None:
    """东莞 第二十八条第二款: 处以所需处置费用三倍以上五倍以下的罚款 … 情节严重的 …
    责令停业或者关闭."""
    reader = client.get("/reader/dongguanshi-lingsan-gongyefeishui-guanlitiaoli")
    link = re.search(r'href="(/norms/[^"]+/art_28__para_2/liability-[^"]+)"',
                     reader.get_data(as_text=True)).group(1)
    html = client.get(link).get_data(as_text=True)
    rows = re.findall(r"<td>([^<]+)</td><td>([^<]*)</td><td lang=\"zh-CN\">([^<]*)</td>",
                      section(html, "penalties"))
    assert ("罚款", "3–5 × 所需处置费用", "") in rows
    assert any(condition == "情节严重的" for _, _, condition in rows)


def test_the_reader_links_a_liability_to_the_duties_it_enforces(client: FlaskClient) -> None:
    html = client.get(f"/reader/{VEHICLES}").get_data(as_text=True)
    unit = re.search(r'<div class="unit paragraph" id="art_34__para_1">.*?</ol>', html, re.S)
    assert re.findall(r'class="enforces-link" href="([^"]+)"', unit.group(0)) == [
        TESTING, f"{NORMS}/art_21__para_2/prohibition-0-42"]
    duty = re.search(r'<div class="unit paragraph" id="art_21__para_1">.*?</ol>', html, re.S)
    assert f'class="sanction-link" href="{TESTING_SANCTION}"' in duty.group(0)
    assert 'id="to-unsanctioned"' in html


def test_an_authority_page_lists_what_it_enforces(client: FlaskClient) -> None:
    """The traffic police impose 第二十九条 and 第三十四条 by name, and 第三十三条第一款 as one
    of its 其他有关主管部门."""
    html = client.get(f"/actors/{POLICE}").get_data(as_text=True)
    enforced = section(html, "enforced")
    units = re.findall(r'class="norm-link"[^>]*href="[^"]+/(art_\d+__para_\d+)/liability',
                       enforced)
    assert units == ["art_29__para_1", "art_33__para_1", "art_34__para_1"]
    assert "200 元" in text(enforced) and "10,000–50,000 元" in text(enforced)


def test_unsanctioned_page_equals_the_named_query(client: FlaskClient) -> None:
    html = client.get(f"/unsanctioned/{VEHICLES}").get_data(as_text=True)
    shown = set(re.findall(r'class="norm-link"[^>]*href="([^"]+)"', html))
    query = named.load_all(PROJECT_ROOT / "queries")["duties-without-sanction"]
    rows = client.get("/api/queries/duties-without-sanction").get_json()["rows"]
    assert query.params[0].default == reg(VEHICLES)
    assert shown == {r["norm"].replace("https://w3id.org/dutygraph/reg", "/norms") for r in rows}
    assert len(shown) == 29 and "45 条义务性和禁止性规范中" in text(html)
    assert f"{NORMS}/art_11__para_1/prohibition-0-19" not in shown  # 第二十九条 enforces it
    twin = client.get(f"/unsanctioned/{VEHICLES}.json").get_json()
    assert twin["count"] == 29 and twin["duties"] == 45
    assert client.get("/unsanctioned/no-such-regulation").status_code == 404


def test_an_office_page_says_which_duties_carry_no_sanction(client: FlaskClient) -> None:
    """A county's ecology bureau: none of its duties in these regulations is cited by a
    liability clause (the chapters sanction the regulated parties, not the office); each
    of them says so."""
    answer = client.get("/offices.json?office=县生态环境局&size=all").get_json()
    duties = [n for g in answer["groups"] for c in g["chapters"] for n in c["norms"]
              if n["duty"]]
    assert len(duties) >= 10 and all(n["sanctions"] == [] for n in duties)
    html = client.get("/offices?office=县生态环境局").get_data(as_text=True)
    shown = sum(html.count(f'<article class="norm m-{m}">') for m in ("obligation", "prohibition"))
    assert shown and html.count('<dd class="no-sanction">') == shown
