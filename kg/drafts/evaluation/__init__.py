"""Measuring the rule annotator against curated annotations (kg eval).

    evaluate(settings, slug)            one regulation: Evaluation (scores, errors)
    held_out(settings)                  the held-out regulations, each and pooled,
                                        with bootstrap CIs, plus the per-regulation
                                        ("leave-one-out") spread over every curated file

Both sides are reduced to sets of keys and compared (scoring.VIEWS): per class
(unit, class), addressees (unit, addressee), promoters, mechanisms, the headline
(article, paragraph[, item], class, addressee) tuples, and for liabilities
(clause unit) and (clause unit, penalty kind, bounds, enforced articles). Designations
of offices are compared by the actor grammar's canonical form (kg.source.offices), as
the graph makes equal offices one actor; every other designation by its text.

Confidence intervals resample units (paragraphs and items) with replacement, 1,000
times with a fixed seed, and report the 2.5th and 97.5th percentiles (bootstrap.py).
"""

from kg.drafts.evaluation.heldout import (
    DEVELOPMENT,
    HELD_OUT,
    HeldOut,
    RegulationResult,
    held_out,
)
from kg.drafts.evaluation.scoring import TUPLES, Evaluation, Score, evaluate

__all__ = ["DEVELOPMENT", "HELD_OUT", "TUPLES", "Evaluation", "HeldOut", "RegulationResult",
           "Score", "evaluate", "held_out"]
