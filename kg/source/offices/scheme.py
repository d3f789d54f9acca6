"""data/offices.toml as frozen tables: levels, organ kinds, sectors, heads, areas, qualifiers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kg.config import PROJECT_ROOT
from kg.errors import InputError
from kg.source import tomlfile

DEFAULT_PATH = PROJECT_ROOT / "data" / "offices.toml"
BASE_LEVELS = ("province", "city", "county", "township")


@dataclass(frozen=True)
class Level:
    id: str
    zh: str
    en: str
    prefix: str  # how a canonical designation writes it: 县级以上(人民政府…)
    government: str  # its people's government, canonically: 县级以上人民政府
    government_en: str
    covers: frozenset[str]  # the base levels it spans (skos:narrower)
    broader: str | None
    singular: bool
    words: tuple[str, ...]


@dataclass(frozen=True)
class Concept:
    """An organ kind, sector, area or qualifier: an id (or zh key) with its labels."""

    id: str
    zh: str
    en: str
    synonyms: tuple[str, ...] = ()
    broader: str | None = None
    successor: str | None = None  # a historical sector's present-day office
    organ: str | None = None  # a sector's department when not "…主管部门" (公安机关)
    organ_en: str | None = None
    before: bool = False  # a qualifier written before the level (上级人民政府)


@dataclass(frozen=True)
class Head:
    zh: str  # the canonical noun
    kind: str
    en: str
    synonyms: tuple[str, ...]
    broader: tuple[str, ...]
    needs_sector: bool
    level: str | None


@dataclass(frozen=True)
class Scheme:
    levels: dict[str, Level]
    kinds: dict[str, Concept]
    sectors: dict[str, Concept]
    heads: dict[str, Head]
    areas: dict[str, Concept]
    qualifiers: dict[str, Concept]
    municipality: dict[str, str]  # word → level id in a municipality's regulation
    coordinations: frozenset[str]
    path: str

    def __hash__(self) -> int:
        return hash(self.path)

    def level_covering(self, covers: frozenset[str]) -> Level | None:
        return next((lv for lv in self.levels.values() if lv.covers == covers), None)


@cache
def default_scheme() -> Scheme:
    return load_scheme(DEFAULT_PATH)


def load_scheme(path: Path | None = None) -> Scheme:
    """Read and check the tables; a defect is an InputError naming the file and line."""
    path = path or DEFAULT_PATH
    data = tomlfile.load(path)
    levels = {key: _level(path, key, entry) for key, entry in data.get("level", {}).items()}
    sectors = {k: _concept(path, "sector", k, e) for k, e in data.get("sector", {}).items()}
    scheme = Scheme(
        levels=levels,
        kinds={k: _concept(path, "kind", k, e) for k, e in data.get("kind", {}).items()},
        sectors=sectors,
        heads={k: _head(path, k, e) for k, e in data.get("head", {}).items()},
        areas={k: _concept(path, "area", k, e) for k, e in data.get("area", {}).items()},
        qualifiers={k: _concept(path, "qualifier", k, e)
                    for k, e in data.get("qualifier", {}).items()},
        municipality={word: level for level, words in data.get("municipality", {}).items()
                      for word in words},
        coordinations=frozenset(data.get("coordinations", {}).get("words", ())),
        path=str(path))
    _check(path, scheme)
    return scheme


def _need(path: Path, table: str, key: str, entry: dict[str, Any], *names: str) -> None:
    missing = [name for name in names if not entry.get(name)]
    if missing:
        line = tomlfile.table_line(path, table, key) or _dotted_line(path, table, key)
        raise InputError(path, line, f"{table} {key!r} lacks {', '.join(missing)}")


def _dotted_line(path: Path, table: str, key: str) -> int | None:
    header = f"[{table}.{key}]"
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if line.strip() == header), None)


def _level(path: Path, key: str, entry: dict[str, Any]) -> Level:
    _need(path, "level", key, entry, "zh", "en", "prefix", "government_en", "covers")
    return Level(id=key, zh=entry["zh"], en=entry["en"], prefix=entry["prefix"],
                 government=entry.get("government", entry["prefix"] + "人民政府"),
                 government_en=entry["government_en"], covers=frozenset(entry["covers"]),
                 broader=entry.get("broader"), singular=bool(entry.get("singular")),
                 words=tuple(entry.get("words", ())))


def _concept(path: Path, table: str, key: str, entry: dict[str, Any]) -> Concept:
    keyed_by_zh = table in ("area", "qualifier")
    _need(path, table, key, entry, "en", *(() if keyed_by_zh else ("zh",)))
    return Concept(id=key, zh=key if keyed_by_zh else entry["zh"], en=entry["en"],
                   synonyms=tuple(entry.get("synonyms", ())), broader=entry.get("broader"),
                   successor=entry.get("successor"), organ=entry.get("organ"),
                   organ_en=entry.get("organ_en"), before=bool(entry.get("before")))


def _head(path: Path, key: str, entry: dict[str, Any]) -> Head:
    _need(path, "head", key, entry, "kind", "en")
    return Head(zh=key, kind=entry["kind"], en=entry["en"],
                synonyms=tuple(entry.get("synonyms", ())), broader=tuple(entry.get("broader", ())),
                needs_sector=bool(entry.get("needs_sector")), level=entry.get("level"))


def _check(path: Path, scheme: Scheme) -> None:
    """References between tables resolve, and every wording means one thing only."""
    problems = _reference_problems(scheme) + _duplicate_wordings(scheme)
    if problems:
        raise InputError(path, None, "; ".join(problems))


def _reference_problems(scheme: Scheme) -> list[str]:
    problems = []
    for level in scheme.levels.values():
        up = scheme.levels.get(level.broader) if level.broader else None
        if level.broader and (up is None or not level.covers < up.covers):
            problems.append(f"level {level.id!r}: broader {level.broader!r} must cover more")
    for sector in scheme.sectors.values():
        for ref in (sector.broader, sector.successor):
            if ref and ref not in scheme.sectors:
                problems.append(f"sector {sector.id!r} refers to unknown sector {ref!r}")
    for head in scheme.heads.values():
        if head.kind not in scheme.kinds:
            problems.append(f"head {head.zh!r} has unknown kind {head.kind!r}")
        problems += [f"head {head.zh!r}: unknown broader head {b!r}"
                     for b in head.broader if b not in scheme.heads]
    return problems


def _duplicate_wordings(scheme: Scheme) -> list[str]:
    tables: list[tuple[str, dict[str, tuple[str, ...]]]] = [
        ("sector", {k: (c.zh, *c.synonyms) for k, c in scheme.sectors.items()}),
        ("head", {k: (h.zh, *h.synonyms) for k, h in scheme.heads.items()}),
        ("level", {k: lv.words for k, lv in scheme.levels.items()}),
        ("area", {k: (a.zh, *a.synonyms) for k, a in scheme.areas.items()}),
    ]
    seen: dict[str, str] = {}
    problems = []
    for table, wordings in tables:
        for key, words in wordings.items():
            owner = f"{table} {key!r}"
            for word in words:
                first = seen.setdefault(f"{table}:{word}", owner)
                if first != owner:
                    problems.append(f"{word!r} is a wording of both {first} and {owner}")
    return problems
