"""The pages inside the full server app: registered by create_app, and the rich page
for people when a canonical IRI is dereferenced with Accept: text/html."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient

from kg.config import Settings

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
ACTOR = "receiving-area-county-government"


@pytest.fixture(scope="module")
def client(seed_settings: Settings) -> Iterator[FlaskClient]:
    from server import create_app
    app = create_app(seed_settings)
    yield app.test_client()
    holder = app.extensions.get("dutygraph.runtime")
    if holder is not None:
        holder.close()


def test_create_app_serves_the_pages(client: FlaskClient) -> None:
    for url in ("/", "/actors", "/norms", "/search?q=机制", "/editor", "/network"):
        assert client.get(url, headers=HTML).status_code == 200, url


def test_actor_iri_shows_the_rich_page_to_people(client: FlaskClient) -> None:
    page = client.get(f"/actor/{ACTOR}", headers=HTML)
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert 'id="applies-h"' in page.get_data(as_text=True)
    ttl = client.get(f"/actor/{ACTOR}", headers={"Accept": "text/turtle"})
    assert ttl.mimetype == "text/turtle" and "产业承接地县级人民政府" in ttl.get_data(as_text=True)


def test_norm_and_article_iris(client: FlaskClient) -> None:
    norm = client.get("/norms.json").get_json()["norms"][0]
    path = norm["iri"].split("https://w3id.org/dutygraph", 1)[1]
    page = client.get(path, headers=HTML)
    assert page.status_code == 200 and 'id="to-source"' in page.get_data(as_text=True)
    unit = client.get("/reg/gd-industrial-transfer/art_3__para_2", headers=HTML)
    assert unit.status_code == 303
    assert unit.headers["Location"].endswith("/reader/gd-industrial-transfer#art_3__para_2")
    mechanisms = client.get("/mechanisms.json").get_json()["terms"]
    mech_path = mechanisms[0]["iri"].split("https://w3id.org/dutygraph", 1)[1]
    assert 'id="applies-h"' in client.get(mech_path, headers=HTML).get_data(as_text=True)


def test_reader_links_to_the_version_history(seed_settings: Settings) -> None:
    from server import create_app

    client = create_app(seed_settings).test_client()
    page = client.get("/reader/gd-industrial-transfer?lang=en").get_data(as_text=True)
    assert 'href="/versions/gd-industrial-transfer"' in page
    assert client.get("/versions/gd-industrial-transfer").status_code == 200
