"""A build of ten Guangdong regulations, ingested as published (the corpus files, as
data/ ships them; drafts by the annotator, no curated files), made once per test process
and shared by the office tests (tests/test_offices_graph.py, tests/test_office_page.py,
tests/browser/…).

The ten are chosen for the "One government" issue: regulations that give duties to
transport departments at every level (公路, 道路运输, 大气污染防治, 机动车排气, 固体废物,
森林防火, 革命遗址, 潮州市文明行为), one that names 本级人民政府 in a liability clause
(汕尾市农村建房) and one more of general 有关部门 duties (环境保护).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef

from kg import pipeline
from kg.config import PROJECT_ROOT, Settings
from kg.drafts.ingest import ingest_all

# corpus file name → the same bytes shipped in data/ (tests/test_province.py checks that
# data/ holds the corpus as published), so the build needs nothing beside the clone
FILES = {
    "广东省公路条例(2022-06-01).md": "guangdongsheng-gonglu-tiaoli",
    "广东省道路运输条例(2021-09-29).md": "guangdongsheng-daolu-yunshu-tiaoli",
    "广东省大气污染防治条例(2022-11-30).md": "guangdongsheng-daqiwuran-fangzhi-tiaoli",
    "广东省机动车排气污染防治条例(2022-11-30).md":
        "guangdongsheng-jidongche-paiqi-wuran-fangzhi-tiaoli",
    "广东省固体废物污染环境防治条例(2022-11-30).md":
        "guangdongsheng-gutifeiwu-wuranhuanjing-fangzhi-tiaoli",
    "广东省森林防火条例(2021-09-29).md": "guangdongsheng-senlin-fanghuo-tiaoli",
    "广东省革命遗址保护条例(2022-01-16).md": "guangdongsheng-geming-yizhi-baohu-tiaoli",
    "潮州市文明行为促进条例(2022-12-16).md": "chaozhoushi-wenming-xingwei-cujin-tiaoli",
    "汕尾市农村建房条例(2022-12-02).md": "shanweishi-nongcun-jianfang-tiaoli",
    "广东省环境保护条例(2022-11-30).md": "guangdongsheng-huanjingbaohu-tiaoli",
}


@dataclass(frozen=True)
class Built:
    settings: Settings
    graphs: dict[URIRef, Graph]  # named graph → triples, as published


@cache
def guangdong_ten() -> Built:
    """The built subset (in a temporary folder kept for the process)."""
    tmp = Path(tempfile.mkdtemp(prefix="kg-offices-"))
    atexit.register(shutil.rmtree, tmp, True)
    data = tmp / "data"
    (data / "annotations").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "data" / "lexicon.toml", data / "lexicon.toml")
    settings = Settings(data_dir=data, build_dir=tmp / "build")
    published = tmp / "published"  # the corpus files under their published names
    published.mkdir()
    for name, slug in FILES.items():
        shutil.copy(PROJECT_ROOT / "data" / f"{slug}.md", published / name)
    outcomes = ingest_all(settings, [published / name for name in FILES])
    refused = [o for o in outcomes if o.refused]
    assert not refused, refused
    result = pipeline.run(settings)
    assert not result.quarantined, [q.line() for q in result.quarantined]
    return Built(settings, result.graphs)
