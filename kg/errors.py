"""Typed errors. Each names the file and line so the CLI can print one clear line."""

from __future__ import annotations

from pathlib import Path


class KGError(Exception):
    """Base class of every error the library raises on purpose."""

    exit_code = 2


class InputError(KGError):
    """Bad input: a text, metadata or annotation file that cannot be used."""

    def __init__(self, path: Path | str, line: int | None, problem: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple:  # back from a worker process as itself
        return type(self), (self.path, self.line, self.problem)


class ParseError(InputError):
    """The regulation text does not follow the bookmark text format."""


class AnnotationError(InputError):
    """An annotation does not match its regulation text."""


class ValidationFailed(KGError):
    """The graph does not conform to the SHACL shapes."""

    exit_code = 1

    def __init__(self, report_text: str) -> None:
        self.report_text = report_text
        super().__init__("the graph does not conform to ontology/shapes.ttl\n" + report_text)

    def __reduce__(self) -> tuple:
        return type(self), (self.report_text,)


class BuildNotFound(KGError):
    """No usable build exists where one was expected."""


class ReviewError(KGError):
    """A review decision that cannot be made: a wrong draft, a wrong field, a stale page."""


class ReviewLocked(ReviewError):
    """Another reviewer holds the regulation: their name and since when."""

    def __init__(self, slug: str, owner: str, since: str) -> None:
        self.slug, self.owner, self.since = slug, owner, since
        super().__init__(f"{slug} is being reviewed by {owner} since {since}; "
                         "their decisions are kept, open another regulation or wait")
