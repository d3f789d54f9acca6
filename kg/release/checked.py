"""What a full check of a release found, remembered so that opening it again costs a
few `stat` calls instead of hashing every file (gigabytes at corpus size, on every
`kg query` and every `kg serve` start).

A stamp, build/.verified/<release>.json, records the size, modification time and inode
of the manifest and of every checksummed file as they were when every checksum held.
Any change through the file system (a byte written, a file truncated, replaced or
removed) changes one of them, and the release is hashed in full again before it is used.
A change below the file system (a failing disk) keeps the stamp: remove build/.verified
to have every release hashed again.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

FOLDER = ".verified"


def _stats(release: Path, names: list[str]) -> dict[str, list[int]]:
    found = {}
    for name in names:
        try:
            info = (release / name).stat()
        except OSError:
            return {}
        found[name] = [info.st_size, info.st_mtime_ns, info.st_ino]
    return found


def _stamp(build_dir: Path, release: Path) -> Path:
    return build_dir / FOLDER / f"{release.name}.json"


def remembered(build_dir: Path, release: Path, names: list[str]) -> bool:
    """Whether a full check of these files passed and none has changed since."""
    try:
        kept = json.loads(_stamp(build_dir, release).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    now = _stats(release, names)
    return bool(now) and kept == now


def remember(build_dir: Path, release: Path, names: list[str]) -> None:
    """Record a passed full check (best effort: a read-only build folder just means
    hashing again next time)."""
    stamp = _stamp(build_dir, release)
    with contextlib.suppress(OSError):
        stamp.parent.mkdir(exist_ok=True)
        tmp = stamp.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(_stats(release, names)), encoding="utf-8")
        os.replace(tmp, stamp)


def forget_all_but(build_dir: Path, releases: set[str]) -> None:
    for stamp in (build_dir / FOLDER).glob("*.json"):
        if stamp.stem not in releases:
            stamp.unlink(missing_ok=True)
