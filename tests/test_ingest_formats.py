"""Ingest takes a regulation as it comes: any format, UTF-8 or GB18030, its title and
slug from the file, its preamble as metadata and version history."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from kg import pipeline
from kg.config import PROJECT_ROOT, Settings
from kg.drafts.ingest import ingest, ingest_all
from kg.graph.iris import Iris
from kg.namespaces import DG, ELI
from kg.source import tomlfile
from tests.corpus import province

HIGHWAY = "广东省公路条例(2022-06-01).md"  # adopted 2003, revised 2008, amended four times
SLUG = "guangdongsheng-gonglu-tiaoli"


def empty_data(tmp_path: Path) -> Settings:
    data = tmp_path / "data"
    (data / "annotations").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "data" / "lexicon.toml", data / "lexicon.toml")
    return Settings(data_dir=data, build_dir=tmp_path / "build")


@pytest.fixture
def highway() -> Path:
    return province("guangdong") / HIGHWAY


def test_title_and_slug_come_from_the_file(tmp_path: Path, highway: Path) -> None:
    settings = empty_data(tmp_path)
    outcome = ingest(settings, highway)
    assert outcome.slug == SLUG
    assert (settings.data_dir / f"{SLUG}.md").read_bytes() == highway.read_bytes()
    meta = tomlfile.load(settings.meta_file(SLUG))
    assert meta["title_zh"] == "广东省公路条例"
    assert meta["jurisdiction_zh"] == "广东省" and meta["jurisdiction_en"] == "Guangdong Province"
    assert str(meta["date_document"]) == "2022-06-01"


def test_the_preamble_becomes_the_eli_version_history(tmp_path: Path, highway: Path) -> None:
    settings = empty_data(tmp_path)
    ingest(settings, highway)
    graph = pipeline.run(settings, write=False).graphs[Iris().graph(SLUG)]
    root = Iris().regulation(SLUG)
    days = sorted(str(v).rsplit("/", 1)[1] for v in graph.objects(root, ELI.has_member))
    assert days[:2] == ["2003-01-11", "2008-07-31"]  # adopted, then revised
    assert days[-1] == "2022-06-01" and len(days) == 6  # and four amendments
    current = graph.value(root, DG.currentVersion)
    assert str(current).endswith("/version/2022-06-01")
    assert graph.value(current, DG.versionText) is not None  # the text we have


def test_gb18030_ingests_like_its_utf8_text(tmp_path: Path, highway: Path) -> None:
    legacy = tmp_path / "公路条例.md"
    legacy.write_bytes(highway.read_text(encoding="utf-8").encode("gb18030"))
    first, second = empty_data(tmp_path / "a"), empty_data(tmp_path / "b")
    ingest(first, highway)
    ingest(second, legacy)
    for name in (f"{SLUG}.md", f"{SLUG}.meta.toml", f"annotations/{SLUG}.draft.toml"):
        assert (second.data_dir / name).read_bytes() == (first.data_dir / name).read_bytes()


def test_docx_ingests_like_its_text(tmp_path: Path, highway: Path) -> None:
    text = highway.read_text(encoding="utf-8")
    plain = [line.removeprefix("## ").removeprefix("# ") for line in text.splitlines()
             if line.strip() and not line.startswith("<!--")]
    document = Document()
    for line in plain:
        document.add_paragraph(line)
    path = tmp_path / "公路条例.docx"
    document.save(path)
    as_text = tmp_path / "公路条例.txt"
    as_text.write_text("\n".join(plain) + "\n", encoding="utf-8")
    from_docx, from_text = empty_data(tmp_path / "a"), empty_data(tmp_path / "b")
    docx_outcome = ingest(from_docx, path)
    text_outcome = ingest(from_text, as_text)
    assert docx_outcome.slug == text_outcome.slug == SLUG
    assert docx_outcome.articles == text_outcome.articles == 62
    graphs = [pipeline.run(s, write=False).graphs[Iris().graph(SLUG)]
              for s in (from_docx, from_text)]
    texts = [{(s, str(o)) for s, o in g.subject_objects(DG.text)} for g in graphs]
    assert texts[0] == texts[1] and len(texts[0]) > 100


def test_two_files_of_one_regulation_become_two_versions(tmp_path: Path) -> None:
    beijing = province("beijing")
    later = beijing / "北京市人民代表大会常务委员会任免国家机关工作人员条例(2023-07-28).md"
    earlier = beijing / "北京市人民代表大会常务委员会任免国家机关工作人员条例.md"
    settings = empty_data(tmp_path)
    outcomes = ingest_all(settings, [later, earlier])
    assert [o.current for o in outcomes] == [True, False]
    slug = outcomes[0].slug
    assert outcomes[1].slug == slug
    versions = list((settings.data_dir / "versions").iterdir())
    assert len(versions) == 1 and versions[0].read_bytes() == earlier.read_bytes()
    assert (settings.data_dir / f"{slug}.md").read_bytes() == later.read_bytes()
    meta = tomlfile.load(settings.meta_file(slug))
    assert [v.get("text") for v in meta["version"]].count(
        f"versions/{versions[0].name}") == 1
    assert pipeline.run(settings, write=False).report.conforms


def test_reingest_is_idempotent(tmp_path: Path, highway: Path) -> None:
    settings = empty_data(tmp_path)
    assert ingest(settings, highway).written
    assert ingest(settings, highway).written == []
