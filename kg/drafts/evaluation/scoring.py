"""Keys, scores and the one-regulation evaluation (plain ``kg eval``: the seed, in-sample)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import cache

from kg.config import Settings
from kg.drafts import annotator
from kg.drafts.evaluation import sources
from kg.drafts.evaluation.bootstrap import ratios
from kg.errors import InputError
from kg.source import annotations, lexicon, offices, parse
from kg.source.model import Regulation
from kg.source.statements import KINDS, NORM_KINDS, Statement

DEFAULT_SLUG = "gd-industrial-transfer"
TUPLES = "tuples (art, para, class, addressee)"
PENALTIES = "penalties (unit, kind, bounds, enforces)"
Key = tuple[str, ...]  # the first element is always the unit (str(Anchor))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return ratios(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return ratios(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return ratios(self.tp, self.fp, self.fn)[2]

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

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
    units: list[str] = field(default_factory=list)  # every scored paragraph and item
    keys: dict[str, tuple[set[Key], set[Key]]] = field(default_factory=dict)  # gold, guess
    by_rule: dict[str, Score] = field(default_factory=dict)  # tuple precision per rule

    def as_dict(self) -> dict:
        return {"slug": self.slug, "articles": self.articles,
                "curated_articles": self.curated_articles,
                "scores": {k: v.as_dict() for k, v in self.rows.items()},
                "errors": self.errors}


def evaluate(settings: Settings, slug: str = DEFAULT_SLUG, whole: bool = False) -> Evaluation:
    """Annotate ``slug`` afresh and score it against data/annotations/<slug>.toml: up to
    its last curated article, or (``whole``: a fully reviewed regulation, where a
    rejected draft leaves an article without statements) every article."""
    curated_path = settings.annotation_file(slug)
    if not curated_path.exists():
        raise InputError(curated_path, None, "no curated annotations to evaluate against")
    regulation = parse.read(sources.text_path(settings, slug), slug)
    lex = lexicon.load([settings.lexicon_file])
    curated = list(annotations.load(curated_path, regulation, lex).statements)
    predicted = annotator.annotate(regulation, lex).statements
    last = max((s.at.article for s in curated), default=0)
    if whole:
        last = max((a.ordinal for a in regulation.articles), default=last)
    predicted = [s for s in predicted if s.at.article <= last]
    result = Evaluation(slug, len(regulation.articles), last, units=_units(regulation, last))
    for name, keys in VIEWS.items():
        gold, guess = set(keys(curated)), set(keys(predicted))
        result.keys[name] = (gold, guess)
        result.rows[name] = Score(len(gold & guess), len(guess - gold), len(gold - guess))
        result.errors[name] = {"missed": sorted(map(_show, gold - guess)),
                               "spurious": sorted(map(_show, guess - gold))}
    result.by_rule = rule_precision(curated, predicted)
    return result


def rule_precision(curated: list[Statement], predicted: list[Statement]) -> dict[str, Score]:
    """How often each annotator rule's (unit, class, addressee) tuples are right: the
    check on the confidences the rules carry."""
    def keys_of(ss: list[Statement]) -> set[Key]:  # a provision has no addressee
        return VIEWS[TUPLES](ss) | {(str(s.at), s.kind) for s in ss if not s.addressees}

    gold = keys_of(curated)
    scores: dict[str, Score] = {}
    for statement in predicted:
        keys = keys_of([statement])
        score = scores.setdefault(statement.rule or "none", Score())
        score.tp += len(keys & gold)
        score.fp += len(keys - gold)
    return dict(sorted(scores.items()))


def _units(regulation: Regulation, last: int) -> list[str]:
    units = []
    for article in regulation.articles[:last]:
        for paragraph in article.paragraphs:
            units.append(f"{article.ordinal}.{paragraph.ordinal}")
            units += [f"{article.ordinal}.{paragraph.ordinal}.{item.ordinal}"
                      for item in paragraph.items]
    return units


@cache
def actor(designation: str) -> str:
    """One key per actor: an office's canonical wording, any other party's text."""
    office = offices.parse(designation)
    return office.canonical if office else designation


def _by_class(kind: str) -> Callable[[list[Statement]], set[Key]]:
    return lambda ss: {(str(s.at), s.kind) for s in ss if s.kind == kind}


def _penalty_keys(ss: list[Statement]) -> set[Key]:
    keys = set()
    for s in ss:
        enforced = ",".join(sorted({str(c.article) for c in s.enforces}, key=int))
        for p in s.penalties:
            bounds = "/".join(f"{b.normalize():f}" if b is not None else "" for b in (
                p.min_amount, p.max_amount, p.min_multiple, p.max_multiple))
            keys.add((str(s.at), p.kind, bounds, enforced))
    return keys


VIEWS: dict[str, Callable[[list[Statement]], set[Key]]] = {
    **{kind: _by_class(kind) for kind in KINDS},
    "norms (unit, class)": lambda ss: {(str(s.at), s.kind) for s in ss if s.kind in NORM_KINDS},
    "addressees": lambda ss: {(str(s.at), actor(a)) for s in ss for a in s.addressees},
    "promoters": lambda ss: {(str(s.at), actor(a)) for s in ss for a in s.promoters},
    "mechanisms": lambda ss: {(str(s.at), m) for s in ss for m in s.establishes},
    TUPLES: lambda ss: {(str(s.at), s.kind, actor(a)) for s in ss for a in s.addressees},
    PENALTIES: _penalty_keys,
}


def _show(key: Iterable[object]) -> str:
    return " ".join(str(k) for k in key)
