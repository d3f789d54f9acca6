"""Shared fixtures: settings over a tiny fixture regulation, and one seed build per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import pipeline
from kg.config import PROJECT_ROOT, Settings

FIXTURES = Path(__file__).parent / "fixtures"


def data_dir_with(tmp: Path, *sources: Path) -> Path:
    """A data folder holding the shared lexicon and the given regulation folders' files."""
    data = tmp / "data"
    (data / "annotations").mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT_ROOT / "data" / "lexicon.toml", data / "lexicon.toml")
    for source in sources:
        for path in source.rglob("*"):
            if path.is_file():
                target = data / path.relative_to(source)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, target)
    return data


@pytest.fixture
def mini_settings(tmp_path: Path) -> Settings:
    """Settings over the tiny fixture regulation (no chapters, items, 不得, 可以)."""
    data = data_dir_with(tmp_path, FIXTURES / "mini")
    return Settings(data_dir=data, build_dir=tmp_path / "build")


SEED = "gd-industrial-transfer"
SEED_FILES = ("lexicon.toml", f"{SEED}.txt", f"{SEED}.meta.toml", f"annotations/{SEED}.toml")


def seed_data(tmp: Path) -> Path:
    """A data folder with the seed alone: the repository's data/ holds a province."""
    data = tmp / "data"
    for name in SEED_FILES:
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT_ROOT / "data" / name, data / name)
    return data


@pytest.fixture(scope="session")
def seed_only(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings over the seed alone (no build)."""
    tmp = tmp_path_factory.mktemp("seed-only")
    return Settings(data_dir=seed_data(tmp), build_dir=tmp / "build")


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The seed, built once per session into a temporary build folder."""
    tmp = tmp_path_factory.mktemp("seed")
    settings = Settings(data_dir=seed_data(tmp), build_dir=tmp / "build")
    pipeline.run(settings)
    return settings
