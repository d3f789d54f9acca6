"""Server time per page (p95 over N requests each), in-process on the current build.

    .venv/bin/python -m tests.browser.measure_pages [N]
"""

from __future__ import annotations

import statistics
import sys
import time

from kg.config import Settings
from tests.browser.support import make_app

PAGES = ["/", "/reader/gd-industrial-transfer", "/actors",
         "/actors/receiving-area-county-government", "/mechanisms", "/carriers", "/norms",
         "/norms?modality=Obligation&page=2", "/search?q=机制", "/search?q=产业", "/editor",
         "/network", "/network/actors/receiving-area-county-government",
         "/norms.csv", "/actors/receiving-area-county-government.ttl"]


def measure(n: int = 20) -> list[tuple[str, float, float, float]]:
    app = make_app(Settings.from_env(), full=True)
    client = app.test_client()
    norm = client.get("/norms.json").get_json()["norms"][0]["href"]
    rows = []
    for url in [*PAGES, norm, "/search?q=" + "机制"[:1]]:
        first = _time(client, url)
        times = sorted(_time(client, url) for _ in range(n))
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        rows.append((url, first, statistics.median(times), p95))
    return rows


def _time(client: object, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, url
    return (time.perf_counter() - start) * 1000


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    print(f"{'page':58} {'first':>8} {'median':>8} {'p95':>8}  (ms)")
    for url, first, median, p95 in measure(count):
        print(f"{url:58} {first:8.1f} {median:8.1f} {p95:8.1f}")
