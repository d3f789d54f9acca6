"""ONE query runtime for every reader: the SPARQL endpoint, linked data, the people's
pages and the REST API all ask it, so each gets the same caps, time limit, admission
and answer cache, and all switch to a new build together (server/runtime/holder.py).

`QueryRuntime` is the interface; `EmbeddedRuntime` (server/runtime/embedded.py: killable
worker processes over the release's store) and `RemoteRuntime` (remote.py: an external
SPARQL engine) implement it. A reader never needs to know which one it has.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from server.runtime.cache import ResultCache
from server.runtime.jobs import Job, Outcome


@dataclass(frozen=True)
class ServeOptions:
    timeout: float = 10.0
    workers: int = 2
    data: tuple[tuple[Path, str], ...] = ()
    max_rows: int = 100_000
    max_bytes: int = 16 << 20
    cache_bytes: int = 64 << 20
    max_body: int = 256 << 10
    max_url: int = 16 << 10


@dataclass(frozen=True)
class ReleaseInfo:
    """What is being served: a release's name, its folder when it is local (for the
    downloads), its named graphs, its manifest and its full-text index when it has one
    (a private copy, like the store)."""

    name: str
    folder: Path | None
    graphs: tuple[str, ...]
    manifest: dict = field(default_factory=dict, hash=False, compare=False)
    search_index: Path | None = None


@runtime_checkable
class QueryRuntime(Protocol):
    options: ServeOptions
    cache: ResultCache

    @property
    def release(self) -> ReleaseInfo: ...

    def job(self, query: str, fmt: str, **dataset: object) -> Job:
        """A job carrying the serving caps."""

    def answer(self, job: Job, timeout: float | None = None,
               presumed_cheap: bool = False) -> Outcome:
        """The outcome of a job, from the cache or within the time limit (the serving
        limit, or a lower `timeout`). `presumed_cheap` marks a named query."""

    def workers(self) -> int:
        """How many query workers (or remote slots) are ready."""

    def close(self) -> None: ...


def make_job(options: ServeOptions, query: str, fmt: str, **dataset: object) -> Job:
    """A job with the serving caps, for any runtime."""
    return Job(query=query, fmt=fmt, max_rows=options.max_rows, max_bytes=options.max_bytes,
               **dataset)  # type: ignore[arg-type]


def time_limit(options: ServeOptions, timeout: float | None) -> float:
    """A client may lower the limit, never raise it."""
    return options.timeout if timeout is None else min(timeout, options.timeout)
