"""`kg eval --reviewed`: regulations whose every draft a reviewer decided on (kg review)
taken as gold, each and pooled.

Reviewed drafts favour the annotator: a reviewer who starts from a draft tends to keep
what it says, and what neither the rules nor the reviewer saw stays missed. These scores
are an upper bound beside `--held-out`, whose gold was curated from the text alone."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.config import Settings
from kg.drafts.evaluation.scoring import Evaluation, Score, evaluate
from kg.review import progress
from kg.review.progress import Progress

NOTE = ("reviewed drafts favour the annotator: a reviewer who starts from a draft tends "
        "to keep it, and what neither saw stays missed; read these scores as an upper "
        "bound beside --held-out (gold curated from the text alone)")


@dataclass
class Reviewed:
    regulations: list[Evaluation] = field(default_factory=list)
    pooled: dict[str, Score] = field(default_factory=dict)
    partial: list[Progress] = field(default_factory=list)  # begun, not finished: left out


def reviewed(settings: Settings) -> Reviewed:
    """Score the annotator on every fully reviewed regulation; a regulation only part
    reviewed is named and left out (its undecided drafts would count as gold)."""
    result = Reviewed()
    for counted in progress.corpus(settings):
        if counted.total and counted.reviewed == counted.total:
            result.regulations.append(evaluate(settings, counted.slug, whole=True))
        elif counted.reviewed:
            result.partial.append(counted)
    for evaluation in result.regulations:
        for name, score in evaluation.rows.items():
            result.pooled.setdefault(name, Score()).add(score)
    return result
