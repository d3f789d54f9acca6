"""The people's pages and their machine twins, through the Flask test client."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from kg.config import Settings
from server.runtime import KEY
from tests.browser.support import SCRIPT, make_app, poisoned_build

ACTOR = "receiving-area-county-government"
DG = "https://w3id.org/dutygraph/ontology#"


@pytest.fixture(scope="module")
def client(seed_settings: Settings) -> Iterator[FlaskClient]:
    app = make_app(seed_settings)
    yield app.test_client()
    app.extensions[KEY].close()


@pytest.fixture(scope="module")
def first_norm(client: FlaskClient) -> dict:
    return client.get("/norms.json?size=all").get_json()["norms"][0]


def pages(first_norm: dict) -> list[str]:
    norm = first_norm["href"]
    return ["/", "/reader/gd-industrial-transfer", "/actors", f"/actors/{ACTOR}",
            "/mechanisms", "/carriers", "/norms", "/norms?modality=Obligation&page=2", norm,
            "/search?q=机制", "/editor", "/network", f"/network/actors/{ACTOR}"]


def test_every_page_and_twin(client: FlaskClient, first_norm: dict) -> None:
    types = {"json": "application/json", "ttl": "text/turtle", "jsonld": "application/ld+json"}
    for url in pages(first_norm):
        html = client.get(url)
        assert html.status_code == 200, url
        assert html.mimetype == "text/html"
        assert 'rel="alternate"' in html.headers["Link"]
        path, _, query = url.partition("?")
        for fmt, mime in types.items():
            twin = client.get(("/index" if path == "/" else path) + f".{fmt}"
                              + (f"?{query}" if query else ""))
            assert twin.status_code == 200, (url, fmt)
            assert twin.mimetype == mime
            assert 'type="text/html"' in twin.headers["Link"]
        assert client.get(("/index" if path == "/" else path) + ".json").get_json()["ok"]


def test_rdf_twin_describes_the_actor(client: FlaskClient) -> None:
    ttl = client.get(f"/actors/{ACTOR}.ttl").get_data(as_text=True)
    assert f"https://w3id.org/dutygraph/actor/{ACTOR}" in ttl
    assert "产业承接地县级人民政府" in ttl
    doc = json.loads(client.get(f"/actors/{ACTOR}.jsonld").get_data(as_text=True))
    assert doc


def test_home_in_chinese_with_counts_and_entries(client: FlaskClient) -> None:
    body = client.get("/").get_data(as_text=True)
    assert '<html lang="zh-CN">' in body
    assert "广东省促进产业有序转移条例" in body
    data = client.get("/index.json").get_json()
    counts = data["regulations"][0]["counts"]
    assert counts["article"] == 39 and counts["chapter"] == 7 and counts["norm"] > 0
    assert all(data["entries"][kind] for kind in ("actor", "mechanism", "carrier"))
    assert 'role="search"' in body and "<main" in body and "<nav" in body


def test_language_by_query_cookie_and_accept_language(client: FlaskClient) -> None:
    client = client.application.test_client()  # fresh cookies, the same app
    assert '<html lang="en">' in client.get(
        "/", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert '<html lang="zh-CN">' in client.get(
        "/", headers={"Accept-Language": "fr, zh;q=0.5"}).get_data(as_text=True)
    switched = client.get("/?lang=en")
    assert "dg_lang=en" in switched.headers["Set-Cookie"]
    assert '<html lang="en">' in client.get("/actors").get_data(as_text=True)
    assert "Actors" in client.get("/actors").get_data(as_text=True)
    assert '<html lang="zh-CN">' in client.get("/actors?lang=zh").get_data(as_text=True)


def test_reader_marks_spans_and_anchors(client: FlaskClient) -> None:
    body = client.get("/reader/gd-industrial-transfer").get_data(as_text=True)
    for eid in ("art_1", "art_3__para_2", "art_39__para_1", "chp_1"):
        assert f'id="{eid}"' in body
    assert 'class="span m-obligation"' in body
    assert 'href="/actors/provincial-government"' in body
    assert 'href="/mechanisms/transfer-coordination-safeguard"' in body
    assert 'id="legend-h"' in body
    data = client.get("/reader/gd-industrial-transfer.json").get_json()
    article = data["chapters"][0]["articles"][2]
    para = article["paragraphs"][0]
    assert "".join(s["text"] for s in para["segments"]).startswith("省人民政府应当")


def test_actor_page_reaches_through_within(client: FlaskClient) -> None:
    data = client.get(f"/actors/{ACTOR}.json").get_json()
    assert data["count"] > 0
    assert data["groups"][0]["class"] == "Obligation"
    norms = [n for g in data["groups"] for c in g["chapters"] for n in c["norms"]]
    direct = [n for n in norms if not n["via"]]
    via = [n for n in norms if n["via"]]
    assert direct and via
    assert {r["label"] for n in via for r in n["via"]} & {"县级人民政府", "县级以上人民政府"}
    assert {b["id"] for b in data["broader"]} >= {"county-government"}
    assert all(n["exact"] and n["source_href"].startswith("/reader/") for n in norms)
    broad = client.get("/actors/government-county-level-and-above.json").get_json()
    assert any(n["id"] == "county-government" for n in broad["narrower"])


def test_mechanism_and_carrier_pages(client: FlaskClient) -> None:
    mechanisms = client.get("/mechanisms.json").get_json()["terms"]
    carriers = client.get("/carriers.json").get_json()["terms"]
    assert mechanisms and carriers
    for term in (mechanisms[0], carriers[0]):
        page = client.get(term["href"])
        assert page.status_code == 200
    assert client.get("/mechanisms/no-such-thing").status_code == 404
    assert client.get("/actors/no-such-actor.json").status_code == 404


def test_norm_list_filters_pagination_and_export(client: FlaskClient) -> None:
    everything = client.get("/norms.json?size=all").get_json()
    assert everything["total"] == len(everything["norms"]) > 20
    first = client.get("/norms.json").get_json()
    assert len(first["norms"]) == 20 and first["pages"] > 1
    second = client.get("/norms.json?page=2").get_json()
    assert second["norms"][0]["iri"] != first["norms"][0]["iri"]
    only = client.get("/norms.json?modality=Prohibition&size=all").get_json()
    assert all(n["class"] == "Prohibition" for n in only["norms"])
    chapter = client.get("/norms.json?chapter=gd-industrial-transfer/chp_2&size=all").get_json()
    assert chapter["total"] and all(n["chapter_ordinal"] == 2 for n in chapter["norms"])
    mine = client.get(f"/norms.json?actor={ACTOR}&q=机制&size=all").get_json()
    assert mine["total"] and all("机制" in n["exact"] for n in mine["norms"])
    rows = list(csv.reader(io.StringIO(client.get(
        "/norms.csv?modality=Obligation").get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][:2] == ["iri", "class"] and len(rows) > 1
    assert {r[1] for r in rows[1:]} == {"Obligation"}
    assert client.get("/norms?page=999").status_code == 200


def test_norm_page_links_to_source_paragraph(client: FlaskClient, first_norm: dict) -> None:
    body = client.get(first_norm["href"]).get_data(as_text=True)
    assert 'id="to-source"' in body and first_norm["source_href"] in body
    assert first_norm["exact"] in body


def test_search_substring_ranked_and_highlighted(client: FlaskClient) -> None:
    data = client.get("/search.json?q=机制").get_json()
    assert data["labels"] and data["texts"]
    assert all(any(hit for _, hit in r["parts"]) for r in data["labels"] + data["texts"])
    hits = [r["hits"] for r in data["texts"]]
    assert hits == sorted(hits, reverse=True)
    exact = client.get("/search.json?q=企业").get_json()["labels"][0]
    assert exact["label"] == "企业"
    body = client.get("/search?q=机制").get_data(as_text=True)
    assert '<mark class="hit">机制</mark>' in body
    assert client.get("/search.json?q=").get_json()["total"] == 0


def test_editor_preloads_named_queries_without_outside_services(client: FlaskClient) -> None:
    data = client.get("/editor.json").get_json()
    assert data["endpoint"] == "/sparql"
    assert {"applies-to", "mechanisms"} <= {q["name"] for q in data["queries"]}
    body = client.get("/editor?named=mechanisms").get_data(as_text=True)
    assert "/static/vendor/yasgui.min.js" in body and "cdn" not in body.lower()
    assert not re.search(r'src="https?://', body)


def _norms_linking(client: FlaskClient, actor: str, prop: str, target: str) -> int:
    query = (f"SELECT DISTINCT ?s WHERE {{ ?s <{DG}addressee> <{actor}> ; "
             f"<{DG}{prop}> <{target}> }}")
    answer = client.get("/sparql", query_string={"query": query},
                        headers={"Accept": "application/sparql-results+json"})
    return len(answer.get_json()["results"]["bindings"])


def test_the_whole_network_links_terms_weighted_by_their_norms(client: FlaskClient) -> None:
    """Every regulation at once is drawn term to term (an actor and the mechanisms it
    must set up, the carriers its norms concern), each link weighted by its norms."""
    whole = client.get("/network.json").get_json()["graph"]
    assert {n["kind"] for n in whole["nodes"]} <= {"actor", "mechanism", "carrier"}
    assert {"actor", "mechanism"} <= {n["kind"] for n in whole["nodes"]}
    ids = {n["id"] for n in whole["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in whole["edges"])
    links = [e for e in whole["edges"] if e["kind"] != "within"]
    assert whole["shown"] == len(links) <= whole["links"]
    heaviest = max(links, key=lambda e: e["weight"])
    assert heaviest["weight"] == _norms_linking(client, heaviest["source"], heaviest["kind"],
                                                heaviest["target"]) > 1


def test_an_actor_network_shows_its_first_norms(client: FlaskClient,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from server.pages.views import tools
    monkeypatch.setattr(tools, "NETWORK_NORMS", 3)
    mine = client.get(f"/network/actors/{ACTOR}.json?lang=en").get_json()
    assert any(n.get("focus") for n in mine["graph"]["nodes"])
    assert sum(n["kind"] == "norm" for n in mine["graph"]["nodes"]) == 3
    assert mine["focus"]["shown"] == 3 < mine["focus"]["count"]
    page = client.get(f"/network/actors/{ACTOR}?lang=en").get_data(as_text=True)
    assert f"The first 3 of {mine['focus']['count']} norms" in page


@pytest.fixture(scope="module")
def poisoned(seed_settings: Settings,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    build = tmp_path_factory.mktemp("poisoned") / "build"
    app = make_app(poisoned_build(seed_settings, build))
    yield app.test_client()
    app.extensions[KEY].close()


def test_script_in_data_is_inert_on_every_page(poisoned: FlaskClient) -> None:
    norm = poisoned.get("/norms.json?size=all").get_json()["norms"][0]["href"]
    for url in [*pages({"href": norm}), "/search?q=script"]:
        body = poisoned.get(url).get_data(as_text=True)
        assert SCRIPT not in body, url
        if url != "/editor":  # the editor shows no data, only the named queries
            assert "alert(1)" in body, url  # the literal is shown, escaped
        for fmt in ("json", "ttl", "jsonld"):
            path, _, query = url.partition("?")
            twin = poisoned.get(("/index" if path == "/" else path) + f".{fmt}"
                                + (f"?{query}" if query else ""))
            assert twin.status_code == 200 and twin.mimetype != "text/html"


def test_a_term_with_many_norms_is_paged(client: FlaskClient,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """未明示主体 has thousands of norms in the province: its page shows one page of them,
    with the total, a pager, and every norm once across the pages (?size=all has all)."""
    from server.pages.views import termpage
    whole = client.get(f"/actors/{ACTOR}.json?size=all").get_json()
    every = [n["iri"] for g in whole["groups"] for c in g["chapters"] for n in c["norms"]]
    assert whole["count"] == len(every) > 2
    monkeypatch.setattr(termpage, "PER_PAGE", 2)
    seen = []
    for number in range(1, -(-len(every) // 2) + 1):
        shown = client.get(f"/actors/{ACTOR}.json?page={number}").get_json()
        assert (shown["page"], shown["pages"], shown["count"]) == (
            number, -(-len(every) // 2), len(every))
        seen += [n["iri"] for g in shown["groups"] for c in g["chapters"] for n in c["norms"]]
    assert seen == every
    html = client.get(f"/actors/{ACTOR}?page=2").get_data(as_text=True)
    assert 'rel="prev"' in html and f"2 / {-(-len(every) // 2)}" in html


def test_pages_count_the_same_without_the_release_summary(
        seed_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The home page, the indexes and the whole network read the counts the release
    writer made (kg/release/summary.py); served from a store without them (an external
    endpoint), the same queries are asked of the store and give the same pages."""
    from kg.release import summary

    def shown(app_client: FlaskClient) -> list[dict]:
        return [app_client.get(url).get_json()
                for url in ("/index.json", "/actors.json", "/mechanisms.json", "/network.json")]

    def served() -> list[dict]:
        app = make_app(seed_settings)
        try:
            return shown(app.test_client())
        finally:
            app.extensions[KEY].close()

    with_summary = served()
    monkeypatch.setattr(summary, "read", lambda folder: None)
    asked = served()
    assert asked == with_summary
    assert any(r["counts"]["norm"] for r in asked[0]["regulations"])


@pytest.fixture(scope="module")
def three_regulations(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    """The seed with two small regulations, so that pages cross from one to the next."""
    import shutil

    from kg import pipeline
    from tests.conftest import FIXTURES, seed_data

    tmp = tmp_path_factory.mktemp("three")
    data = seed_data(tmp)
    for source in (FIXTURES / "mini", FIXTURES / "liability"):
        shutil.copytree(source, data, dirs_exist_ok=True)
    settings = Settings(data_dir=data, build_dir=tmp / "build")
    pipeline.run(settings)
    app = make_app(settings)
    yield app.test_client()
    app.extensions[KEY].close()


def _every_page(client: FlaskClient, path: str, query: str,
                iris: Callable[[dict], list[str]]) -> list[str]:
    """The IRIs of ``path``'s pages, from the first to the last, in order (``query``
    is empty or ends with &); each page's total is the same."""
    shown: list[str] = []
    number, total = 1, None
    while True:
        page = client.get(f"{path}?{query}page={number}").get_json()
        assert total in (None, page.get("total"))
        total = page.get("total")
        shown += iris(page)
        if number >= page["pages"]:
            return shown
        number += 1


def _norm_iris(page: dict) -> list[str]:
    return [n["iri"] for n in page["norms"]]


@pytest.mark.parametrize("query", ["", "modality=Obligation&", "modality=Prohibition&",
                                   "q=应当&", "review=hand&",
                                   "actor=government-county-level-and-above&"])
def test_norm_list_pages_are_the_whole_list_cut(three_regulations: FlaskClient, query: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A page is read from the regulations it falls in (counted in the release's
    summary, or by the store for other filters): its norms are exactly the whole
    list's, in the same order, across regulations."""
    from server.pages.views import norms
    monkeypatch.setattr(norms, "PER_PAGE", 7)
    whole = three_regulations.get(f"/norms.json?{query}size=all").get_json()
    assert len({n["iri"].split("/reg/")[1].split("/")[0] for n in whole["norms"]}) > 1
    assert _every_page(three_regulations, "/norms.json", query, _norm_iris) == _norm_iris(whole)


def test_counts_include_the_files_served_beside_the_release(
        seed_settings: Settings, tmp_path: Path) -> None:
    """`kg serve --data FILE` serves more than the release's counts cover: the pages
    count what the store holds."""
    from server import create_app
    from server.runtime.protocol import ServeOptions

    base = seed_settings.base_iri
    extra = tmp_path / "extra.ttl"
    extra.write_text(f"<{base}reg/zz-extra/art_1__para_1/obligation-0-2> a <{DG}Obligation> ;"
                     f" <{DG}source> <{base}reg/zz-extra/art_1__para_1> .\n", encoding="utf-8")
    plain = make_app(seed_settings)
    served = create_app(seed_settings, ServeOptions(data=((extra, f"{base}graph/zz-extra"),)))
    try:
        before = plain.test_client().get("/norms.json").get_json()["total"]
        after = served.test_client().get("/norms.json").get_json()
        assert after["total"] == before + 1
    finally:
        for app in (plain, served):
            app.extensions[KEY].close()


def test_a_term_index_is_paged_in_label_order(client: FlaskClient,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Eighteen thousand actors at corpus size: the index shows them a page at a time,
    every term once, in the order of the whole list."""
    from server.pages.views import terms
    whole = client.get("/actors.json?lang=en").get_json()
    assert whole["pages"] == 1 and whole["total"] == len(whole["terms"]) > 7
    monkeypatch.setattr(terms, "PER_PAGE", 7)
    paged = _every_page(client, "/actors.json", "lang=en&",
                        lambda page: [t["iri"] for t in page["terms"]])
    assert paged == [t["iri"] for t in whole["terms"]]
    assert client.get("/actors.json?lang=en").get_json()["pages"] == -(-whole["total"] // 7)
    labels = [t["label"].lower() for t in whole["terms"]]
    assert labels == sorted(labels)
    html = client.get("/actors?lang=en&page=2").get_data(as_text=True)
    assert 'rel="next"' in html and 'rel="prev"' in html


@pytest.mark.parametrize("path", ["/actors/government-county-level-and-above",
                                  "/actors/enterprise"])
def test_term_pages_across_regulations_are_the_whole_list_cut(
        three_regulations: FlaskClient, path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A term's page is cut from the regulations it falls in, class by class: page by
    page, the norms are those of ?size=all, in its order."""
    from server.pages.views import termpage
    whole = three_regulations.get(f"{path}.json?size=all").get_json()

    def iris(data: dict) -> list[str]:
        return [n["iri"] for group in data["groups"] for chapter in group["chapters"]
                for n in chapter["norms"]]
    everything = iris(whole)
    assert len({i.split("/reg/")[1].split("/")[0] for i in everything}) > 1
    monkeypatch.setattr(termpage, "PER_PAGE", 3)
    assert _every_page(three_regulations, f"{path}.json", "", iris) == everything


def test_my_office_pages_are_its_whole_list_cut(three_regulations: FlaskClient,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """My office's norms, page by page across regulations, are those of ?size=all."""
    from server.pages.views import offices
    query = "office=县人民政府"
    whole = three_regulations.get(f"/offices.json?{query}&size=all").get_json()
    everything = [n["iri"] for n in whole["norms"]]
    assert whole["total"] == len(everything) and whole["regulations"] > 1
    monkeypatch.setattr(offices, "PER_PAGE", 4)
    assert _every_page(three_regulations, "/offices.json", f"{query}&", _norm_iris) == everything


def test_home_lists_every_regulation_a_page_at_a_time(three_regulations: FlaskClient,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """1,759 regulations at corpus size: home shows them in pages, each once, with
    their chapters and counts."""
    from server.pages.views import home
    whole = three_regulations.get("/index.json").get_json()
    assert whole["pages"] == 1 and len(whole["regulations"]) == whole["total"] == 3
    monkeypatch.setattr(home, "REGULATIONS_PER_PAGE", 2)
    first = three_regulations.get("/index.json").get_json()
    second = three_regulations.get("/index.json?page=2").get_json()
    assert first["pages"] == 2
    assert first["regulations"] + second["regulations"] == whole["regulations"]
    html = three_regulations.get("/").get_data(as_text=True)
    assert 'rel="next"' in html
