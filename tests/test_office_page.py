"""My office (/offices), the named query office-duties, and every actor IRI dereferencing,
on a build of ten Guangdong regulations ingested from the corpus (tests/offices_build.py).

The crawl (tests/crawl.py) asks for every actor of that build (all of its actors, not a
sample) as a people's page, as linked data in HTML and in Turtle, and for every office
that can be picked; the Link headers must be ASCII (gunicorn refuses a header with a
Chinese character: the HTTP 500 of the issue). tests/test_province.py crawls the whole
province the same way.
tests/browser/test_office_page.py asks the real server (gunicorn) and Chromium.
"""

from __future__ import annotations

import csv
import io

import pytest

from kg.graph.iris import as_uri, iri_path, iri_segment
from kg.namespaces import DEFAULT_BASE
from tests import crawl
from tests.browser.support import make_app
from tests.offices_build import guangdong_ten

COUNTY_TRANSPORT = {"kind": "department", "level": "county", "sector": "transport"}
# Read in the texts by hand: duties of a county's 交通运输局 in five regulations, each
# (regulation, article, class, words of the norm's exact text).
SAMPLE = [
    ("guangdongsheng-daolu-yunshu-tiaoli", "第五十一条", "Obligation", "编制道路运输应急预案"),
    ("guangdongsheng-daolu-yunshu-tiaoli", "第六十条", "Permission", "可以扣押车辆和相关设备"),
    ("guangdongsheng-gonglu-tiaoli", "第二十六条", "Obligation", "交通主管部门应当知会"),
    ("guangdongsheng-daqiwuran-fangzhi-tiaoli", "第四十二条", "Obligation", "机动车排放检验纳入"),
    ("guangdongsheng-jidongche-paiqi-wuran-fangzhi-tiaoli", "第二十条", "Obligation",
     "机动车排气污染定期检测纳入"),
    ("guangdongsheng-jidongche-paiqi-wuran-fangzhi-tiaoli", "第二十八条", "Prohibition",
     "不得要求机动车所有人"),
    ("chaozhoushi-wenming-xingwei-cujin-tiaoli", "第五条", "Obligation", "交通运输"),
]


# the first test builds ten regulations (tests/offices_build.py): minutes on a loaded machine
pytestmark = pytest.mark.timeout(1800)

@pytest.fixture(scope="module")
def built():
    return guangdong_ten()


@pytest.fixture(scope="module")
def client(built):
    # the crawl asks two at a time: let a request wait for a free query worker
    return make_app(built.settings.with_(queue_wait=60.0)).test_client()


@pytest.fixture(scope="module")
def county_transport(client) -> dict:
    response = client.get("/offices.json", query_string={**COUNTY_TRANSPORT, "size": "all"})
    assert response.status_code == 200
    return response.get_json()


def test_iris_hold_chinese_and_travel_percent_encoded() -> None:
    assert iri_segment("县级人民政府交通运输主管部门") == "县级人民政府交通运输主管部门"
    assert iri_segment("县(区) 人民政府") == "县%28区%29%20人民政府"
    assert as_uri(DEFAULT_BASE + "actor/县级") == DEFAULT_BASE + "actor/%E5%8E%BF%E7%BA%A7"
    assert iri_path("actor/县(区)") == "actor/县%28区%29"  # a decoded request path


def test_every_actor_dereferences_as_page_and_linked_data(built, client) -> None:
    """Every actor of the build, as a people's page, linked-data HTML and Turtle: 200,
    ASCII Link headers, and the Turtle describes the IRI itself."""
    actors = crawl.actor_iris(built.graphs)
    assert len(actors) > 300
    failures = crawl.crawl(lambda iri: crawl.dereference(client, iri), actors)
    assert not failures, failures[:10]


def test_every_actor_page_is_linked_from_the_index_or_the_sitemap(built, client) -> None:
    assert crawl.unreached(client, crawl.actor_iris(built.graphs)) == []


def test_every_office_that_can_be_picked_has_its_page(client) -> None:
    choices = crawl.office_choices(client)
    assert len(choices) > 100 and COUNTY_TRANSPORT in choices
    failures = crawl.crawl(lambda choice: crawl.office_page(client, choice), choices)
    assert not failures, failures[:10]


def test_an_iri_dereferences_asked_for_as_iri_too(client) -> None:
    chinese = "/actor/县级人民政府交通运输主管部门"
    assert client.get(chinese).status_code == 200
    assert client.get(as_uri(chinese)).status_code == 200


def test_county_transport_bureau_sees_duties_of_five_regulations(county_transport) -> None:
    office = county_transport["office"]
    assert office["zh"] == "县级人民政府交通运输主管部门"
    reached = {r["label"] for r in office["reached"]}
    assert {"县级以上人民政府交通运输部门", "县级以上人民政府有关部门", "有关部门"} <= reached
    norms = county_transport["norms"]
    assert len(norms) == county_transport["total"]
    assert county_transport["regulations"] >= 5
    assert len({n["slug"] for n in norms}) == county_transport["regulations"]
    for slug, article, cls, words in SAMPLE:
        assert any(n["slug"] == slug and n["article"] == article and n["class"] == cls
                   and words in n["exact"] and words in n["text"] for n in norms), \
            (slug, article, words)


def test_grouped_by_regulation_and_chapter_with_the_source_text(county_transport) -> None:
    groups = county_transport["groups"]
    assert len(groups) == county_transport["regulations"]
    assert len({g["slug"] for g in groups}) == len(groups)
    shown = [n for g in groups for c in g["chapters"] for n in c["norms"]]
    assert sorted(n["iri"] for n in shown) == sorted(n["iri"] for n in county_transport["norms"])
    for group in groups:  # each chapter once, its norms in reading order
        chapters = [c["label"] for c in group["chapters"]]
        assert len(chapters) == len(set(chapters))
    for n in shown:
        assert n["exact"] in n["text"]
        assert "".join(s["text"] for s in n["segments"]) == n["text"]


def test_a_typed_office_is_the_picked_one(client, county_transport) -> None:
    typed = client.get("/offices.json", query_string={"office": "县交通运输局", "size": "all"})
    assert typed.get_json()["office"]["zh"] == "县级人民政府交通运输主管部门"
    assert [n["iri"] for n in typed.get_json()["norms"]] == [
        n["iri"] for n in county_transport["norms"]]


def test_paged_and_exported(client, county_transport) -> None:
    total = county_transport["total"]
    pages = [client.get("/offices.json", query_string={**COUNTY_TRANSPORT, "page": p})
             .get_json() for p in (1, 2)]
    assert pages[0]["pages"] == -(-total // 20) and len(pages[0]["norms"]) == 20
    paged = [n["iri"] for p in pages for n in p["norms"]]
    assert paged == [n["iri"] for n in county_transport["norms"]][:len(paged)]
    exported = client.get("/offices.csv", query_string=COUNTY_TRANSPORT)
    rows = list(csv.DictReader(io.StringIO(exported.get_data(as_text=True).lstrip("\ufeff"))))
    assert [r["iri"] for r in rows] == [n["iri"] for n in county_transport["norms"]]
    assert "attachment" in exported.headers["Content-Disposition"]
    html = client.get("/offices", query_string={**COUNTY_TRANSPORT, "page": 2})
    assert html.status_code == 200 and 'rel="prev"' in html.get_data(as_text=True)


def test_an_office_the_grammar_cannot_read_is_said(client) -> None:
    page = client.get("/offices", query_string={"office": "帮扶方"})
    assert page.status_code == 200 and "无法识别" in page.get_data(as_text=True)
    assert client.get("/offices").status_code == 200  # the form alone


def test_the_rest_operation_agrees_with_the_page(client, county_transport) -> None:
    base = DEFAULT_BASE
    response = client.get("/api/queries/office-duties",
                          query_string={"level": base + "level/county",
                                        "sector": base + "sector/transport"})
    assert response.status_code == 200
    rows = response.get_json()["rows"]
    assert {r["norm"] for r in rows} == {n["iri"] for n in county_transport["norms"]}
    assert client.get("/api/queries/office-duties", query_string={
        "level": "county"}).status_code == 400  # an IRI, typed by the `# param:` header
    spec = client.get("/api/openapi.json").get_json()
    assert any("office-duties" in path for path in spec["paths"])
