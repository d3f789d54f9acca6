"""What one server process serves: a verified release, its serving store, a pool
of query workers and a cache of answers. Re-created on reload (SIGHUP)."""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph

from kg.config import Settings
from kg.errors import BuildNotFound, InputError
from kg.release import store
from server.cache import ResultCache
from server.lanes import CostBook, named_texts
from server.pool import WorkerPool
from server.syntax import SyntaxChecker
from server.worker import Job

log = logging.getLogger("dutygraph.server")


@dataclass(frozen=True)
class ServeOptions:
    timeout: float = 10.0
    workers: int = 2
    data: tuple[tuple[Path, str], ...] = ()
    max_rows: int = 100_000
    max_bytes: int = 16 << 20
    cache_bytes: int = 64 << 20
    max_body: int = 256 << 10
    max_url: int = 16 << 10


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
        if not data:
            shutil.copytree(release / store.STORE_DIR, target)
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


def make_job(options: ServeOptions, query: str, fmt: str, **dataset: object) -> Job:
    """A query job carrying the serving limits, for any backend."""
    base = Job(query=query, fmt=fmt, max_rows=options.max_rows, max_bytes=options.max_bytes)
    return replace(base, **dataset)


@dataclass
class Backend:
    settings: Settings
    options: ServeOptions
    release: Path = field(init=False)
    manifest: dict = field(init=False)
    graphs: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.release = resolve_release(self.settings.build_dir)
        self.manifest = store.manifest(self.release)
        self.store_path, self._tmp = prepare_store(self.release, self.options.data)
        self.graphs = _graph_names(self.store_path)
        self.pool = WorkerPool(self.store_path, self.options.workers)
        self.fast = WorkerPool(self.store_path, 1)  # reserved for known-cheap shapes
        self.costs = CostBook(named=named_texts(self.settings.queries_dir))
        self.checker = SyntaxChecker()
        self.cache = ResultCache(self.options.cache_bytes)

    def job(self, query: str, fmt: str, **dataset: object) -> Job:
        return make_job(self.options, query, fmt, **dataset)

    def close(self) -> None:
        self.pool.close()
        self.fast.close()
        self.checker.close()
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)


def _graph_names(store_path: str) -> list[str]:
    db = pyoxigraph.Store.read_only(store_path)
    names = sorted(g.value for g in db.named_graphs() if isinstance(g, pyoxigraph.NamedNode))
    del db
    return names
