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
import json
from pathlib import Path

import pyoxigraph

from kg.release import incremental

FILE, INDEX = "dutygraph.trig", "trig.json"
_FORMAT = pyoxigraph.RdfFormat


def write(folder: Path, previous: Path | None, prefixes: dict[str, str]) -> tuple[str, str]:
    """Write `folder`/dutygraph.trig from `folder`'s N-Quads and their index, and its
    own index; returns (the file's name, its SHA-256)."""
    graphs = json.loads((folder / incremental.INDEX).read_text(encoding="utf-8"))
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
            if was is not None and kept.get(name, [None] * 3)[2] == lines:
                was.seek(kept[name][0])
                block = was.read(kept[name][1])
            else:
                nquads.seek(start)
                block = _block(nquads.read(length), header, prefixes)
            out.write(block)
            digest.update(block)
            blocks[name] = [offset, len(block), lines]
            offset += len(block)
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


def _block(lines: bytes, header: bytes, prefixes: dict[str, str]) -> bytes:
    """A graph's block: its TriG without the prefix lines (written once, at the top)."""
    written = pyoxigraph.serialize(pyoxigraph.parse(lines, format=_FORMAT.N_QUADS),
                                   format=_FORMAT.TRIG, prefixes=prefixes) or b""
    if not written.startswith(header):
        raise ValueError("the TriG serialiser no longer starts with its prefix lines")
    return written[len(header):]


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
