"""Named queries: queries/<name>.rq with `# title:`, `# description:` and `# param:` headers.

A parameter line reads ``# param: NAME TYPE DEFAULT  description`` with TYPE one of
iri, string, integer, date. Binding puts a VALUES clause first in the query's WHERE group,
so FILTERs see the value, and the same text serves the embedded store and any
external SPARQL 1.1 endpoint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg.errors import InputError

PARAM_TYPES = ("iri", "string", "integer", "date")
_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*)$")
_WHERE = re.compile(r"^\s*(?:SELECT|CONSTRUCT|ASK|DESCRIBE)\b[^{]*?\bWHERE\s*\{",
                    re.IGNORECASE | re.MULTILINE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_IRI_OK = re.compile(r"^[^<>\"{}|^`\\\s]+$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    description: str = ""

    def term(self, value: str) -> str:
        if self.type == "iri":
            if not _IRI_OK.match(value) or ":" not in value:
                raise ValueError(f"parameter {self.name} must be an absolute IRI")
            return f"<{value}>"
        if self.type == "integer":
            return str(int(value))
        if self.type == "date":
            if not _DATE.match(value) or not _is_date(value):
                raise ValueError(f"parameter {self.name} must be a date, YYYY-MM-DD")
            return f'"{value}"^^<http://www.w3.org/2001/XMLSchema#date>'
        escaped = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                   .replace("\r", "\\r"))
        return f'"{escaped}"'


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default_factory=tuple)

    @property
    def form(self) -> str:
        body = "\n".join(ln for ln in self.text.splitlines() if not ln.lstrip().startswith("#"))
        match = re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", body, re.IGNORECASE)
        return match.group(1).upper() if match else "SELECT"

    def bind(self, values: dict[str, str] | None = None) -> str:
        """The query text with parameters bound (given values, else defaults)."""
        values = values or {}
        unknown = set(values) - {p.name for p in self.params}
        if unknown:
            raise ValueError(f"unknown parameter(s) for {self.name}: {sorted(unknown)}")
        bound = [(p.name, p.term(values.get(p.name, p.default))) for p in self.params
                 if values.get(p.name, p.default) not in (None, "")]
        if not bound:
            return self.text
        names = " ".join(f"?{name}" for name, _ in bound)
        terms = " ".join(term for _, term in bound)
        values_clause = f"VALUES ({names}) {{ ({terms}) }}"
        where = _WHERE.search(self.text)
        if where is None:
            return f"{self.text.rstrip()}\n{values_clause}\n"
        return f"{self.text[:where.end()]}\n  {values_clause}{self.text[where.end():]}"


def parse_file(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    headers: dict[str, list[str]] = {"title": [], "description": [], "param": []}
    for number, line in enumerate(text.splitlines(), start=1):
        if match := _HEADER.match(line.strip()):
            headers[match.group(1)].append(match.group(2).strip())
            if match.group(1) == "param":
                _param(match.group(2), path, number)
    if not headers["title"]:
        raise InputError(path, 1, "named query lacks a `# title:` header")
    params = tuple(_param(p, path, 0) for p in headers["param"])
    return NamedQuery(path.stem, headers["title"][0], " ".join(headers["description"]),
                      text, params)


def _param(spec: str, path: Path, line: int) -> Param:
    parts = spec.split(None, 3)
    if len(parts) < 2 or parts[1] not in PARAM_TYPES:
        raise InputError(path, line or None, f"bad `# param:` line {spec!r}: "
                         f"want NAME TYPE [DEFAULT [description]], TYPE in {PARAM_TYPES}")
    default = parts[2] if len(parts) > 2 and parts[2] != "-" else None
    return Param(parts[0], parts[1], default, parts[3] if len(parts) > 3 else "")


def load_all(folder: Path) -> dict[str, NamedQuery]:
    return {path.stem: parse_file(path) for path in sorted(folder.glob("*.rq"))}
