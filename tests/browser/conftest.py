"""A live server on 127.0.0.1 (a free port) and Debian's headless Chromium via Playwright."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.config import PROJECT_ROOT, Settings
from tests.browser.support import make_app

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def live_url(seed_settings: Settings) -> Iterator[str]:
    from werkzeug.serving import make_server
    app = make_app(seed_settings, full=True)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.skip("Debian's chromium is not installed (make system-deps)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object, live_url: str) -> Iterator[object]:
    context = browser.new_context(base_url=live_url, viewport={"width": 1280, "height": 900},
                                  locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def shot(page: object, name: str, full_page: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)
