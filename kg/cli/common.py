"""One module per `kg` subcommand; see kg/cli.py."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from kg.cli.progress import Progress
from kg.config import Settings


def settings_from(args: argparse.Namespace) -> Settings:
    """Settings from the global flags (flags > KG_* environment > defaults)."""
    return Settings.from_env(
        data_dir=Path(args.data_dir) if getattr(args, "data_dir", None) else None,
        build_dir=Path(args.build_dir) if getattr(args, "build_dir", None) else None,
        base_iri=getattr(args, "base_iri", None),
        keep_releases=getattr(args, "keep_releases", None))


def ensure_build(settings: Settings) -> Path:
    """The current release; builds first when there is none (only then importing the
    pipeline, which takes longer to import than a query takes to run)."""
    from kg.errors import BuildNotFound
    from kg.release import store

    try:
        return store.current(settings.build_dir)
    except BuildNotFound:
        from kg import pipeline

        print(f"no build in {settings.build_dir}: building {settings.data_dir} first",
              file=sys.stderr)
        result = pipeline.run(settings, progress=stage_progress())
        assert result.release is not None
        return result.release


def stage_progress() -> Callable[[str, int, int, str], None]:
    """A progress bar (or plain lines) per build stage."""
    bars: dict[str, Progress] = {}

    def show(stage: str, done: int, total: int, what: str) -> None:
        bars.setdefault(stage, Progress(stage))(done, total, what)

    return show
