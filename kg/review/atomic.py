"""Durable, atomic replacement of a small text file, one writer at a time.

A decision is acknowledged only after its file is on disk: the new text goes to a
temporary file in the same folder, is fsynced, renamed over the old one, and the
folder is fsynced, so a crash (even kill -9 or a power cut) leaves the old file or
the new one, never half of either.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold an advisory lock beside ``path`` (``<path>.lock``) while a read-modify-write
    runs, so writers in other processes wait instead of overwriting each other."""
    lock = path.with_name(path.name + ".lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def staged(path: Path, text: str) -> Path:
    """Write ``text`` durably to a temporary file beside ``path`` and return it."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    return temporary


def publish(temporary: Path, path: Path) -> None:
    """Rename a staged file over ``path`` and make the rename itself durable."""
    os.replace(temporary, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""
