"""Where the real corpus is (../shared/corpus, beside the clone, as in CI), for the tests
that read it. Absent, those tests say so visibly instead of passing silently."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.config import PROJECT_ROOT

CORPUS = Path(os.environ.get("KG_CORPUS", PROJECT_ROOT.parent / "shared" / "corpus"))


def province(name: str) -> Path:
    folder = CORPUS / name
    if not folder.is_dir():
        pytest.skip(f"no corpus at {folder}: this test reads the real regulations of "
                    "shared/corpus (set KG_CORPUS to their folder)")
    return folder
