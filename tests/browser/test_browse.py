"""End to end in real headless Chromium against a live server."""

from __future__ import annotations

import re
from urllib.parse import urlencode, urlparse

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.timeout(120)


def test_home_actor_norm_source(page: object) -> None:
    page.goto("/")
    shot(page, "home", full_page=True)
    page.locator("#entry-actor + ul a").first.click()
    page.wait_for_url(re.compile(r"/actors/[^/]+$"))
    shot(page, "actor")
    page.locator("a.norm-link").first.click()
    page.wait_for_url(re.compile(r"/norms/.+"))
    shot(page, "norm")
    page.locator("#to-source").click()
    page.wait_for_url(re.compile(r"/reader/[^#]+#art_\d+__para_\d+"))
    eid = urlparse(page.url).fragment
    target = page.locator(f"[id='{eid}']")
    assert target.is_visible()
    assert page.evaluate("document.querySelector(':target').id") == eid
    assert target.locator("mark.span").count() > 0
    shot(page, "reader")


def test_search_highlights(page: object) -> None:
    page.goto("/")
    page.fill("#home-q", "机制")
    page.press("#home-q", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    hits = page.locator("mark.hit")
    assert hits.count() > 3
    assert set(hits.all_inner_texts()) == {"机制"}
    shot(page, "search")


def test_yasgui_runs_a_named_query(page: object, live_url: str) -> None:
    hosts: set[str] = set()
    page.on("request", lambda r: hosts.add(urlparse(r.url).netloc))
    page.goto("/editor?named=norms-by-modality")
    rows = page.locator(".yasr tbody tr")
    rows.first.wait_for(timeout=20_000)
    assert rows.count() >= 1
    assert "dg:Obligation" in page.locator(".yasr").inner_text() or "Obligation" in \
        page.locator(".yasr").inner_text()
    assert page.locator(".tabsList .tab").count() >= 5
    shot(page, "editor")
    assert hosts <= {urlparse(live_url).netloc, ""}


def test_yasgui_permalink_opens_the_query(page: object) -> None:
    query = "SELECT ?permalinked WHERE { ?permalinked a ?c } LIMIT 3"
    page.goto("/editor?" + urlencode({"query": query}))
    page.locator(".CodeMirror").first.wait_for()
    assert "?permalinked" in page.evaluate(
        "window.dutygraphYasgui.getTab().getYasqe().getValue()")


def test_network_renders_and_links(page: object) -> None:
    page.goto("/network")
    net = page.locator("#network[data-rendered]")
    net.wait_for(timeout=30_000)
    count = int(net.get_attribute("data-count"))
    assert count > 0 and int(net.get_attribute("data-rendered")) == count
    shot(page, "network")
    page.goto("/network/actors/receiving-area-county-government")
    page.locator("#network[data-rendered]").wait_for()
    shot(page, "network-actor")
    box = page.evaluate("""() => { const n = window.dutygraphNetwork.nodes('[?focus]')[0];
        const p = n.renderedPosition(); const r = document.getElementById('network')
        .getBoundingClientRect(); return {x: r.left + p.x, y: r.top + p.y}; }""")
    page.mouse.click(box["x"], box["y"])
    page.wait_for_url(re.compile(r"/actors/receiving-area-county-government$"))


def test_language_switch(page: object) -> None:
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    page.locator("#lang-switch").click()
    page.wait_for_url(re.compile(r"lang=en"))
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto("/actors")
    assert page.locator("h1").inner_text() == "Actors"
    shot(page, "actors-en")
    page.goto("/norms")
    shot(page, "norms-en")


def test_pages_work_without_javascript_and_by_keyboard(browser: object, live_url: str) -> None:
    context = browser.new_context(base_url=live_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.fill("#site-q", "机制")
    page.press("#site-q", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    assert page.locator("mark.hit").count() > 3
    page.goto("/norms?modality=Obligation")
    assert page.locator("article.norm").count() > 0
    page.goto("/reader/gd-industrial-transfer#art_3__para_2")
    assert page.locator("[id='art_3__para_2'] mark.span").count() > 0
    context.close()
