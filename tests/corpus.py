"""Where the real corpus is (../shared/corpus, beside the clone, as in CI), for the tests
that read it. Absent, those tests say so visibly instead of passing silently."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from kg.config import PROJECT_ROOT
from kg.drafts import annotator
from kg.source import lexicon, parse
from kg.source.statements import Statement

CORPUS = Path(os.environ.get("KG_CORPUS", PROJECT_ROOT.parent / "shared" / "corpus"))
LEXICON = PROJECT_ROOT / "data" / "lexicon.toml"


def province(name: str) -> Path:
    folder = CORPUS / name
    if not folder.is_dir():
        pytest.skip(f"no corpus at {folder}: this test reads the real regulations of "
                    "shared/corpus (set KG_CORPUS to their folder)")
    return folder


@cache
def drafts(name: str) -> tuple[Statement, ...]:
    """The annotator's drafts of one corpus file ("guangdong/….md"), with data/'s lexicon."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"the corpus is not here ({CORPUS})")
    return tuple(annotator.annotate(parse.read(path), lexicon.load([LEXICON])).statements)
