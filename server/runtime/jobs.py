"""What a reader asks the runtime (a Job) and what it gets back (an Outcome).

Outcomes are values, not strings: a query worker, the remote engine and the cache
all answer with one of them, and the HTTP layer turns the failures into the API's
typed errors at one place (server/http/errors.py: `body_of`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Job:
    """One query with its dataset, answer format and caps (also the cache key)."""

    query: str
    fmt: str
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    union: bool = True
    max_rows: int = 100_000
    max_bytes: int = 16 << 20
    base_iri: str | None = None


@dataclass(frozen=True)
class Answer:
    """The complete serialised answer, never a partial body."""

    body: bytes


@dataclass(frozen=True)
class SyntaxProblem:
    message: str


@dataclass(frozen=True)
class TooLarge:
    """Past the row or byte cap."""

    message: str


@dataclass(frozen=True)
class Failed:
    """The query parsed but could not be evaluated (or the remote answered badly)."""

    reason: str


class Why(Enum):
    TIMEOUT = "timeout"      # past the time limit; the worker was killed
    BUSY = "busy"            # no worker became free within the queue wait
    LOST = "lost"            # the worker died while answering


@dataclass(frozen=True)
class Unavailable:
    why: Why
    seconds: float = 0.0     # the time limit that was hit, for Why.TIMEOUT


Outcome = Answer | SyntaxProblem | TooLarge | Failed | Unavailable
