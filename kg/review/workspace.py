"""One regulation open for review: its text, its drafts and the decisions made so far."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.config import Settings
from kg.errors import ReviewError
from kg.review.decisions import decision_key
from kg.source import annotations, lexicon, parse, tomlfile
from kg.source.annotations import Annotations
from kg.source.lexicon import Lexicon
from kg.source.model import Regulation
from kg.source.statements import Statement


@dataclass(frozen=True)
class Item:
    """A draft and what was decided on it, or a norm a reviewer added."""

    key: str
    draft: Statement | None
    decided: Statement | None = None  # the reviewed statement (None: pending or rejected)
    rejected: bool = False

    @property
    def status(self) -> str:
        """Draft, Confirmed, Corrected, Added or Rejected."""
        if self.rejected:
            return "Rejected"
        return self.decided.review.status if self.decided and self.decided.review else "Draft"

    @property
    def shown(self) -> Statement:
        """What the graph will hold: the decision, else the draft."""
        return self.decided or self.draft  # type: ignore[return-value]


@dataclass
class Workspace:
    settings: Settings
    slug: str

    @cached_property
    def regulation(self) -> Regulation:
        texts = [p for p in self.settings.regulation_files() if p.stem == self.slug]
        if not texts:
            raise ReviewError(f"no regulation {self.slug!r} in {self.settings.data_dir}")
        return parse.read(texts[0])

    @cached_property
    def lexicon(self) -> Lexicon:
        return lexicon.load([self.settings.lexicon_file])

    @cached_property
    def curated_elsewhere(self) -> Lexicon:
        """The designations the other regulations' curated files define: a designation
        named in review takes their id, as the build makes it one resource."""
        found = Lexicon()
        for path in sorted(self.curated_path.parent.glob("*.toml")):
            if path.name.endswith(".draft.toml") or path == self.curated_path:
                continue
            found = found.union(lexicon.of_file(path, tomlfile.load(path)), yielding=True)
        return found

    @property
    def curated_path(self) -> Path:
        return self.settings.annotation_file(self.slug)

    def curated(self) -> Annotations:
        """The curated file as it is now (read again each time: it is small)."""
        if not self.curated_path.exists():
            return Annotations((), Lexicon())
        return annotations.load(self.curated_path, self.regulation, self.lexicon)

    @cached_property
    def draft_annotations(self) -> Annotations:
        path = self.settings.draft_file(self.slug)
        if not path.exists():
            raise ReviewError(f"{self.slug} has no machine-made draft to review ({path})")
        known = self.lexicon.union(self.curated().terms)
        return annotations.load(path, self.regulation, known, machine_made=True)

    def items(self) -> list[Item]:
        """Every draft to review (least sure first, then in text order) and every added
        norm; drafts of units curated by hand are not for review."""
        curated = self.curated()
        if curated.complete:
            raise ReviewError(f"{self.curated_path}: complete = true, the drafts do not apply")
        by_hand = {s.at for s in curated.statements if s.review is None}
        decided = {f"{s.at} {s.review.draft}": s for s in curated.statements
                   if s.review and s.review.draft}
        rejected = {f"{r.at} {r.draft}" for r in curated.rejected}
        drafts = sorted((d for d in self.draft_annotations.statements if d.at not in by_hand),
                        key=lambda d: (d.confidence if d.confidence is not None else 0.0,
                                       _position(d)))
        items = [Item(decision_key(d), d, decided.get(decision_key(d)),
                      decision_key(d) in rejected) for d in drafts]
        added = [s for s in curated.statements if s.review and s.review.status == "Added"]
        return items + [Item(f"{s.at} added {s.name}", None, s) for s in added]

    def find(self, key: str) -> Item:
        for item in self.items():
            if item.key == key:
                return item
        raise ReviewError(f"{self.slug}: no draft {key!r} (reload the page)")


def _position(statement: Statement) -> tuple[int, int, int, int]:
    at = statement.at
    return at.article, at.paragraph, at.item or 0, statement.start
