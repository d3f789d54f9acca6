"""Measure the rule annotator against curated annotations (kg eval).

Both sides are reduced to sets of keys and compared: per class (unit, class),
addressees (unit, addressee), mechanisms (unit, mechanism) and the headline
(article, paragraph[, item], class, addressee) tuples. Only the articles the curated
file reaches (1..its last annotated article) are scored, so a partly curated
regulation is measured on what has been curated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

from kg.config import Settings
from kg.drafts import annotator
from kg.errors import InputError
from kg.source import annotations, lexicon, parse
from kg.source.statements import KINDS, NORM_KINDS

DEFAULT_SLUG = "gd-industrial-transfer"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {**asdict(self), "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Evaluation:
    slug: str
    articles: int
    curated_articles: int
    rows: dict[str, Score] = field(default_factory=dict)
    errors: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"slug": self.slug, "articles": self.articles,
                "curated_articles": self.curated_articles,
                "scores": {k: v.as_dict() for k, v in self.rows.items()},
                "errors": self.errors}


def evaluate(settings: Settings, slug: str = DEFAULT_SLUG) -> Evaluation:
    """Annotate ``slug`` afresh and score it against data/annotations/<slug>.toml."""
    text_path = settings.data_dir / f"{slug}.txt"
    curated_path = settings.annotation_file(slug)
    if not curated_path.exists():
        raise InputError(curated_path, None, "no curated annotations to evaluate against")
    regulation = parse.read(text_path, slug)
    lex = lexicon.load([settings.lexicon_file])
    curated = list(annotations.load(curated_path, regulation, lex).statements)
    predicted = annotator.annotate(regulation, lex).statements
    last = max((s.at.article for s in curated), default=0)
    predicted = [s for s in predicted if s.at.article <= last]
    result = Evaluation(slug, len(regulation.articles), last)
    for name, keys in _views().items():
        gold, guess = set(keys(curated)), set(keys(predicted))
        result.rows[name] = Score(len(gold & guess), len(guess - gold), len(gold - guess))
        result.errors[name] = {"missed": sorted(map(_show, gold - guess)),
                               "spurious": sorted(map(_show, guess - gold))}
    return result


def _views() -> dict[str, Callable[[list], set]]:
    views = {kind: _by_class(kind) for kind in KINDS}
    views["norms (unit, class)"] = lambda ss: {(str(s.at), s.kind) for s in ss
                                              if s.kind in NORM_KINDS}
    views["addressees"] = lambda ss: {(str(s.at), a) for s in ss for a in s.addressees}
    views["promoters"] = lambda ss: {(str(s.at), a) for s in ss for a in s.promoters}
    views["mechanisms"] = lambda ss: {(str(s.at), m) for s in ss for m in s.establishes}
    views["tuples (art, para, class, addressee)"] = lambda ss: {
        (str(s.at), s.kind, a) for s in ss for a in s.addressees}
    return views


def _by_class(kind: str) -> Callable[[list], set]:
    return lambda ss: {(str(s.at), s.kind) for s in ss if s.kind == kind}


def _show(key: Iterable[object]) -> str:
    return " ".join(str(k) for k in key)
