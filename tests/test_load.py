"""A short version of `kg bench --load` (32 clients, mixed and pathological, 12 s):
only designed statuses, memory bounded, cheap queries answered, server alive.
The full 60-second run is `kg bench --load`; tests assert behaviour, not speed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench import load
from kg.config import Settings


@pytest.fixture(scope="module")
def outcome(seed_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> dict:
    build_dir = tmp_path_factory.mktemp("load") / "build"
    shutil.copytree(seed_settings.build_dir, build_dir, symlinks=True)
    return load.run_load(build_dir, seed_settings.queries_dir, clients=32, seconds=12,
                         timeout=3.0)


def test_only_designed_statuses(outcome: dict) -> None:
    assert outcome["disallowed"] == {}
    assert outcome["connection_errors"] == {}
    assert outcome["statuses"].get(200, 0) > 0


def test_pathological_queries_get_designed_errors(outcome: dict) -> None:
    by_label = outcome["statuses_by_label"]
    assert set(by_label["bad:cross-product"]) <= {503}
    assert set(by_label["bad:service"]) <= {400, 403, 503}
    assert set(by_label["update"]) <= {403}


def test_memory_stays_bounded(outcome: dict) -> None:
    rss = outcome["rss_mb"]
    assert rss["max"] < 2 * rss["first"] + 512, rss


def test_cheap_queries_keep_answering(outcome: dict) -> None:
    cheap = outcome["cheap_query"]
    assert set(cheap["cached"]["statuses"]) == {200}
    assert set(cheap["uncached"]["statuses"]) <= {200, 503}
    assert cheap["uncached"]["statuses"].get(200, 0) > 0
    assert outcome["answers_after_load"] == 200


def test_results_are_json_ready(outcome: dict, tmp_path: Path) -> None:
    import json
    (tmp_path / "load.json").write_text(json.dumps(outcome, default=str))
