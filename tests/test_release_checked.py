"""Opening a release again does not hash it again unless a file changed: a full check
that passed is remembered (kg/release/checked.py), any change through the file system
has the release hashed again and a damaged one refused."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kg.config import Settings
from kg.errors import BuildNotFound
from kg.release import checked, dcat, store


@pytest.fixture
def build_dir(seed_settings: Settings, tmp_path: Path) -> Path:
    target = tmp_path / "build"
    shutil.copytree(seed_settings.build_dir, target, symlinks=True)
    shutil.rmtree(target / checked.FOLDER, ignore_errors=True)
    return target


def _hashed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    seen: list[Path] = []
    real = dcat.sha256
    monkeypatch.setattr(dcat, "sha256", lambda path: seen.append(path) or real(path))
    return seen


def test_a_passed_check_is_not_redone(build_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _hashed(monkeypatch)
    release = store.current(build_dir)
    listed = store.manifest(release)
    assert len(seen) == len(listed["files"]) + len(listed[store.INTERNAL])  # each file once
    seen.clear()
    assert store.current(build_dir) == release and seen == []


def test_a_file_changed_after_the_check_is_hashed_and_refused(
        build_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = store.current(build_dir)
    seen = _hashed(monkeypatch)
    path = release / "dutygraph.ttl"
    data = bytearray(path.read_bytes())
    data[-2] ^= 0x01
    info = path.stat()
    path.write_bytes(bytes(data))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1))
    with pytest.raises(BuildNotFound, match=r"dutygraph\.ttl"):
        store.current(build_dir)
    assert seen
