"""How many releases a build keeps (`kg build --keep-releases`, KG_KEEP_RELEASES): at
corpus size one release is 29 GB, so an operator short of disk keeps fewer; never fewer
than the current one and the one a server may still be reading."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.config import Settings
from kg.errors import InputError
from kg.release import store

BASE = "https://w3id.org/dutygraph/"
INFO = {"asserted": 0, "inferred": 0, "base_iri": BASE}


def _graphs(text: str) -> dict[URIRef, Graph]:
    graph = Graph()
    graph.add((URIRef(BASE + "reg/a/art_1"), URIRef(BASE + "ontology#text"), Literal(text)))
    return {URIRef(BASE + "graph/a"): graph}


def _releases(build_dir: Path) -> list[Path]:
    return sorted(p for p in (build_dir / "releases").iterdir() if not p.name.startswith("."))


def test_a_build_keeps_the_newest_releases_it_is_told_to_keep(tmp_path: Path) -> None:
    written = [store.write(tmp_path, _graphs(f"第一条 第{n}版。"), INFO, keep=2)
               for n in range(4)]
    assert _releases(tmp_path) == sorted(written[-2:])
    assert store.current(tmp_path) == written[-1]


def test_by_default_three_releases_are_kept(tmp_path: Path) -> None:
    written = [store.write(tmp_path, _graphs(f"第一条 第{n}版。"), INFO) for n in range(4)]
    assert _releases(tmp_path) == sorted(written[-3:])


def test_keeping_fewer_than_two_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="at least 2"):
        Settings(keep_releases=1)
    monkeypatch.setenv("KG_KEEP_RELEASES", "1")
    with pytest.raises(InputError, match="KG_KEEP_RELEASES"):
        Settings.from_env()


def test_kg_build_refuses_keep_releases_1_before_building(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "kg.cli", "--build-dir", str(tmp_path),
                           "build", "--keep-releases", "1"], capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert "keep at least 2 releases" in done.stderr
    assert not (tmp_path / "releases").exists()


def test_the_flag_wins_over_the_environment(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "kg.cli", "--build-dir", str(tmp_path),
                           "build", "--keep-releases", "1"], capture_output=True, text=True,
                          env={**os.environ, "KG_KEEP_RELEASES": "5"})
    assert done.returncode == 2 and "not 1" in done.stderr, done.stderr
