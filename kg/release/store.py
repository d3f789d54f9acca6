"""The build directory: immutable releases, and an atomically switched `current`.

    build/current -> releases/<id>      (a symlink, replaced with os.replace)
    build/releases/<id>/dutygraph.nq    every named graph, N-Quads
                       dutygraph.trig   the same, TriG
                       dutygraph.ttl    the union, Turtle
                       dutygraph.jsonld the union, JSON-LD
                       search.sqlite    the full-text index of texts and names (fulltext.py)
                       summary.json     the pages' counts over the whole release (summary.py)
                       oxigraph/        the embedded store the server opens read-only
                       manifest.json    written last: counts and checksums

A release is only used when its manifest is present and its checksums hold, so a
half-written or damaged build is refused and the previous one stays current.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import shutil
import time
import uuid
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph
from rdflib import Graph, URIRef

from kg import config
from kg.errors import BuildNotFound
from kg.namespaces import DEFAULT_BASE
from kg.release import checked, dcat, dumps, incremental, summary, trig

MANIFEST = "manifest.json"
INTERNAL = "internal"  # the manifest's checksums of files the server reads, not downloads
NQUADS, STORE_DIR = dumps.NQUADS, dumps.STORE_DIR


def write(build_dir: Path, graphs: Mapping[URIRef, Graph], info: dict,
          force: bool = False, keep: int = config.KEEP_RELEASES) -> Path:
    """Write a new release from named graphs (IRI → graph) and make it current, keeping
    ``keep`` releases in all. Unless ``force``, the current release is kept when it
    already holds this data."""
    releases = build_dir / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    staging = releases / f".staging-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    staging.mkdir()
    try:
        digest = _Digests({staging / NQUADS: dumps.write_nquads(staging, graphs)})
        info = {**info, "writer": _writer_digest()}
        unchanged = None if force else _same_as_current(build_dir, info,
                                                        digest(staging / NQUADS))
        if unchanged is not None:
            shutil.rmtree(staging, ignore_errors=True)
            return unchanged
        previous = None if force else _previous(build_dir, info)
        base = info.get("base_iri", DEFAULT_BASE)
        written = dumps.write_rest(staging, previous, base)
        digest.update((staging / name, value) for name, value in written.downloads.items())
        files = [NQUADS, *written.downloads]
        files += dcat.write(staging, written.catalogue, base, files, digest)  # DCAT, VoID
        # served, or for the next build
        internal = [written.search, summary.FILE, incremental.INDEX, trig.INDEX]
        manifest = {**info, "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                    "files": {name: digest(staging / name) for name in files},
                    INTERNAL: {name: digest(staging / name) for name in internal}}
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
        _fsync_tree(staging)
        stamp = time.strftime("%Y%m%dT%H%M%S")
        release = releases / f"{stamp}-{manifest['files'][NQUADS][:12]}-{uuid.uuid4().hex[:4]}"
        staging.rename(release)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    checked.remember(build_dir, release, [MANIFEST, *manifest["files"], *internal])
    _switch(build_dir, release)
    _prune(releases, release, keep)
    checked.forget_all_but(build_dir, {p.name for p in releases.iterdir()})
    return release


class _Digests(dict):
    """Each staged file's SHA-256, computed once (as it is written, where it can be):
    the N-Quads are compared with the current release's, the downloads described in
    DCAT and all listed in the manifest (three reads of half a gigabyte for Guangdong).
    Only for files written before, never again."""

    def __call__(self, path: Path) -> str:
        if path not in self:
            self[path] = dcat.sha256(path)
        return self[path]


def _writer_digest() -> str:
    """Which code wrote a release: a change to it rewrites even identical data."""
    sources = b"".join(Path(__file__).with_name(n).read_bytes()
                       for n in ("store.py", "dumps.py", "dcat.py", "fulltext.py",
                                 "incremental.py", "trig.py", "summary.py"))
    sources += (Path(__file__).parent.parent / "graph" / "oxterms.py").read_bytes()
    return hashlib.sha256(sources).hexdigest()[:16]


def _previous(build_dir: Path, info: dict) -> Path | None:
    """The current release to make the new store from: written by this code, for the
    same base."""
    try:
        release = current(build_dir)
    except BuildNotFound:
        return None
    old = manifest(release)
    same = all(old.get(key) == info.get(key) for key in ("writer", "base_iri"))
    return release if same else None


def _same_as_current(build_dir: Path, info: dict, nquads_digest: str) -> Path | None:
    """The current release when it already holds exactly this data, written by this
    code: rebuilding unchanged sources then costs no rewrite and no switch."""
    try:
        release = current(build_dir)
    except BuildNotFound:
        return None
    old = manifest(release)
    same_info = all(old.get(key) == value for key, value in info.items())
    return release if same_info and old["files"].get(NQUADS) == nquads_digest else None


def _fsync_tree(folder: Path) -> None:
    """Flush the release to disk before it can become current (power loss safety)."""
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as handle:
                os.fsync(handle.fileno())


def _switch(build_dir: Path, release: Path) -> None:
    link = build_dir / "current"
    tmp = build_dir / f".current-{uuid.uuid4().hex[:8]}"
    tmp.symlink_to(release.relative_to(build_dir))
    os.replace(tmp, link)


def _age(release: Path) -> tuple[str, int]:
    """Oldest first: by the name's stamp, then, for builds within the same second (the
    rest of the name is a digest, in no order), by when the folder was made."""
    return release.name[:15], release.stat().st_mtime_ns


def _prune(releases: Path, current: Path, keep: int) -> None:
    old = sorted((p for p in releases.iterdir() if p.is_dir() and p != current
                  and not p.name.startswith(".")), key=_age)
    for path in old[: max(0, len(old) - (keep - 1))]:
        shutil.rmtree(path, ignore_errors=True)


def current(build_dir: Path) -> Path:
    """The current release, verified (hashed in full unless a full check passed and
    no file changed since: kg/release/checked.py). Raises BuildNotFound when there is
    none."""
    link = build_dir / "current"
    if not link.exists():
        raise BuildNotFound(f"no build in {build_dir}: run `kg build`")
    release = link.resolve()
    verify(release, build_dir)
    return release


def verify(release: Path, build_dir: Path | None = None) -> dict:
    """Check that a release is complete and undamaged; return its manifest. With the
    release's `build_dir`, a check that passed before and still holds is not redone."""
    try:
        manifest = json.loads((release / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BuildNotFound(f"{release.name}: no readable manifest ({exc})") from None
    digests = {**manifest.get("files", {}), **manifest.get(INTERNAL, {})}
    names = [MANIFEST, *digests]
    if build_dir is None or not checked.remembered(build_dir, release, names):
        for name, digest in digests.items():
            path = release / name
            if not path.is_file() or dcat.sha256(path) != digest:
                raise BuildNotFound(f"{release.name}: {name} is missing or damaged")
        if build_dir is not None:
            checked.remember(build_dir, release, names)
    if not (release / STORE_DIR).is_dir():
        raise BuildNotFound(f"{release.name}: the embedded store is missing")
    return manifest


def manifest(release: Path) -> dict:
    return json.loads((release / MANIFEST).read_text(encoding="utf-8"))


def open_store(release: Path) -> pyoxigraph.Store:
    """Open a release's embedded store read-only (several processes may share it)."""
    return pyoxigraph.Store.read_only(str(release / STORE_DIR))


MEMORY_QUADS = int(os.environ.get("KG_MEMORY_QUADS", config.MEMORY_QUADS))


def for_queries(store_dir: str, memory_quads: int = MEMORY_QUADS,
                quads: int | None = None) -> pyoxigraph.Store:
    """A store to answer queries from: an in-memory copy when the data is small
    (index lookups in memory are two to five times faster than in the on-disk store),
    else the on-disk store, read-only. `quads`, when known (the manifest's count),
    spares counting up to the limit through the store (seconds at corpus size)."""
    disk = pyoxigraph.Store.read_only(store_dir)
    return in_memory(store_dir, disk) if fits_in_memory(disk, memory_quads, quads) else disk


def fits_in_memory(disk: pyoxigraph.Store, memory_quads: int, quads: int | None) -> bool:
    return memory_limit(memory_quads, quads) > 0 and not _more_than(disk, memory_quads)


def in_memory(store_dir: str, disk: pyoxigraph.Store) -> pyoxigraph.Store:
    """An in-memory copy of a release's store."""
    memory = pyoxigraph.Store()
    nquads = Path(store_dir).parent / NQUADS  # the release's own dump, verified with it
    if nquads.is_file():  # parsed in Rust: 5 s for Guangdong, against 12 s quad by quad
        memory.bulk_load(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS)
    else:
        memory.extend(disk)
    return memory


def quad_count(release: Path) -> int | None:
    """The release's quads as its manifest counts them (asserted and inferred)."""
    counts = manifest(release)
    if "asserted" not in counts:
        return None
    return int(counts["asserted"]) + int(counts.get("inferred", 0))


def memory_limit(memory_quads: int, quads: int | None) -> int:
    """The in-memory limit to open a store with: 0 (the store on disk, nothing
    counted) when its known size is past the limit."""
    return 0 if quads is not None and quads > memory_quads else memory_quads


def _more_than(db: pyoxigraph.Store, limit: int) -> bool:
    return any(True for _ in itertools.islice(db, limit, limit + 1))
