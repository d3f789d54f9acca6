"""Everything the build reads from data/: each regulation with its metadata, versions
and annotations (curated, then machine-made drafts), and the shared lexicon."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.config import Settings
from kg.errors import InputError
from kg.source import annotations, lexicon, parse, tomlfile, versions
from kg.source.lexicon import Lexicon
from kg.source.model import Regulation
from kg.source.statements import Rejection, Statement


@dataclass(frozen=True)
class Source:
    """One regulation as the build sees it."""

    regulation: Regulation
    meta: dict  # data/<slug>.meta.toml over what the text itself says
    versions: tuple[versions.Version, ...]
    statements: tuple[Statement, ...]
    terms: Lexicon  # the designations its curated annotation file defines
    draft_terms: Lexicon  # and those its machine-made draft defines

    @property
    def slug(self) -> str:
        return self.regulation.slug


@dataclass(frozen=True)
class Refused:
    """A regulation left out of the build: the file and the one error that stopped it."""

    slug: str
    error: InputError


@dataclass(frozen=True)
class Sources:
    lexicon: Lexicon  # data/lexicon.toml
    regulations: tuple[Source, ...]
    refused: tuple[Refused, ...] = ()

    def all_terms(self) -> Lexicon:
        """The shared lexicon with every designation the annotation files define: a
        designation is one resource, as the lexicon or a curated file defines it, else
        as the drafts that name it do (each defines what it names)."""
        curated = self.lexicon.union(*(source.terms for source in self.regulations))
        return curated.union(*(source.draft_terms for source in self.regulations),
                             yielding=True)


def read_all(settings: Settings, strict: bool = False,
             progress: Callable[[int, int, str], None] | None = None) -> Sources:
    """Parse every regulation and load its annotations. A regulation that cannot be
    read is refused (``strict``: the first such error is raised) and the others go on.
    ``progress`` is told (done, total, slug) after each one."""
    lex = lexicon.load([settings.lexicon_file])
    files = settings.regulation_files()
    if not files:
        raise InputError(settings.data_dir, None, "no regulation texts found")
    accepted: list[Source] = []
    refused: list[Refused] = []
    known = lex
    for done, path in enumerate(files, start=1):
        if progress:
            progress(done, len(files), path.stem)
        try:
            source = read(settings, path, lex)
            known = known.union(source.terms)  # one designation, one id, in every file
        except InputError as error:
            if strict:
                raise
            refused.append(Refused(path.stem, error))
            continue
        accepted.append(source)
    return Sources(lex, tuple(accepted), tuple(refused))


def read(settings: Settings, path: Path, lex: Lexicon) -> Source:
    regulation = parse.read(path)
    meta_path = settings.meta_file(regulation.slug)
    meta = {**regulation.meta, **(tomlfile.load(meta_path) if meta_path.exists() else {})}
    history = versions.load(regulation, meta, meta_path, settings.data_dir)
    curated = _annotations(settings.annotation_file(regulation.slug), regulation, lex, False)
    # a draft may name what its regulation's curated file defines, never another's
    drafts = annotations.Annotations((), Lexicon()) if curated.complete else _annotations(
        settings.draft_file(regulation.slug), regulation, lex.union(curated.terms), True)
    statements = curated.statements + without_curated_units(
        drafts.statements, curated.statements, curated.rejected)
    return Source(regulation, meta, history, statements, curated.terms, drafts.terms)


def _annotations(path: Path, regulation: Regulation, lex: Lexicon,
                 machine_made: bool) -> annotations.Annotations:
    if not path.exists():
        return annotations.Annotations((), Lexicon())
    return annotations.load(path, regulation, lex, machine_made=machine_made)


def without_curated_units(drafts: tuple[Statement, ...], curated: tuple[Statement, ...],
                          rejected: tuple[Rejection, ...] = ()) -> tuple[Statement, ...]:
    """Curated annotations win: a unit with a statement curated by hand drops its drafts;
    a reviewer's decision (`kg review`) drops only the draft it decides on, and a
    curated statement drops a draft of the same class and span."""
    by_hand = {s.at for s in curated if s.review is None}
    decided = {(s.at, s.review.draft) for s in curated if s.review and s.review.draft}
    decided |= {(r.at, r.draft) for r in rejected} | {(s.at, s.name) for s in curated}
    return tuple(s for s in drafts if s.at not in by_hand and (s.at, s.name) not in decided)
