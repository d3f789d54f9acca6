"""The check's cache: one entry per part, under a hash of everything its result depends
on, written only for a part without violations of its own. A failure to read an entry
is a miss; a failure to write one never fails the build."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph

from kg.check.reason import Triple
from kg.graph import oxterms

LEXICON_CONFORMS = "lexicon conforms\n"


def inferred(cache_dir: Path | None, key: str) -> frozenset[Triple] | None:
    """The inferred triples stored under ``key``, if any (N-Triples, read by pyoxigraph:
    rdflib's parser took most of a warm build)."""
    if cache_dir is None:
        return None
    try:
        found = pyoxigraph.parse(path=str(cache_dir / f"{key}.nt"),
                                 format=pyoxigraph.RdfFormat.N_TRIPLES)
        return frozenset(oxterms.triple(triple) for triple in found)
    except (OSError, SyntaxError, ValueError):
        return None


def store_inferred(cache_dir: Path | None, key: str, triples: Iterable[Triple]) -> None:
    if cache_dir is not None:
        written = pyoxigraph.serialize(
            (pyoxigraph.Triple(*map(oxterms.term, triple)) for triple in triples),
            format=pyoxigraph.RdfFormat.N_TRIPLES)
        _write(cache_dir, f"{key}.nt", written)


def lexicon_conforms(cache_dir: Path | None, key: str) -> bool:
    """Whether the lexicon stored under ``key`` was validated and conforms."""
    if cache_dir is None:
        return False
    try:
        return (cache_dir / f"{key}.lexicon").read_text(encoding="utf-8") == LEXICON_CONFORMS
    except (OSError, ValueError):
        return False


def store_lexicon_conforms(cache_dir: Path | None, key: str) -> None:
    if cache_dir is not None:
        _write(cache_dir, f"{key}.lexicon", LEXICON_CONFORMS.encode())


def _write(cache_dir: Path, name: str, content: bytes) -> None:
    """Write atomically: a reader sees the whole entry or none."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cache_dir / f".{name}.{uuid.uuid4().hex[:8]}.tmp"
        tmp.write_bytes(content)
        os.replace(tmp, cache_dir / name)
    except OSError:
        pass
