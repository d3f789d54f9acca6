"""Actors, carriers and mechanisms: designations with stable ids and English labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.source import tomlfile

KINDS = ("actor", "carrier", "mechanism")
DEFAULT_CLASS = {"actor": "Actor", "carrier": "Carrier", "mechanism": "Mechanism"}


@dataclass(frozen=True)
class Term:
    kind: str  # actor | carrier | mechanism
    zh: str
    id: str
    en: str
    cls: str
    within: tuple[str, ...] = ()
    source: str = ""
    line: int | None = None


@dataclass
class Lexicon:
    terms: dict[str, dict[str, Term]] = field(default_factory=lambda: {k: {} for k in KINDS})

    def get(self, kind: str, zh: str) -> Term | None:
        return self.terms[kind].get(zh)

    def find(self, zh: str) -> Term | None:
        """The term of any kind with this designation (actors first)."""
        return next((self.terms[k][zh] for k in KINDS if zh in self.terms[k]), None)

    def all(self, kind: str) -> list[Term]:
        return list(self.terms[kind].values())

    def add(self, term: Term) -> None:
        known = self.terms[term.kind].get(term.zh)
        if known and (known.id, known.cls) != (term.id, term.cls):
            raise InputError(term.source, term.line, f"{term.kind} {term.zh!r} is defined "
                             f"again with another id or class (first in {known.source})")
        if not known:
            self._check_id_unique(term)
            self.terms[term.kind][term.zh] = term

    def merge_file(self, path: Path, data: dict | None = None) -> None:
        """Add the [actor."…"], [carrier."…"] and [mechanism."…"] tables of a TOML file."""
        data = tomlfile.load(path) if data is None else data
        lines = tomlfile.table_lines(path) if any(data.get(k) for k in KINDS) else {}
        for kind in KINDS:
            for zh, entry in data.get(kind, {}).items():
                self.add(_term(path, kind, zh, entry, lines.get((kind, zh))))

    def union(self, *others: Lexicon, yielding: bool = False) -> Lexicon:
        """A new lexicon with this one's terms and those of ``others``; neither is
        changed. A designation defined again with another id or class is an error,
        unless ``yielding``: then the definition already there wins (machine-made
        drafts yield to the lexicon and to what people curated)."""
        merged = Lexicon({kind: dict(terms) for kind, terms in self.terms.items()})
        for other in others:
            for kind in KINDS:
                for term in other.terms[kind].values():
                    if not (yielding and term.zh in merged.terms[kind]):
                        merged.add(term)
        return merged

    def check_within(self) -> None:
        for kind in ("actor", "carrier"):
            for term in self.terms[kind].values():
                for broader in term.within:
                    if broader not in self.terms[kind]:
                        raise InputError(term.source, term.line, f"{term.zh!r} is within "
                                         f"{broader!r}, which is not a known {kind}")

    def _check_id_unique(self, term: Term) -> None:
        for other in self.terms[term.kind].values():
            if other.id == term.id:
                raise InputError(term.source, term.line, f"{term.kind} id {term.id!r} of "
                                 f"{term.zh!r} is already used by {other.zh!r}")


def _term(path: Path, kind: str, zh: str, entry: dict, line: int | None) -> Term:
    missing = [key for key in ("id", "en") if not entry.get(key)]
    if missing:
        raise InputError(path, line, f"{kind} {zh!r} lacks {', '.join(missing)}")
    return Term(kind=kind, zh=zh, id=entry["id"], en=entry["en"],
                cls=entry.get("class", DEFAULT_CLASS[kind]),
                within=tuple(entry.get("within", ())), source=str(path), line=line)


def of_file(path: Path, data: dict) -> Lexicon:
    """The designations a TOML file defines in its own tables."""
    lexicon = Lexicon()
    lexicon.merge_file(path, data)
    return lexicon


def load(paths: list[Path]) -> Lexicon:
    lexicon = Lexicon()
    for path in paths:
        lexicon.merge_file(path)
    lexicon.check_within()
    return lexicon
