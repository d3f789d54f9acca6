"""A build's named graphs, each regulation's kept on disk as sorted N-Quads lines.

A province's graphs held in rdflib at once take gigabytes (about 2 KB a triple), so
each regulation is graphed, checked and written to its own file in a worker, and the
build holds one regulation at a time. The release is written from these files
(kg/release/dumps.py), and a graph is read back only when someone asks for it.

Every regulation's inferred triples are written to a file of their own, in the
shared inferred graph; `merge_inferred` joins them, duplicates removed, in byte order.
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import os
import shutil
import tempfile
import weakref
from collections.abc import Iterable, Iterator, Mapping
from itertools import groupby
from pathlib import Path
from typing import BinaryIO

import pyoxigraph
from rdflib import Graph, URIRef

from kg.graph import oxterms
from kg.graph.rdf import new_graph

_NQUADS = pyoxigraph.RdfFormat.N_QUADS
INFERRED = ".inferred"
_PREFIX = ".parts-"
_MERGE_AT_ONCE = 256  # open files in one merge (the limit is often 1,024)


def sorted_lines(triples: Iterable, name: str) -> list[bytes]:
    """The triples as N-Quads lines in the graph ``name``, sorted as bytes (code point
    order): the same data always gives the same bytes."""
    context = pyoxigraph.NamedNode(name)
    written = pyoxigraph.serialize(
        (pyoxigraph.Quad(*map(oxterms.term, triple), context) for triple in triples),
        format=_NQUADS)
    lines = written.splitlines(keepends=True)  # one quad a line: N-Quads escapes newlines
    lines.sort()
    return lines


def file_name(name: str, suffix: str = "") -> str:
    return hashlib.sha256(name.encode()).hexdigest()[:32] + suffix + ".nq"


def write_part(folder: Path, name: str, graph: Iterable, inferred: Iterable,
               inferred_name: str) -> int:
    """Write one regulation's graph and its inferred triples; returns its triple count."""
    lines = sorted_lines(graph, name)
    _replace(folder / file_name(name), b"".join(lines))
    _replace(folder / file_name(name, INFERRED), b"".join(sorted_lines(inferred, inferred_name)))
    return len(lines)


def _replace(path: Path, content: bytes) -> None:
    """Write a new file in place of any old one: never through it, since the old one
    may be a hard link of a cached part."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_bytes(content)
    os.replace(tmp, path)


def scratch(build_dir: Path | None) -> Path:
    """A scratch folder for a build's parts: in the build folder when it can be written
    (a province's parts take gigabytes; a folder a killed build left there is removed
    by the next), else in the system's temporary folder."""
    if build_dir is not None:
        with contextlib.suppress(OSError):
            build_dir.mkdir(parents=True, exist_ok=True)
            for left in build_dir.glob(f"{_PREFIX}*"):
                if not _alive(left.name.removeprefix(_PREFIX).split("-")[0]):
                    shutil.rmtree(left, ignore_errors=True)
            return Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=build_dir))
    return Path(tempfile.mkdtemp(prefix="dutygraph-parts-"))


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:  # another user's process
        return True
    return True


def reuse(cache_dir: Path | None, key: str, folder: Path, name: str) -> int | None:
    """Put the part remembered under ``key`` into ``folder`` as ``name``; returns its
    triple count, or None when it is not remembered (a damaged entry is a miss)."""
    if cache_dir is None:
        return None
    entry = cache_dir / "parts"
    try:
        triples = int((entry / f"{key}.count").read_text(encoding="ascii"))
        for suffix in ("", INFERRED):
            _link(entry / f"{key}{suffix}.nq", folder / file_name(name, suffix))
    except (OSError, ValueError):
        return None
    return triples


def remember(cache_dir: Path | None, key: str, folder: Path, name: str, triples: int) -> None:
    """Keep a part written by write_part under ``key`` (best effort, as the check's
    cache: a failure only means building it again)."""
    if cache_dir is None:
        return
    entry = cache_dir / "parts"
    with contextlib.suppress(OSError):
        entry.mkdir(parents=True, exist_ok=True)
        for suffix in ("", INFERRED):
            _link(folder / file_name(name, suffix), entry / f"{key}{suffix}.nq")
        count = entry / f".{key}.{os.getpid()}.count"
        count.write_text(str(triples), encoding="ascii")
        os.replace(count, entry / f"{key}.count")  # written last: the entry is whole


def _link(source: Path, target: Path) -> None:
    """A hard link (the files are never written again), else a copy."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}")
    tmp.unlink(missing_ok=True)
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, target)


class Parts(Mapping[URIRef, Graph]):
    """Named graphs, some in memory (the ontology, the lexicon) and the others in files
    of a scratch folder removed with this object."""

    def __init__(self, memory: Mapping[URIRef, Graph] | None = None,
                 folder: Path | None = None) -> None:
        self.folder = folder or scratch(None)
        self._memory: dict[URIRef, Graph] = dict(memory or {})
        self._on_disk: dict[URIRef, int] = {}  # name → triples
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.folder, True)

    def keep(self, name: URIRef, graph: Graph) -> None:
        self._memory[name] = graph

    def written(self, name: URIRef, count: int) -> None:
        """Record a graph that write_part wrote into the folder."""
        self._on_disk[name] = count

    def drop(self, name: URIRef) -> None:
        self._memory.pop(name, None)
        if self._on_disk.pop(name, None) is not None:
            for suffix in ("", INFERRED):
                (self.folder / file_name(name, suffix)).unlink(missing_ok=True)

    def merge_inferred(self, name: URIRef, shared: Iterable) -> int:
        """Write the inferred graph ``name``: every part's inferred lines and
        ``shared``, duplicates removed; returns its triple count."""
        self._memory.pop(name, None)
        first = self.folder / "shared.inferred.nq"
        _replace(first, b"".join(sorted_lines(shared, name)))
        files = [first, *(self.folder / file_name(n, INFERRED) for n in self._on_disk
                          if n != name)]
        count = merge_files(files, self.folder / file_name(name))
        self._on_disk[name] = count
        return count

    def count(self, name: URIRef) -> int:
        return self._on_disk[name] if name in self._on_disk else len(self._memory[name])

    def content(self, name: URIRef) -> Iterator[bytes]:
        """The graph's N-Quads lines, sorted as bytes, in pieces of whole lines of
        about PIECE bytes: at corpus size the inferred graph alone is 6 GB."""
        if name in self._memory:
            yield b"".join(sorted_lines(self._memory[name], name))
            return
        with (self.folder / file_name(name)).open("rb") as lines:
            yield from whole_lines(lines)

    def __getitem__(self, name: URIRef) -> Graph:
        if name in self._memory:
            return self._memory[name]
        if name not in self._on_disk:
            raise KeyError(name)
        graph = new_graph()
        for quad in pyoxigraph.parse(path=str(self.folder / file_name(name)), format=_NQUADS):
            graph.add(oxterms.triple(quad.triple))
        return graph

    def __iter__(self) -> Iterator[URIRef]:
        return iter([*self._memory, *self._on_disk])

    def __len__(self) -> int:
        return len(self._memory) + len(self._on_disk)

    def __contains__(self, name: object) -> bool:
        return name in self._memory or name in self._on_disk


PIECE = 1 << 24


def whole_lines(handle: BinaryIO, left: int | None = None) -> Iterator[bytes]:
    """A file's bytes (the next ``left`` of them, or all) in pieces of about PIECE
    bytes that each end at a line's end."""
    rest = b""
    while left is None or left > 0:
        piece = handle.read(PIECE if left is None else min(PIECE, left))
        if not piece:
            break
        if left is not None:
            left -= len(piece)
        cut = piece.rfind(b"\n") + 1
        if cut == 0:
            rest += piece
            continue
        yield rest + piece[:cut]
        rest = piece[cut:]
    if rest:
        yield rest


def merge_files(files: list[Path], target: Path) -> int:
    """Merge sorted line files into ``target``, duplicates removed, a few hundred files
    at a time; returns the lines written."""
    round_ = 0
    while len(files) > _MERGE_AT_ONCE:
        round_ += 1
        batches = [files[i:i + _MERGE_AT_ONCE] for i in range(0, len(files), _MERGE_AT_ONCE)]
        merged = [target.with_suffix(f".{round_}.{i}") for i in range(len(batches))]
        for batch, out in zip(batches, merged, strict=True):
            _merge(batch, out)
        if round_ > 1:  # the previous round's files, not the parts'
            for path in files:
                path.unlink(missing_ok=True)
        files = merged
    count = _merge(files, target)
    if round_:
        for path in files:
            path.unlink(missing_ok=True)
    return count


def _merge(files: list[Path], target: Path) -> int:
    """Merge into a new file put in place of ``target`` (never written through)."""
    handles = [path.open("rb") for path in files]
    tmp = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        count = 0
        with tmp.open("wb") as out:
            for line, _ in groupby(heapq.merge(*handles)):
                out.write(line)
                count += 1
        os.replace(tmp, target)
        return count
    finally:
        for handle in handles:
            handle.close()
