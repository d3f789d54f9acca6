"""kg eval's library entry point (the code lives in kg/drafts/evaluation/)."""

from kg.drafts.evaluation import TUPLES, Evaluation, Score, evaluate, held_out
from kg.drafts.evaluation.scoring import DEFAULT_SLUG

__all__ = ["DEFAULT_SLUG", "TUPLES", "Evaluation", "Score", "evaluate", "held_out"]
