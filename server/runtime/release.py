"""The release an embedded runtime serves: build/current verified (or the newest
release that still verifies), copied privately with any extra `--data` files."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph

from kg.errors import BuildNotFound, InputError
from kg.release import fulltext, store

log = logging.getLogger("dutygraph.server")


def parse_data(specs: list[str]) -> tuple[tuple[Path, str], ...]:
    """`FILE=GRAPH_IRI` arguments as (path, graph) pairs."""
    pairs = []
    for spec in specs:
        path, sep, graph = spec.partition("=")
        if not sep or not graph or not path:
            raise InputError(spec, None, "expected FILE=GRAPH_IRI")
        if not Path(path).is_file():
            raise InputError(path, None, "no such file")
        try:
            pyoxigraph.NamedNode(graph)
        except ValueError:
            raise InputError(spec, None, f"{graph!r} is not an absolute IRI") from None
        pairs.append((Path(path), graph))
        check_file(Path(path))
    return tuple(pairs)


def check_file(path: Path) -> None:
    """Parse an extra data file once, so that a bad one is a one-line CLI error."""
    try:
        for _ in pyoxigraph.parse(path=str(path), format=_format(path),
                                  base_iri=path.resolve().as_uri()):
            pass
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(path, None, f"cannot load: {exc}") from None


def _format(path: Path) -> pyoxigraph.RdfFormat:
    fmt = pyoxigraph.RdfFormat.from_extension(path.suffix.lstrip(".") or "nt")
    if fmt is None:
        raise InputError(path, None, "unknown RDF format (use .nt, .ttl, .rdf, .nq, ...)")
    return fmt


def resolve_release(build_dir: Path) -> Path:
    """build/current, verified; if it is damaged (say a reload meets a broken build),
    the newest release that still verifies, so the server keeps serving."""
    try:
        return store.current(build_dir)
    except BuildNotFound as problem:
        for release in sorted((build_dir / "releases").glob("[!.]*"), reverse=True):
            try:
                store.verify(release)
            except BuildNotFound:
                continue
            log.warning("%s; serving %s instead", problem, release.name)
            return release
        raise


def prepare_store(release: Path, data: tuple[tuple[Path, str], ...]) -> tuple[str, str]:
    """A private copy of the release's store, with any extra files loaded in their
    named graphs: a later build pruning old releases cannot pull the files from
    under a serving (or respawning) worker. Returns (store path, temp dir)."""
    tmp = tempfile.mkdtemp(prefix="dutygraph-serve-")
    target = Path(tmp) / store.STORE_DIR
    try:
        if not data:  # the store's files never change once written: links will do
            shutil.copytree(release / store.STORE_DIR, target, copy_function=_link_or_copy)
            if (release / store.NQUADS).is_file():  # what a worker's memory copy loads
                _link_or_copy(str(release / store.NQUADS), str(Path(tmp) / store.NQUADS))
            return str(target), tmp
        db = pyoxigraph.Store(str(target))
        db.bulk_load(path=str(release / store.NQUADS), format=pyoxigraph.RdfFormat.N_QUADS)
        for path, graph in data:
            _load(db, path, graph)
        db.flush()
        del db
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return str(target), tmp


def _load(db: pyoxigraph.Store, path: Path, graph: str) -> None:
    try:
        db.bulk_load(path=str(path), format=_format(path), to_graph=pyoxigraph.NamedNode(graph),
                     base_iri=path.resolve().as_uri())
    except (SyntaxError, ValueError) as exc:
        raise InputError(path, None, f"cannot load: {exc}") from None


def graph_names(store_path: str) -> list[str]:
    db = pyoxigraph.Store.read_only(store_path)
    names = sorted(g.value for g in db.named_graphs() if isinstance(g, pyoxigraph.NamedNode))
    del db
    return names


def private_index(release: Path, tmp: str) -> Path | None:
    """The release's full-text index beside the private store, or None for a release
    without one."""
    source = release / fulltext.FILE
    if not source.is_file():
        return None
    return Path(_link_or_copy(str(source), str(Path(tmp) / fulltext.FILE)))


def _link_or_copy(source: str, target: str) -> str:
    """A hard link (instant, and the data stays when a later build prunes the release),
    or a copy where the file system cannot link."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
    return target
