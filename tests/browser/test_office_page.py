"""My office in real Chromium on the production server (gunicorn), over ten Guangdong
regulations ingested from the corpus (tests/offices_build.py): an official picks a
county's transport bureau, sees its duties by regulation and chapter, pages on, and
types the office instead; no axe-core violations in either language; actor pages with
Chinese IRIs answer through gunicorn (it refuses non-ASCII headers: the HTTP 500 of the
issue)."""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from tests.browser.conftest import kg_server, shot, tab_on
from tests.browser.test_accessibility import violations
from tests.offices_build import guangdong_ten

pytestmark = pytest.mark.timeout(1800)  # the first test may build the ten regulations


@pytest.fixture(scope="module")
def office_url() -> Iterator[str]:
    """`kg serve` on a free port over the ten regulations."""
    settings = guangdong_ten().settings
    with kg_server("--data-dir", str(settings.data_dir),
                   "--build-dir", str(settings.build_dir)) as url:
        yield url


@pytest.fixture
def office_page(browser: object, office_url: str) -> Iterator[object]:
    with tab_on(browser, office_url) as tab:
        yield tab


def test_chinese_actor_iris_answer_through_gunicorn(office_url: str) -> None:
    for path in ("/actors/县级人民政府交通运输主管部门", "/actor/县级人民政府交通运输主管部门",
                 "/offices?office=县交通运输局"):
        with urllib.request.urlopen(office_url + quote(path, safe="/?=")) as response:
            assert response.status == 200
            assert response.headers["Link"].isascii()


def test_an_official_picks_the_county_transport_bureau(office_page: object) -> None:
    page = office_page
    page.goto("/offices")
    page.select_option("#o-level", "county")
    page.select_option("#o-sector", "transport")
    page.locator("#o-area ~ button").click()
    page.wait_for_url("**/offices?**")
    assert page.locator("#office-h").inner_text().startswith("县级人民政府交通运输主管部门")
    summary = page.locator("p.summary").inner_text()  # "69 条规范 · 10 部法规 · 导出…"
    assert int(re.search(r"(\d+) 部法规", summary).group(1)) >= 5
    assert page.locator("section.office-regulation h2").count() >= 2  # this page's part
    assert page.locator("article.norm mark.span").count() >= 10  # the spans in the text
    shot(page, "office-county-transport", full_page=False)
    page.locator("nav.pager a[rel=next]").click()
    assert page.locator("nav.pager [aria-current=page]").inner_text().startswith("2")


def test_an_official_types_the_office(office_page: object) -> None:
    page = office_page
    page.goto("/offices")
    page.fill("#o-office", "县交通运输局")
    page.locator("#o-office ~ button").click()
    page.wait_for_url("**/offices?**")
    assert page.locator("#office-h").inner_text().startswith("县级人民政府交通运输主管部门")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_office_page_has_no_violations(office_page: object, lang: str) -> None:
    page = office_page
    failures = {}
    for url in ("/offices", "/offices?kind=department&level=county&sector=transport",
                "/offices?office=帮扶方"):
        page.goto(url + ("&" if "?" in url else "?") + f"lang={lang}")
        found = violations(page)
        if found:
            failures[url] = found
    shot(page, f"office-{lang}")
    assert not failures, "\n".join(f"{u}:\n  " + "\n  ".join(v) for u, v in failures.items())
