"""One module per `kg` subcommand; see kg/cli.py."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.config import Settings


def settings_from(args: argparse.Namespace) -> Settings:
    """Settings from the global flags (flags > KG_* environment > defaults)."""
    return Settings.from_env(
        data_dir=Path(args.data_dir) if getattr(args, "data_dir", None) else None,
        build_dir=Path(args.build_dir) if getattr(args, "build_dir", None) else None,
        base_iri=getattr(args, "base_iri", None))


def ensure_build(settings: Settings) -> Path:
    """The current release; builds first when there is none."""
    from kg import pipeline
    from kg.errors import BuildNotFound
    from kg.release import store

    try:
        return store.current(settings.build_dir)
    except BuildNotFound:
        result = pipeline.run(settings)
        assert result.release is not None
        return result.release
