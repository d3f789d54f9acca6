"""Reading TOML data files with errors that name the file and line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.source import tomlcache

_AT_LINE = re.compile(r"at line (\d+)")


def load(path: Path, error: type[InputError] = InputError) -> dict[str, Any]:
    """Load a TOML file; a syntax error becomes ``error`` with the file and line."""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(path, None, f"not UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise error(path, None, f"cannot read: {exc.strerror}") from None
    try:
        return tomlcache.parsed(data, lambda: tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        found = _AT_LINE.search(str(exc))
        line = int(found.group(1)) if found else None
        raise error(path, line, f"TOML syntax: {_AT_LINE.sub('', str(exc)).strip(' ()')}") from None


def header_lines(path: Path, header: str) -> list[int]:
    """Line numbers (1-based) of each ``[[header]]`` array-table header, in order."""
    pattern = re.compile(rf"^\s*\[\[\s*{re.escape(header)}\s*\]\]")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, start=1) if pattern.match(line)]


_TABLE = re.compile(r'^\s*\[\s*([^\s.\["]+)\s*\.\s*"([^"]*)"\s*\]')


def table_line(path: Path, kind: str, key: str) -> int | None:
    """Line number of a ``[kind."key"]`` table header, if present."""
    return table_lines(path).get((kind, key))


def table_lines(path: Path) -> dict[tuple[str, str], int]:
    """Every ``[kind."key"]`` header of a file and its line, read at once (a lexicon
    file has thousands: reading it again for each was a third of a build's reading)."""
    found: dict[tuple[str, str], int] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _TABLE.match(line)
        if match:
            found.setdefault((match.group(1), match.group(2)), n)
    return found
