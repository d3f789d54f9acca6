"""Bytes of a regulation text → str: UTF-8 (with or without BOM), else GB18030.

GB18030 covers GBK and GB2312. Both are tried strictly, so a file is never read with
replacement characters. A file that is UTF-8 up to some Chinese text and then breaks
is a damaged UTF-8 file, not a GB18030 one (read as GB18030 it would decode into
nonsense): its first bad byte is reported.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import ParseError

BOM = b"\xef\xbb\xbf"


def decode(data: bytes, source: Path | str) -> str:
    """The text of ``data``. Raises ParseError naming the line of the first bad byte."""
    data = data.removeprefix(BOM)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8:
        if _has_cjk(data[: utf8.start]):
            raise _error(source, data, utf8.start, "UTF-8",
                         "and the text before it is UTF-8") from None
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError as gb:
            raise _error(source, data, gb.start, "GB18030",
                         f"and not UTF-8 from line {_line(data, utf8.start)}") from None


def _has_cjk(prefix: bytes) -> bool:
    text = prefix.decode("utf-8", errors="ignore")
    return any("\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" for ch in text)


def _line(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def _error(source: Path | str, data: bytes, offset: int, encoding: str,
           detail: str) -> ParseError:
    byte = data[offset]
    return ParseError(source, _line(data, offset),
                      f"neither UTF-8 nor GB18030: byte 0x{byte:02x} (offset {offset}) is not "
                      f"{encoding} {detail}; save the file as UTF-8")
