"""A live server on 127.0.0.1 (a free port) and Debian's headless Chromium via Playwright."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg.config import PROJECT_ROOT, Settings

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def live_url(seed_settings: Settings) -> Iterator[str]:
    """`kg serve` (the production server) on a free port over the seed build."""
    with kg_server("--build-dir", str(seed_settings.build_dir)) as url:
        yield url


@contextmanager
def kg_server(*options: str) -> Iterator[str]:
    """`kg OPTIONS serve` with two workers on a free loopback port; its URL."""
    port = _free_port()
    kg = Path(sys.executable).with_name("kg")
    process = subprocess.Popen(
        [str(kg), *options, "serve", "--host", "127.0.0.1", "--port", str(port),
         "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, wait: float = 180) -> None:
    """Until the server answers its home page; a server on a loaded machine (CI shared with
    other jobs) may take minutes to start its query workers over a bigger build."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"kg serve exited: {process.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(url + "/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"kg serve did not come up within {wait:.0f} s")


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
    with tab_on(browser, live_url, timeout_ms=10_000) as tab:
        yield tab


@contextmanager
def tab_on(browser: object, url: str, timeout_ms: int = 20_000) -> Iterator[object]:
    """A fresh browser tab (its own context) on ``url``, 1280×900, in zh-CN."""
    context = browser.new_context(  # type: ignore[attr-defined]
        base_url=url, viewport={"width": 1280, "height": 900}, locale="zh-CN")
    tab = context.new_page()
    tab.set_default_timeout(timeout_ms)
    yield tab
    context.close()


def shot(page: object, name: str, full_page: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)
