"""A release's data files: N-Quads first (what identifies the data), then the embedded
store, TriG, the union graph in Turtle and JSON-LD, and the search index.

The downloads are serialised from sorted streams of lines, not dumped from a store:
Oxigraph dumps a store on disk at a third of the speed it serialises a stream (7 s
against 2 s for Guangdong's union in Turtle: each term is looked up in RocksDB), and an
in-memory store dumps in an order that differs from one process to the next. TriG comes
from the N-Quads graph by graph, unchanged graphs' blocks copied from the previous
release (kg/release/trig.py); the union from every graph's lines with the graph name
cut off, merged in byte order with duplicates removed (the same data always gives the
same bytes). Each download is serialised in a process of its own
(parsing and serialising a stream holds the GIL; forked, so that it starts at once
with what this one has imported), beside the store and the search index in this one.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from rdflib import Graph, URIRef

from kg import processes
from kg.namespaces import DEFAULT_BASE, PREFIXES
from kg.release import dcat, fulltext, incremental, parts, summary, trig

NQUADS = incremental.NQUADS
STORE_DIR = "oxigraph"
TRIG, TURTLE, JSON_LD = trig.FILE, "dutygraph.ttl", "dutygraph.jsonld"
DOWNLOADS = [NQUADS, TRIG, TURTLE, JSON_LD]
UNION = ".union.nt"
_RUNS = ".union-runs"
_FORMAT = pyoxigraph.RdfFormat


def write_nquads(folder: Path, graphs: Mapping[URIRef, Graph]) -> str:
    """Every named graph as N-Quads, graph by graph in name order, each graph's quads
    sorted: the same data always gives the same bytes; the index of the graphs' lines
    (kg/release/incremental.py); and each graph's triples as a sorted run of
    N-Triples lines, for write_rest to merge into the union. Returns the N-Quads'
    SHA-256."""
    found = graphs if isinstance(graphs, parts.Parts) else parts.Parts(graphs)
    runs, index = folder / _RUNS, incremental.GraphIndex()
    runs.mkdir()
    with (folder / NQUADS).open("wb") as out:
        for number, name in enumerate(sorted(found)):
            with (runs / f"{number:06d}.nt").open("wb") as run:
                for piece in index.add(str(name), found.content(name)):
                    out.write(piece)
                    run.write(incremental.without_graph(piece, str(name)))
    index.write(folder)
    return index.file.hexdigest()


@dataclass(frozen=True)
class Written:
    """What write_rest wrote besides the store."""

    downloads: dict[str, str]  # name → SHA-256 (hashed as written), the N-Quads aside
    search: str  # the search index's file name
    catalogue: Graph  # DCAT and VoID of the store, without distributions (dcat.py)


def write_rest(folder: Path, previous: Path | None = None, base: str = DEFAULT_BASE
               ) -> Written:
    """The store (made from release ``previous``'s where little changed), the other
    downloads, the search index, the pages' counts (kg/release/summary.py) and the
    catalogue, the last three from the store while the downloads are written."""
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    delta = None if previous is None else incremental.change(previous, folder)
    nquads, union = folder / NQUADS, folder / UNION
    try:
        with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork"),
                                 initializer=processes.die_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            jobs = [pool.submit(trig.write, folder, previous, prefixes),
                    pool.submit(_merge_runs, folder / _RUNS, union)]
            jobs[1].result()
            shutil.rmtree(folder / _RUNS)  # merged: a copy of every triple (9 GB at corpus)
            jobs += [pool.submit(_serialize, union, folder / TURTLE, prefixes),
                     pool.submit(_serialize, union, folder / JSON_LD, None)]
            db = None if delta is None or previous is None else incremental.store_from(
                previous / STORE_DIR, folder / STORE_DIR, delta)
            if db is None:
                db = _load(folder / STORE_DIR, nquads, _FORMAT.N_QUADS)
            with ThreadPoolExecutor(max_workers=1) as thread:  # queries release the GIL
                describing = thread.submit(dcat.describe, db, base, _counts(folder))
                counting = thread.submit(summary.write, folder, db)
                search = fulltext.write(folder, db)
                catalogue = describing.result()
                counting.result()
            del db
            digests = dict(job.result() for job in jobs if job is not jobs[1])
    finally:
        shutil.rmtree(folder / _RUNS, ignore_errors=True)
        union.unlink(missing_ok=True)
    return Written(digests, search, catalogue)


def _counts(folder: Path) -> dict[str, int]:
    """Each named graph's quads, from the release's index."""
    return {name: entry[2] for name, entry in incremental.read_index(folder).items()}


def _merge_runs(runs: Path, union: Path) -> None:
    parts.merge_files(sorted(runs.iterdir()), union)


def _serialize(source: Path, target: Path, prefixes: dict[str, str] | None
               ) -> tuple[str, str]:
    """``source`` in the format of ``target`` (each named by its extension: a format
    cannot be pickled to a worker); returns (the target's name, its SHA-256)."""
    formats = [_FORMAT.from_extension(path.suffix[1:]) for path in (source, target)]
    pyoxigraph.serialize(pyoxigraph.parse(path=str(source), format=formats[0]),
                         str(target), formats[1], prefixes=prefixes)
    return target.name, dcat.sha256(target)


def _load(store_dir: Path, data: Path, rdf_format: pyoxigraph.RdfFormat) -> pyoxigraph.Store:
    db = pyoxigraph.Store(str(store_dir))
    db.bulk_load(path=str(data), format=rdf_format)
    db.flush()
    return db
