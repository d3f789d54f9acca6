"""A query worker answers from disk at once and from its in-memory copy once that is
made: the same answers either way, and no copy of a store over the limit."""

from __future__ import annotations

from kg.config import Settings
from kg.release import store
from server.runtime.workers import process

QUERY = ("SELECT ?s ?o WHERE { ?s <https://w3id.org/dutygraph/ontology#cue> ?o } "
         "ORDER BY ?s ?o")


def _rows(db: object) -> list[tuple[str, str]]:
    return [(row["s"].value, row["o"].value)
            for row in db.query(QUERY, use_default_graph_as_union=True)]  # type: ignore[attr-defined]


def _store_dir(settings: Settings) -> str:
    return str((settings.build_dir / "current").resolve() / store.STORE_DIR)


def test_the_copy_answers_as_the_disk_store_does(seed_settings: Settings) -> None:
    disk = process.open_store(_store_dir(seed_settings))
    copy = process.MemoryCopy(_store_dir(seed_settings), disk, memory_quads=10_000_000)
    copy.wait()
    assert copy.store is not None and len(copy.store) == len(disk)
    assert _rows(copy.store) == _rows(disk) and _rows(disk)


def test_a_store_over_the_limit_is_not_copied(seed_settings: Settings) -> None:
    disk = process.open_store(_store_dir(seed_settings))
    copy = process.MemoryCopy(_store_dir(seed_settings), disk, memory_quads=10)
    copy.wait()
    assert copy.store is None


def test_a_served_store_has_the_dump_its_copy_loads(seed_settings: Settings) -> None:
    """`kg serve` links the release into a private folder; the N-Quads dump goes with
    the store, so the workers' copies are bulk-loaded (no dump: no copy at all)."""
    import shutil

    from server.runtime.release import prepare_store

    store_path, tmp = prepare_store((seed_settings.build_dir / "current").resolve(), ())
    try:
        disk = process.open_store(store_path)
        copy = process.MemoryCopy(store_path, disk, memory_quads=10_000_000)
        copy.wait()
        assert copy.store is not None and len(copy.store) == len(disk)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
