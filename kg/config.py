"""One Settings object: command-line flags > KG_* environment variables > defaults."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.errors import InputError
from kg.namespaces import DEFAULT_BASE

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SLUG_LENGTH = 120  # a regulation's id: readable, ASCII, stable
SLUG = re.compile(rf"[a-z0-9][a-z0-9-]{{0,{SLUG_LENGTH - 1}}}")


# A query worker copies a store this small into memory (lookups two to five times
# faster), in the background while it answers from disk, so `kg serve` is ready at once.
# Guangdong's 860,000 quads take 5 s and about 500 MB per worker; the whole corpus
# (some 17 million) stays on disk.
MEMORY_QUADS = 1_500_000
# Releases kept in build/releases: the current one, the one a running server may still
# be reading, and one more to go back to. At corpus size one release is 29 GB, so an
# operator short of disk keeps 2; fewer would delete the release a server still reads.
KEEP_RELEASES, FEWEST_RELEASES = 3, 2

def _env_path(name: str, default: Path) -> Path:
    return Path(os.environ[name]) if os.environ.get(name) else default


def _number(name: str, text: str, kind: type) -> object:
    try:
        return kind(text)
    except ValueError:
        raise InputError(name, None, f"{text!r} is not a number") from None


@dataclass(frozen=True)
class Settings:
    root: Path = PROJECT_ROOT
    data_dir: Path = field(default=None)  # type: ignore[assignment]
    ontology_dir: Path = field(default=None)  # type: ignore[assignment]
    queries_dir: Path = field(default=None)  # type: ignore[assignment]
    build_dir: Path = field(default=None)  # type: ignore[assignment]
    base_iri: str = DEFAULT_BASE
    memory_quads: int = MEMORY_QUADS  # query workers copy a store this small into memory
    queue_wait: float = 1.0         # seconds a request waits for a free query worker
    keep_releases: int = KEEP_RELEASES  # releases kept in build/releases

    def __post_init__(self) -> None:
        defaults = {"data_dir": "data", "ontology_dir": "ontology", "queries_dir": "queries",
                    "build_dir": "build"}
        for name, folder in defaults.items():
            if getattr(self, name) is None:
                object.__setattr__(self, name, self.root / folder)
        if self.keep_releases < FEWEST_RELEASES:
            raise InputError("--keep-releases (KG_KEEP_RELEASES)", None,
                             f"keep at least {FEWEST_RELEASES} releases (the current one "
                             f"and the one a server may still read), not {self.keep_releases}")

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then KG_* variables, then explicit (non-None) overrides."""
        root = _env_path("KG_ROOT", PROJECT_ROOT)
        values: dict[str, object] = {"root": root}
        for name in ("data_dir", "ontology_dir", "queries_dir", "build_dir"):
            env = os.environ.get(f"KG_{name.upper()}")
            if env:
                values[name] = Path(env)
        if os.environ.get("KG_BASE_IRI"):
            values["base_iri"] = os.environ["KG_BASE_IRI"]
        for name, kind in (("memory_quads", int), ("queue_wait", float),
                           ("keep_releases", int)):
            env = os.environ.get(f"KG_{name.upper()}")
            if env:
                values[name] = _number(f"KG_{name.upper()}", env, kind)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def lexicon_file(self) -> Path:
        return self.data_dir / "lexicon.toml"

    @property
    def ontology_file(self) -> Path:
        return self.ontology_dir / "dutygraph.ttl"

    @property
    def shapes_file(self) -> Path:
        return self.ontology_dir / "shapes.ttl"

    def regulation_files(self) -> list[Path]:
        """The current texts: data/<slug>.txt (plain or bookmark text) and data/<slug>.md,
        slugs being lower-case (GUIDELINE.md is not a regulation)."""
        found = [*self.data_dir.glob("*.txt"), *self.data_dir.glob("*.md")]
        return sorted(path for path in found if SLUG.fullmatch(path.stem))

    def meta_file(self, slug: str) -> Path:
        return self.data_dir / f"{slug}.meta.toml"

    def annotation_file(self, slug: str) -> Path:
        return self.data_dir / "annotations" / f"{slug}.toml"

    def draft_file(self, slug: str) -> Path:
        return self.data_dir / "annotations" / f"{slug}.draft.toml"
