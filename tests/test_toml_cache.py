"""Parsed TOML is kept between builds under the hash of the file's bytes
(kg/source/tomlcache.py): the same bytes are not parsed twice, changed bytes are, and
an entry that would build anything but plain data is a miss, never loaded."""

from __future__ import annotations

import datetime as dt
import os
import pickle
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.source import tomlcache, tomlfile


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = tomlfile.tomllib.loads
    monkeypatch.setattr(tomlfile.tomllib, "loads", lambda text: parsed.append(text) or real(text))
    return parsed


def test_the_same_bytes_are_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "a.meta.toml"
    source.write_text('title = "广东省湿地保护条例"\nadopted = 2022-11-30\n', encoding="utf-8")
    parsed = _counted(monkeypatch)
    with tomlcache.cache_in(tmp_path / "cache"):
        first = tomlfile.load(source)
        second = tomlfile.load(source)
    assert first == second == {"title": "广东省湿地保护条例", "adopted": dt.date(2022, 11, 30)}
    assert len(parsed) == 1
    source.write_text('title = "广东省湿地保护条例（修订）"\n', encoding="utf-8")
    with tomlcache.cache_in(tmp_path / "cache"):
        assert tomlfile.load(source)["title"].endswith("（修订）")
    assert len(parsed) == 2
    tomlfile.load(source)  # outside a build's cache: parsed as always
    assert len(parsed) == 3


def test_an_entry_that_builds_other_objects_is_a_miss(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "b.toml"
    source.write_text('x = 1\n', encoding="utf-8")
    cache = tmp_path / "cache"
    with tomlcache.cache_in(cache):
        tomlfile.load(source)
    (entry,) = cache.iterdir()
    parsed = _counted(monkeypatch)
    for hostile in (pickle.dumps(os.system), pickle.dumps([1]),
                    b"cdatetime\ndate\n(S'x'\ntR."):  # a date that cannot be made
        entry.write_bytes(hostile)
        with tomlcache.cache_in(cache):
            assert tomlfile.load(source) == {"x": 1}
    assert len(parsed) == 3


def test_a_syntax_error_still_names_the_line(tmp_path: Path) -> None:
    source = tmp_path / "c.toml"
    source.write_text('x = 1\ny = = 2\n', encoding="utf-8")
    with tomlcache.cache_in(tmp_path / "cache"), pytest.raises(InputError, match=r"c\.toml:2"):
        tomlfile.load(source)
