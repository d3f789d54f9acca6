"""A build of the seed and two regulations curated by hand with their liability chapters
(机动车排气污染防治条例: fines in yuan, warnings, suspensions, 第十八条's items; 东莞市零散工业废水
管理条例: fines up to five million yuan, multiples of a basis, tiers), made once per test
process and shared by the consequence tests (queries, REST, pages, the browser)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from kg import pipeline
from kg.config import PROJECT_ROOT, Settings
from tests.conftest import SEED

VEHICLES = "guangdongsheng-jidongche-paiqi-wuran-fangzhi-tiaoli"
WASTEWATER = "dongguanshi-lingsan-gongyefeishui-guanlitiaoli"
BASE = "https://w3id.org/dutygraph/"
FILES = ("lexicon.toml", f"{SEED}.txt", f"{SEED}.meta.toml", f"annotations/{SEED}.toml",
         *(f"{slug}{suffix}" for slug in (VEHICLES, WASTEWATER)
           for suffix in (".md", ".meta.toml")),
         *(f"annotations/{slug}.toml" for slug in (VEHICLES, WASTEWATER)))


def reg(slug: str, rest: str = "") -> str:
    """The IRI of a regulation, or of something in it (`rest`: eid/name)."""
    return f"{BASE}reg/{slug}" + (f"/{rest}" if rest else "")


@cache
def consequences() -> Settings:
    """The built data (in a temporary folder kept for the process)."""
    tmp = Path(tempfile.mkdtemp(prefix="kg-consequences-"))
    atexit.register(shutil.rmtree, tmp, True)
    for name in FILES:
        (tmp / "data" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT_ROOT / "data" / name, tmp / "data" / name)
    settings = Settings(data_dir=tmp / "data", build_dir=tmp / "build")
    result = pipeline.run(settings)
    assert not result.quarantined, [q.line() for q in result.quarantined]
    return settings
