"""Consequences in real Chromium on the production server (gunicorn), over the seed with
two regulations curated with their liability chapters (tests/consequences_build.py): from
a duty's page to its sanction and back, from the reader to a regulation's duties without a
sanction, an authority's page with what it enforces; no axe-core violations on any of
these pages in either language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.conftest import kg_server, shot, tab_on
from tests.browser.test_accessibility import violations
from tests.consequences_build import VEHICLES, consequences

pytestmark = pytest.mark.timeout(600)
NORMS = f"/norms/{VEHICLES}"
TESTING = f"{NORMS}/art_21__para_1/obligation-0-64"  # periodic emission testing
POLICE = "县级以上人民政府公安机关交通管理部门"
PAGES = [TESTING, f"{NORMS}/art_34__para_1/liability-0-77",
         f"{NORMS}/art_10__para_2/obligation-0-55", f"/unsanctioned/{VEHICLES}",
         f"/reader/{VEHICLES}", f"/actors/{POLICE}", "/offices?office=县生态环境局",
         "/reader/dongguanshi-lingsan-gongyefeishui-guanlitiaoli"]


@pytest.fixture(scope="module")
def sanctions_url() -> Iterator[str]:
    """`kg serve` on a free port over the build with liability chapters."""
    settings = consequences()
    with kg_server("--data-dir", str(settings.data_dir),
                   "--build-dir", str(settings.build_dir)) as url:
        yield url


@pytest.fixture
def tab(browser: object, sanctions_url: str) -> Iterator[object]:
    with tab_on(browser, sanctions_url) as tab:
        yield tab


def test_from_a_duty_to_its_sanction_and_back(tab: object) -> None:
    page = tab
    page.goto(TESTING)
    sanction = page.locator("#sanctions article.liability")
    assert sanction.count() == 1
    assert "罚款" in sanction.locator("table.penalties").inner_text()
    assert "200–500 元" in sanction.locator("table.penalties").inner_text()
    assert POLICE in sanction.locator("dl.links").inner_text()
    shot(page, "duty-sanction", full_page=True)
    sanction.locator("a.sanction-link").click()
    page.wait_for_url("**/art_34__para_1/liability-0-77")
    assert page.locator("h1").inner_text() == "第三十四条第一款法律责任"
    kinds = page.locator("#penalties tbody tr td:first-child").all_inner_texts()
    assert kinds == ["责令改正", "警告", "罚款"]
    shot(page, "liability-page", full_page=True)
    page.locator("#enforces a.norm-link", has_text="第二十一条第一款").click()
    page.wait_for_url(f"**{TESTING}")
    assert page.locator("#sanctions a.sanction-link").get_attribute("href").endswith(
        "/art_34__para_1/liability-0-77")


def test_from_the_reader_to_the_duties_without_a_sanction(tab: object) -> None:
    page = tab
    page.goto(f"/reader/{VEHICLES}")
    page.locator("#to-unsanctioned").click()
    page.wait_for_url(f"**/unsanctioned/{VEHICLES}")
    assert "45 条义务性和禁止性规范中，没有法律责任条款的有 29" in page.locator(
        "p.summary").inner_text()
    assert page.locator("article.norm").count() == 29
    assert page.locator("article.norm dd.no-sanction").count() == 29
    shot(page, "unsanctioned", full_page=False)


def test_an_authority_page_shows_what_it_enforces(tab: object) -> None:
    page = tab
    page.goto(f"/actors/{POLICE}?lang=en")
    enforced = page.locator("#enforced")
    assert enforced.locator("h2").inner_text().startswith("Sanctions this actor imposes (3)")
    assert "200 yuan" in enforced.inner_text()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_consequence_pages_have_no_violations(tab: object, lang: str) -> None:
    failures = {}
    for url in PAGES:
        tab.goto(url + ("&" if "?" in url else "?") + f"lang={lang}")
        found = violations(tab)
        if found:
            failures[url] = found
    assert not failures, "\n".join(f"{u}:\n  " + "\n  ".join(v) for u, v in failures.items())
