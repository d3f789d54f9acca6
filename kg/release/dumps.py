"""A release's data files: N-Quads first (what identifies the data), then the embedded
store, TriG, the union graph in Turtle and JSON-LD, and the search index.

pyoxigraph releases the GIL while it loads and dumps, so the files after the N-Quads
are written side by side (on two cores the release took a minute written one after
the other). The union of the named graphs comes from the N-Quads lines themselves,
with the graph name cut off, through a scratch store removed before the release is sealed: Oxigraph
removes duplicate triples and orders them by subject (compact Turtle, and the same
data always gives the same bytes).
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph
from rdflib import Graph, URIRef

from kg.namespaces import PREFIXES
from kg.release import fulltext, parts

NQUADS = "dutygraph.nq"
STORE_DIR = "oxigraph"
DOWNLOADS = [NQUADS, "dutygraph.trig", "dutygraph.ttl", "dutygraph.jsonld"]
_FORMAT = pyoxigraph.RdfFormat


def write_nquads(folder: Path, graphs: Mapping[URIRef, Graph]) -> Path:
    """Every named graph as N-Quads, graph by graph in name order, each graph's quads
    sorted: the same data always gives the same bytes. Returns the union's N-Triples
    (a scratch file that write_rest removes)."""
    found = graphs if isinstance(graphs, parts.Parts) else parts.Parts(graphs)
    union = folder / ".union.nt"
    with (folder / NQUADS).open("wb") as out, union.open("wb") as triples:
        for name in sorted(found):
            cut = len(f" <{name}> .\n".encode())  # bytes: an IRI may hold non-ASCII
            for line in found.lines(name):
                out.write(line)
                triples.write(line[:-cut] + b" .\n")
    return union


def write_rest(folder: Path, union: Path) -> tuple[list[str], str]:
    """The store, the other downloads and the search index; returns the downloads'
    names and the index's."""
    scratch = union.with_suffix(".store")
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            loading = pool.submit(_load, folder / STORE_DIR, folder / NQUADS, _FORMAT.N_QUADS)
            merged = _load(scratch, union, _FORMAT.N_TRIPLES)
            db = loading.result()
            default = pyoxigraph.DefaultGraph()
            jobs = [pool.submit(db.dump, str(folder / "dutygraph.trig"), _FORMAT.TRIG,
                                prefixes=prefixes),
                    pool.submit(merged.dump, str(folder / "dutygraph.ttl"), _FORMAT.TURTLE,
                                from_graph=default, prefixes=prefixes),
                    pool.submit(merged.dump, str(folder / "dutygraph.jsonld"),
                                _FORMAT.JSON_LD, from_graph=default)]
            search = fulltext.write(folder, db)
            for job in jobs:
                job.result()
        del db, merged
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        union.unlink(missing_ok=True)
    return DOWNLOADS, search


def _load(store_dir: Path, data: Path, rdf_format: pyoxigraph.RdfFormat) -> pyoxigraph.Store:
    db = pyoxigraph.Store(str(store_dir))
    db.bulk_load(path=str(data), format=rdf_format)
    db.flush()
    return db
