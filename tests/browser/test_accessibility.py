"""axe-core (from npm, vendored by scripts/vendor.sh) on every kind of page in real
Chromium: no violations, at any impact, in either language."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.timeout(180)
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
ACTOR = "receiving-area-county-government"
PAGES = ["/", "/reader/gd-industrial-transfer", "/actors", f"/actors/{ACTOR}", "/mechanisms",
         "/carriers", "/norms", "/norms?modality=Obligation&page=2", "/search?q=机制",
         "/network", f"/network/actors/{ACTOR}", "/versions/gd-industrial-transfer",
         "/download/", "/sparql", "/ontology", "/dataset", "/no-such-page", "/offices",
         "/offices?kind=department&level=county&sector=transport", f"/actor/{ACTOR}",
         "/reg/gd-industrial-transfer/art_9__para_2", "/catalog", "/graph/lexicon",
         "/distribution/dutygraph.nq", "/jurisdiction/guangdong"]


def violations(page: object) -> list[str]:
    """axe's violations on the page, one line each: rule, impact, count, first target."""
    assert AXE.is_file(), "axe-core is not vendored: run `make frontend`"
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
        .violations.map(v => ({id: v.id, impact: v.impact, n: v.nodes.length,
                               target: v.nodes[0].target.join(' '),
                               html: v.nodes[0].html.slice(0, 160)}))""")
    return [f"{v['id']} ({v['impact']}) ×{v['n']}: {v['target']} {v['html']}" for v in found]


def first_link(page: object, prefix: str) -> str:
    href = page.locator(f"a[href^='{prefix}']").first.get_attribute("href")
    assert href, f"no link under {prefix}"
    return href


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_type_has_no_violations(page: object, lang: str) -> None:
    page.goto("/mechanisms")
    urls = [*PAGES, first_link(page, "/mechanisms/")]
    page.goto("/carriers")
    urls.append(first_link(page, "/carriers/"))
    page.goto("/norms")
    urls.append(first_link(page, "/norms/"))
    failures = {}
    for url in urls:
        page.goto(url + ("&" if "?" in url else "?") + f"lang={lang}")
        if url.startswith("/network"):
            page.locator("#network canvas").first.wait_for(state="attached")
        found = violations(page)
        if found:
            failures[url] = found
    assert not failures, "\n".join(f"{u}:\n  " + "\n  ".join(v) for u, v in failures.items())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sparql_editor_has_no_violations(page: object, lang: str) -> None:
    """The editor with its tabs, the query editor and a table of results."""
    page.goto(f"/editor?named=norms-by-modality&lang={lang}")
    page.locator(".yasr tbody tr").first.wait_for(timeout=20_000)
    page.locator(".yasr thead .dt-column-title .visually-hidden").first.wait_for(
        state="attached")   # server/static/js/yasgui-a11y.js has run over the results
    shot(page, f"editor-a11y-{lang}")
    found = violations(page)
    assert not found, "\n".join(found)


def test_a_long_wide_result_has_no_violations(page: object) -> None:
    """Many rows and long IRIs: the result table scrolls, and stays reachable."""
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 300"
    page.goto("/editor?" + urlencode({"query": query}))
    page.locator(".yasqe .CodeMirror").first.wait_for()
    page.evaluate("window.dutygraphYasgui.getTab().query()")
    page.locator(".yasr tbody tr").nth(5).wait_for(timeout=20_000)
    page.select_option("select.tableSizer", "-1")
    page.locator(".yasr tbody tr").nth(200).wait_for()
    page.locator(".yasr thead .dt-column-title .visually-hidden").first.wait_for(
        state="attached")
    found = violations(page)
    assert not found, "\n".join(found)


def test_the_editor_can_be_used_from_the_keyboard(page: object) -> None:
    """The tabs form a tablist with one selected tab, arrow keys move between them, and
    the query box and the endpoint field have names."""
    page.goto("/editor?named=norms-by-modality")
    page.locator(".yasr tbody tr").first.wait_for(timeout=20_000)
    tabs = page.locator("[role=tablist] [role=tab]")
    assert tabs.count() >= 6
    selected = page.locator("[role=tab][aria-selected=true]")
    assert selected.count() == 1
    selected.focus()
    page.keyboard.press("ArrowRight")
    focused = page.evaluate("document.activeElement.getAttribute('role')")
    assert focused == "tab"
    editor = page.locator(".yasqe .CodeMirror textarea").first
    assert editor.get_attribute("aria-label") == "SPARQL 查询"
    assert page.locator("input.autocomplete").first.get_attribute("aria-label")
