"""Fault injection around `kg build`: run it in a subprocess with a file-size limit
(writes fail with EFBIG, like a full disk), kill it at a chosen moment, and take
fingerprints of the current release to prove it was left intact."""

from __future__ import annotations

import hashlib
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.release import store


@dataclass(frozen=True)
class Fingerprint:
    release: str
    nquads_sha256: str
    manifest: dict


def fingerprint(build_dir: Path) -> Fingerprint:
    """The verified current release (raises BuildNotFound when there is none)."""
    release = store.current(build_dir)
    digest = hashlib.sha256((release / store.NQUADS).read_bytes()).hexdigest()
    return Fingerprint(release.name, digest, store.verify(release))


def build_command(build_dir: Path, data_dir: Path | None = None) -> list[str]:
    data = ["--data-dir", str(data_dir)] if data_dir else []
    # --force: every fault run writes a release, even from unchanged sources
    return [sys.executable, "-m", "kg.cli", *data, "--build-dir", str(build_dir), "build",
            "--force"]


def file_size_limit(limit: int) -> Callable[[], None]:
    """A preexec_fn: files may not grow past `limit` bytes; SIGXFSZ is ignored, so
    the write fails with EFBIG instead of killing the process."""
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def run_build(build_dir: Path, data_dir: Path | None = None, limit: int | None = None,
              timeout: float = 300.0) -> subprocess.CompletedProcess:
    return subprocess.run(build_command(build_dir, data_dir), capture_output=True, text=True,
                          timeout=timeout,
                          preexec_fn=file_size_limit(limit) if limit else None)


def staging_dirs(build_dir: Path) -> list[Path]:
    releases = build_dir / "releases"
    return sorted(releases.glob(".staging-*")) if releases.is_dir() else []


def kill_build(build_dir: Path, data_dir: Path | None = None, after: float | None = None,
               when_staging: bool = False, timeout: float = 120.0) -> tuple[int, str]:
    """Start `kg build`, SIGKILL it `after` seconds in, or as soon as its store step
    has created a staging folder. Returns (return code, the moment it was killed):
    a build that finished first is not killed."""
    process = subprocess.Popen(build_command(build_dir, data_dir), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    started = time.monotonic()
    moment = "finished"
    while process.poll() is None and time.monotonic() - started < timeout:
        if (when_staging and staging_dirs(build_dir)) or (
                after is not None and time.monotonic() - started >= after):
            process.kill()
            moment = "store step" if staging_dirs(build_dir) else \
                f"{time.monotonic() - started:.2f}s"
            break
        time.sleep(0.002)
    return process.wait(timeout=30), moment
