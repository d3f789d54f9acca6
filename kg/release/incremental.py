"""A release's store made from the previous release's, changed where the data changed.

Loading a release's N-Quads into Oxigraph took 7.5 s of a build after one regulation
changed (Guangdong). So each release keeps an index of its N-Quads (`graphs.json`:
every named graph's byte range, line count and SHA-256), and the next one compares
indexes: the graphs whose digest changed are read back from both files and compared
line by line, and the new store is the previous one (a RocksDB backup: hard links to
immutable files, a tenth of a second) with the removed quads taken out and the added
ones put in.

When there is no previous release, its index is missing, or more than a quarter of
the quads changed, the store is loaded in full, as before; both ways give the same
quads (tests/test_release_incremental.py).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph

INDEX, NQUADS = "graphs.json", "dutygraph.nq"
LARGEST_CHANGE = 0.25  # of the release's quads: past it a full load is faster
_NQUADS = pyoxigraph.RdfFormat.N_QUADS


class GraphIndex:
    """Where each named graph's lines are in an N-Quads file, written as it is."""

    def __init__(self) -> None:
        self.graphs: dict[str, list] = {}  # name → [offset, length, lines, sha256]
        self.file = hashlib.sha256()  # of the whole file
        self._offset = 0

    def add(self, name: str, pieces: Iterable[bytes]) -> Iterator[bytes]:
        """Record a graph's lines, written next in the file, as they pass through (in
        pieces, so that no graph is held whole)."""
        start, lines, digest = self._offset, 0, hashlib.sha256()
        for piece in pieces:
            lines += piece.count(b"\n")
            digest.update(piece)
            self.file.update(piece)
            self._offset += len(piece)
            yield piece
        self.graphs[name] = [start, self._offset - start, lines, digest.hexdigest()]

    def write(self, folder: Path) -> str:
        (folder / INDEX).write_text(json.dumps(self.graphs, sort_keys=True), encoding="utf-8")
        return INDEX


def read_index(folder: Path) -> dict[str, list]:
    """A release's index of its N-Quads: graph name → [offset, length, lines, sha256]."""
    return json.loads((folder / INDEX).read_text(encoding="utf-8"))


def without_graph(lines: bytes, graph: str) -> bytes:
    """A graph's N-Quads lines as N-Triples. N-Quads escape newlines in literals, so
    the graph's name and the final dot end a line and nothing else; cutting it keeps
    the lines' order (the next byte of a longer triple is never a space)."""
    return lines.replace(f" <{graph}> .\n".encode(), b" .\n")


@dataclass(frozen=True)
class Change:
    """What changed between two releases' N-Quads."""

    removed: list[bytes]
    added: list[bytes]

    def quads(self, lines: list[bytes]) -> list[pyoxigraph.Quad]:
        return list(pyoxigraph.parse(b"".join(lines), format=_NQUADS)) if lines else []


def change(old: Path, new: Path) -> Change | None:
    """The quads removed and added from release folder ``old`` to ``new``; None when
    either has no index, the change is too large to be worth applying, or it touches a
    blank node (Oxigraph's bulk load gives blank nodes ids of its own, so a quad with
    one could not be found again to be removed)."""
    try:
        before, after = read_index(old), read_index(new)
    except (OSError, ValueError):
        return None
    limit = LARGEST_CHANGE * (sum(entry[2] for entry in after.values()) or 1)
    changed = sorted(name for name in before.keys() | after.keys()
                     if _entry(before, name)[3] != _entry(after, name)[3])
    if sum(abs(_entry(before, n)[2] - _entry(after, n)[2]) for n in changed) > limit:
        return None  # at least that many lines differ: nothing read
    removed: list[bytes] = []
    added: list[bytes] = []
    with (old / NQUADS).open("rb") as was, (new / NQUADS).open("rb") as now:
        for name in changed:
            if not _compare(_lines(was, before.get(name)), _lines(now, after.get(name)),
                            removed, added, limit):
                return None
    if any(b"_:" in line for line in (*removed, *added)):
        return None
    return Change(removed, added)


def _entry(index: dict[str, list], name: str) -> list:
    return index.get(name) or [0, 0, 0, None]


def _compare(was: Iterator[bytes], now: Iterator[bytes], removed: list[bytes],
             added: list[bytes], limit: float) -> bool:
    """Walk two sorted runs of lines side by side, collecting what only one holds;
    False as soon as more than ``limit`` lines differ."""
    a, b = next(was, None), next(now, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a < b):
            removed.append(a)
            a = next(was, None)
        elif a is None or b < a:
            added.append(b)
            b = next(now, None)
        else:
            a, b = next(was, None), next(now, None)
        if len(removed) + len(added) > limit:
            return False
    return True


def _lines(handle, entry: list | None) -> Iterator[bytes]:
    """A graph's lines in an N-Quads file, read one at a time."""
    if entry is None:
        return
    handle.seek(entry[0])
    left = entry[1]
    while left > 0:
        line = handle.readline(left)
        if not line:
            return
        left -= len(line)
        yield line


def store_from(previous: Path, target: Path, delta: Change) -> pyoxigraph.Store | None:
    """The previous store at ``target``, with the change applied; None (and nothing at
    ``target``) when the previous store cannot be read: the caller loads in full."""
    try:
        pyoxigraph.Store.read_only(str(previous)).backup(str(target))
        db = pyoxigraph.Store(str(target))
        for quad in delta.quads(delta.removed):
            db.remove(quad)
        db.extend(delta.quads(delta.added))
        db.flush()
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        return None
    return db
