"""The TriG download, written graph by graph, each graph's block taken from the previous
release when that graph has not changed.

A graph's block is what Oxigraph's TriG serialiser writes for that graph's sorted
N-Quads, without the prefix lines every output starts with; the file is the prefix
lines, then the blocks in graph name order (the N-Quads' order). `trig.json` records
each block's byte range and the digest of the lines it was written from
(kg/release/incremental.py's index), and a digest of the prefix lines and the
serialiser's version, so that the next release copies the blocks of the graphs it did
not change when both are the same: after one regulation's text changed, one block of
ninety is serialised again (2.5 s of CPU for Guangdong's whole TriG).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph

from kg.release import incremental, parts

FILE, INDEX = "dutygraph.trig", "trig.json"
_FORMAT = pyoxigraph.RdfFormat
_NO_HEADER = "the TriG serialiser no longer starts with its prefix lines"


def write(folder: Path, previous: Path | None, prefixes: dict[str, str]) -> tuple[str, str]:
    """Write `folder`/dutygraph.trig from `folder`'s N-Quads and their index, and its
    own index; returns (the file's name, its SHA-256)."""
    graphs = incremental.read_index(folder)
    header = _header(prefixes)
    header_digest = hashlib.sha256(header + pyoxigraph.__version__.encode()).hexdigest()
    kept = _blocks(previous, header_digest)
    digest, blocks, offset = hashlib.sha256(header), {}, len(header)
    with contextlib.ExitStack() as files:
        nquads = files.enter_context((folder / incremental.NQUADS).open("rb"))
        out = files.enter_context((folder / FILE).open("wb"))
        was = files.enter_context((previous / FILE).open("rb")) if kept else None
        out.write(header)
        for name in sorted(graphs):
            start, length, _, lines = graphs[name]
            block = _Block(out, digest, header)
            if was is not None and kept.get(name, [None] * 3)[2] == lines:
                was.seek(kept[name][0])
                block.copy(parts.whole_lines(was, kept[name][1]))
            else:
                nquads.seek(start)
                block.serialize(parts.whole_lines(nquads, length), prefixes)
            blocks[name] = [offset, block.length, lines]
            offset += block.length
    (folder / INDEX).write_text(json.dumps({"header": header_digest, "blocks": blocks},
                                           sort_keys=True), encoding="utf-8")
    return FILE, digest.hexdigest()


def _header(prefixes: dict[str, str]) -> bytes:
    """The prefix lines the serialiser starts every output with (it writes none for an
    empty input, so they are taken from the output for one quad)."""
    one = pyoxigraph.Quad(*(pyoxigraph.NamedNode("urn:x:x"),) * 3, pyoxigraph.NamedNode("urn:x:g"))
    written = pyoxigraph.serialize([one], format=_FORMAT.TRIG, prefixes=prefixes) or b""
    return b"".join(line for line in written.splitlines(keepends=True)
                    if line.startswith(b"@prefix "))


class _Block:
    """One graph's block, written to the file as it is made (the inferred graph's
    alone is gigabytes at corpus size): what the serialiser writes for the graph's
    lines, less the prefix lines it starts with."""

    def __init__(self, out: BinaryIO, digest: Any, header: bytes) -> None:
        self.out, self.digest, self.header = out, digest, header
        self.length, self._head = 0, b""

    def copy(self, pieces: Iterable[bytes]) -> None:
        self._head = self.header  # a block kept from the previous release has none
        for piece in pieces:
            self.write(piece)

    def serialize(self, pieces: Iterable[bytes], prefixes: dict[str, str]) -> None:
        """Serialise N-Quads lines given in pieces of whole lines (each parses alone)."""
        quads = itertools.chain.from_iterable(
            pyoxigraph.parse(piece, format=_FORMAT.N_QUADS) for piece in pieces)
        pyoxigraph.serialize(quads, self, _FORMAT.TRIG, prefixes=prefixes)
        if self._head not in (b"", self.header):
            raise ValueError(_NO_HEADER)

    def write(self, data: bytes) -> int:
        """Take all of ``data`` (the serialiser writes again what is not taken)."""
        taken = len(data)
        if len(self._head) < len(self.header):
            wanted = len(self.header) - len(self._head)
            self._head += data[:wanted]
            if not self.header.startswith(self._head):
                raise ValueError(_NO_HEADER)
            data = data[wanted:]
        if data:
            self.out.write(data)
            self.digest.update(data)
            self.length += len(data)
        return taken

    def flush(self) -> None:
        """The serialiser flushes its output; the file is flushed when closed."""


def _blocks(previous: Path | None, header_digest: str) -> dict[str, list]:
    """The previous release's blocks (name → [offset, length, lines digest]), when it
    has them, with the same prefixes."""
    if previous is None or not (previous / FILE).is_file():
        return {}
    try:
        found = json.loads((previous / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found["blocks"] if found.get("header") == header_digest else {}
