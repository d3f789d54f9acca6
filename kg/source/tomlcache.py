"""Parsed TOML kept between builds, under the hash of the file's bytes.

Python's TOML parser took 1.1 of the 1.7 s a build spends reading Guangdong's 184
annotation, metadata and lexicon files, every build, though few change between two.
Inside `cache_in(folder)` each parse is kept in that folder (build/cache/toml) and a
file whose bytes were parsed before is read back from it (0.1 s for all). Entries are
pickles read with an unpickler that builds nothing but dicts, lists, strings, numbers
and dates, so an entry someone else wrote can do no more than fail to load (a miss)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

_FOLDER: ContextVar[Path | None] = ContextVar("toml_cache", default=None)
_PARSER = f"tomllib of Python {sys.version}\0".encode()  # another parser: other entries
_ALLOWED = {("datetime", name) for name in ("date", "datetime", "time", "timezone",
                                            "timedelta")}


@contextlib.contextmanager
def cache_in(folder: Path) -> Iterator[None]:
    token = _FOLDER.set(folder)
    try:
        yield
    finally:
        _FOLDER.reset(token)


def parsed(data: bytes, parse: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """``parse()`` of a file holding ``data``, or what it gave for the same bytes before."""
    folder = _FOLDER.get()
    if folder is None:
        return parse()
    entry = folder / f"{hashlib.sha256(_PARSER + data).hexdigest()}.pickle"
    with contextlib.suppress(Exception):  # any failure to read an entry back is a miss
        value = _Safe(io.BytesIO(entry.read_bytes())).load()
        if isinstance(value, dict):
            return value
    value = parse()
    with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
        folder.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_name(f".{entry.name}.{os.getpid()}")
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, entry)
    return value


class _Safe(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return getattr(dt, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a TOML entry")
