"""Add regulations to data/: each text as published, its metadata and machine-made
draft annotations.

    ingest_all(settings, [folder or files…], progress)   # a province at once
    ingest(settings, file, slug=None, title=None)         # one file

The format (bookmark text, plain text, the corpus Markdown, DOCX) and the encoding
(UTF-8, GB18030) are detected; title and slug come from the file unless given. A file
that cannot be read is refused with file:line and the others go on; every repair the
parser made is a warning with file:line. Two files of one regulation with different
version dates become two versions of one work, the later one current. Ingest is
idempotent, each draft defines every designation it names that the lexicon lacks (so
any set of regulations builds, in any order), and the files of a regulation change
together or not at all (kg/drafts/ingest/journal.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from kg.config import SLUG, SLUG_LENGTH, Settings
from kg.drafts import annotator
from kg.drafts.ingest import drafttoml, files, journal, metadata, metatoml
from kg.drafts.ingest.promote import promote
from kg.errors import AnnotationError, InputError
from kg.source import annotations, lexicon, parse, tomlfile
from kg.source.lexicon import Lexicon
from kg.source.model import ParseWarning, Regulation
from kg.source.slugs import slug_for
from kg.source.statements import Anchor

__all__ = ["Ingested", "ingest", "ingest_all", "known_terms", "promote"]
KEPT_KEYS = ("title_en", "jurisdiction_en", "passed_by_en", "session_en")  # a person's English


@dataclass
class Ingested:
    """What became of one file."""

    source: Path
    slug: str | None = None
    articles: int = 0
    statements: int = 0
    new_terms: list[str] = field(default_factory=list)
    warnings: tuple[ParseWarning, ...] = ()
    written: list[Path] = field(default_factory=list)
    version: date | None = None
    current: bool = True  # False when the file is an earlier version of a regulation
    refused: InputError | None = None


Progress = Callable[[int, int, Ingested], None]


def ingest_all(settings: Settings, paths: list[Path],
               progress: Progress | None = None) -> list[Ingested]:
    """Ingest every file (folders expanded); one bad file never stops the others."""
    found = files.discover(paths)
    journal.complete(settings.data_dir)
    outcomes = []
    for done, path in enumerate(found, start=1):
        try:
            outcome = ingest(settings, path)
        except InputError as error:
            outcome = Ingested(path, refused=error)
        outcomes.append(outcome)
        if progress:
            progress(done, len(found), outcome)
    return outcomes


def ingest(settings: Settings, source: Path, slug: str | None = None, title: str | None = None,
           title_en: str | None = None, meta_file: Path | None = None) -> Ingested:
    """Parse ``source``, annotate it and write its text, metadata and draft into data/."""
    text, suffix = files.stored_text(source)
    regulation = parse.read(source, slug)  # ParseError with the line number
    slug = slug or slug_for(title or regulation.title or source.stem)
    if not SLUG.fullmatch(slug):
        raise InputError(source, None, f"--id {slug!r}: use lower-case letters, digits "
                         f"and '-', at most {SLUG_LENGTH} (e.g. gd-water-saving)")
    regulation = replace(regulation, slug=slug)
    outcome = Ingested(source, slug, len(regulation.articles), warnings=regulation.warnings,
                       version=_version_date(regulation))
    current = _place(settings, regulation, suffix, text, outcome)
    meta = _meta(settings, slug, current, title, title_en, meta_file)
    if not outcome.current:  # an earlier version: the current text's metadata names it
        outcome.written += journal.write_together(settings.data_dir, {
            settings.meta_file(slug): metatoml.render(meta, slug)})
        return outcome
    draft_text = _draft(settings, current, outcome)
    outcome.written += journal.write_together(settings.data_dir, {
        settings.data_dir / f"{slug}{suffix}": text,
        settings.meta_file(slug): metatoml.render(meta, slug),
        settings.draft_file(slug): draft_text})
    other = settings.data_dir / f"{slug}{'.txt' if suffix == '.md' else '.md'}"
    if other.exists():  # the same regulation came before in the other text format
        other.unlink()
    return outcome


def _place(settings: Settings, incoming: Regulation, suffix: str, text: str,
           outcome: Ingested) -> Regulation:
    """Where the file goes: the current text, or an earlier version of it. Returns the
    regulation that is current afterwards."""
    slug = incoming.slug
    existing = next((p for p in (settings.data_dir / f"{slug}{s}" for s in (".md", ".txt"))
                     if p.exists()), None)
    if existing is None:
        return incoming
    old = parse.read(existing, slug)
    old_date, new_date = _version_date(old), outcome.version
    if old_date and new_date and old_date > new_date:  # an earlier version comes in
        outcome.current = False
        outcome.written += journal.write_together(settings.data_dir, {
            _version_file(settings, slug, new_date, suffix): text})
        return old
    if old_date and new_date and old_date < new_date:  # the current text becomes a version
        journal.move_together(settings.data_dir, [
            (existing, _version_file(settings, slug, old_date, existing.suffix))])
    return incoming


def _version_file(settings: Settings, slug: str, day: date, suffix: str) -> Path:
    return settings.data_dir / "versions" / f"{slug}@{day.isoformat()}{suffix}"


def _version_date(regulation: Regulation) -> date | None:
    return regulation.preamble.version_date if regulation.preamble else None


def _meta(settings: Settings, slug: str, regulation: Regulation, title: str | None,
          title_en: str | None, meta_file: Path | None) -> dict:
    """Derived from the text; a person's English keys and explicit arguments win."""
    meta = metadata.derive(regulation, title)
    existing = settings.meta_file(slug)
    if existing.exists():
        known = tomlfile.load(existing)
        meta.update({k: known[k] for k in KEPT_KEYS if k in known})
        if "version" not in meta and "version" in known:
            meta["version"] = known["version"]
    if meta_file is not None:
        meta.update(tomlfile.load(meta_file))
    if title_en:
        meta["title_en"] = title_en
    _attach_version_texts(settings, slug, meta)
    return meta


def _attach_version_texts(settings: Settings, slug: str, meta: dict) -> None:
    """Earlier versions whose text is in data/versions/ name it."""
    stored = {p.stem.rpartition("@")[2]: p for p in
              (settings.data_dir / "versions").glob(f"{slug}@*")} if (
        settings.data_dir / "versions").is_dir() else {}
    versions = {v["date"].isoformat(): v for v in meta.get("version", [])}
    for day, path in stored.items():
        entry = versions.setdefault(day, {"date": date.fromisoformat(day)})
        entry["text"] = str(path.relative_to(settings.data_dir))
    if versions:
        ordered = [versions[d] for d in sorted(versions)]
        ordered[-1].pop("text", None)  # the last is the current text, data/<slug>.*
        meta["version"] = ordered


def _draft(settings: Settings, regulation: Regulation, outcome: Ingested) -> str:
    """The draft as the build will load it. A statement the loader refuses (the
    annotator's mistake, not the text's) is dropped with a warning, not the regulation."""
    known = known_terms(settings, regulation.slug)
    draft = annotator.annotate(regulation, known)
    outcome.new_terms = sorted(zh for _, zh in draft.terms)
    for _ in range(len(draft.statements) + 1):
        text = drafttoml.render(draft, regulation)
        problem = _check_draft(settings, regulation, known, text)
        if problem is None:
            break
        index, error = problem
        at = draft.statements[index].at
        outcome.warnings += (ParseWarning(str(outcome.source), _unit_line(regulation, at),
                                          "draft-statement-dropped", f"{at}: {error.problem}"),)
        del draft.statements[index]
    outcome.statements = len(draft.statements)
    return text


def _unit_line(regulation: Regulation, at: Anchor) -> int:
    paragraph = regulation.article(at.article).paragraphs[at.paragraph - 1]
    return paragraph.items[at.item - 1].line if at.item else paragraph.line


def known_terms(settings: Settings, slug: str) -> Lexicon:
    """The shared lexicon and the regulation's own curated designations: never another
    regulation's files, so a draft depends on nothing else that is ingested."""
    known = lexicon.load([settings.lexicon_file])
    curated = settings.annotation_file(slug)
    if curated.exists():
        known = known.union(lexicon.of_file(curated, tomlfile.load(curated)))
    return known


def _check_draft(settings: Settings, regulation: Regulation, known: Lexicon,
                 draft_text: str) -> tuple[int, AnnotationError] | None:
    """None when the draft loads as the build will load it; else which statement fails."""
    folder = settings.draft_file(regulation.slug).parent
    folder.mkdir(parents=True, exist_ok=True)
    probe = folder / f".{regulation.slug}.draft.check.toml"
    probe.write_text(draft_text, encoding="utf-8")
    try:
        annotations.load(probe, regulation, known, machine_made=True)
    except AnnotationError as error:
        headers = tomlfile.header_lines(probe, "statement")
        if error.line not in headers:
            raise  # not one statement's fault: the draft as a whole is broken
        return headers.index(error.line), error
    finally:
        probe.unlink()
    return None
