"""Build-side faults: a damaged or half-written release is refused; a build killed
part-way, or one that runs out of disk, leaves the previous build current and intact.

Every build here is a real `kg build` process on the seed, into a temporary folder."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import faults
from kg.errors import BuildNotFound
from kg.release import store
from tests.conftest import seed_data


@pytest.fixture(scope="module", autouse=True)
def seed_in_the_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The builds these tests run as processes read the seed alone."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KG_DATA_DIR", str(seed_data(tmp_path_factory.mktemp("faults-data"))))
        yield


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, faults.Fingerprint]:
    build_dir = tmp_path_factory.mktemp("faults") / "build"
    assert faults.run_build(build_dir).returncode == 0
    return build_dir, faults.fingerprint(build_dir)


def _copy_build(built: tuple[Path, faults.Fingerprint], tmp_path: Path) -> Path:
    target = tmp_path / "build"
    shutil.copytree(built[0], target, symlinks=True)
    return target


def _assert_intact(build_dir: Path, before: faults.Fingerprint) -> None:
    assert faults.fingerprint(build_dir) == before


def _damage_manifest_missing(release: Path) -> None:
    (release / store.MANIFEST).unlink()


def _damage_manifest_half(release: Path) -> None:
    text = (release / store.MANIFEST).read_text(encoding="utf-8")
    (release / store.MANIFEST).write_text(text[: len(text) // 2], encoding="utf-8")


def _damage_flip_byte(release: Path) -> None:
    path = release / store.NQUADS
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _damage_truncate(release: Path) -> None:
    path = release / "dutygraph.trig"
    path.write_bytes(path.read_bytes()[:100])


def _damage_no_store(release: Path) -> None:
    shutil.rmtree(release / store.STORE_DIR)


DAMAGES = [_damage_manifest_missing, _damage_manifest_half, _damage_flip_byte,
           _damage_truncate, _damage_no_store]


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda f: f.__name__.removeprefix("_damage_"))
def test_a_damaged_release_is_refused(built, tmp_path: Path, damage) -> None:
    build_dir = _copy_build(built, tmp_path)
    damage(store.current(build_dir))
    with pytest.raises(BuildNotFound):
        store.current(build_dir)


def test_a_half_written_release_beside_current_is_ignored(built, tmp_path: Path) -> None:
    """Leftovers of a crashed build (a staging folder, a release without manifest)
    change nothing: the old release stays current, and the next build succeeds."""
    build_dir, before = _copy_build(built, tmp_path), built[1]
    release = store.current(build_dir)
    for name in (".staging-999-deadbeef", "29991231T235959-000000000000"):
        shutil.copytree(release, build_dir / "releases" / name)
        (build_dir / "releases" / name / store.MANIFEST).unlink()
    _assert_intact(build_dir, before)
    assert faults.run_build(build_dir).returncode == 0
    assert faults.fingerprint(build_dir).release != before.release


def test_build_killed_in_the_store_step_leaves_the_previous_build(built, tmp_path) -> None:
    build_dir, before = _copy_build(built, tmp_path), built[1]
    code, moment = faults.kill_build(build_dir, when_staging=True)
    assert code != 0 and moment == "store step"
    _assert_intact(build_dir, before)
    assert faults.run_build(build_dir).returncode == 0


def test_build_killed_at_random_points_leaves_a_valid_build(built, tmp_path) -> None:
    """SIGKILL at random moments: current is the old release or, when the kill came
    after the switch, a complete new one with the same content; never a broken one."""
    build_dir, before = _copy_build(built, tmp_path), built[1]
    rng = random.Random(int(os.environ.get("KG_FAULT_SEED", "7")))
    for _ in range(4):
        faults.kill_build(build_dir, after=rng.uniform(0.2, 2.5))
        now = faults.fingerprint(build_dir)  # verified, or BuildNotFound
        assert now == before or now.release != before.release
        before = now
    assert faults.run_build(build_dir).returncode == 0


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    with contextlib.suppress(OSError, IndexError):
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return False


def test_a_killed_build_leaves_no_worker_behind(built, tmp_path) -> None:
    """SIGKILL of `kg build` while its workers run (checking, or writing the downloads):
    they end too, instead of waiting on their pipe for ever."""
    build_dir = _copy_build(built, tmp_path)
    process = subprocess.Popen(faults.build_command(build_dir),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    for _ in range(3000):  # until the store step has started its workers (bounded: 30 s)
        workers = _children(process.pid) if faults.staging_dirs(build_dir) else set()
        if workers or process.poll() is not None:
            break
        time.sleep(0.01)
    process.kill()
    process.wait(timeout=30)
    assert workers, "the build finished before it started a worker"
    for _ in range(100):  # each worker looks for its parent every second
        if not any(map(_alive, workers)):
            break
        time.sleep(0.1)
    assert not any(map(_alive, workers))


@pytest.mark.parametrize("fraction", [0.02, 0.5])
def test_file_size_limit_during_a_build_leaves_the_old_build(built, tmp_path,
                                                            fraction: float) -> None:
    """RLIMIT_FSIZE with SIGXFSZ ignored: the build's writes fail with EFBIG."""
    build_dir, before = _copy_build(built, tmp_path), built[1]
    nquads = (store.current(build_dir) / store.NQUADS).stat().st_size
    result = faults.run_build(build_dir, limit=max(4096, int(nquads * fraction)))
    assert result.returncode == 3  # a system error, told in one line
    assert len(result.stderr.strip().splitlines()) == 1
    assert "File too large" in result.stderr
    _assert_intact(build_dir, before)
    assert faults.staging_dirs(build_dir) == []


@contextlib.contextmanager
def _tmpfs(where: Path, size: int) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(where)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _resize(where: Path, size: int) -> None:
    subprocess.run(["mount", "-o", f"remount,size={size}", str(where)], check=True)


def _used(where: Path) -> int:
    stats = os.statvfs(where)
    return (stats.f_blocks - stats.f_bfree) * stats.f_frsize


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"), reason="needs root")
def test_a_full_disk_during_a_build_leaves_the_old_build(tmp_path: Path) -> None:
    """A real ENOSPC: the build folder on a small tmpfs, filled at several points of
    the next release's writing (the N-Quads, the store, the other serialisations)."""
    with _tmpfs(tmp_path / "disk", 256 << 20) as disk:
        build_dir = disk / "build"
        assert faults.run_build(build_dir).returncode == 0
        before = faults.fingerprint(build_dir)
        used = _used(disk)
        release_size = sum(p.stat().st_size for p in store.current(build_dir).rglob("*")
                           if p.is_file())
        for fraction in (0.05, 0.4, 0.75, 0.95):
            _resize(disk, used + int(release_size * fraction))
            result = faults.run_build(build_dir)
            assert result.returncode == 3, (fraction, result.stderr)
            assert len(result.stderr.strip().splitlines()) == 1, result.stderr
            _assert_intact(build_dir, before)
        _resize(disk, 256 << 20)
        assert faults.run_build(build_dir).returncode == 0
        assert faults.fingerprint(build_dir).release != before.release
