"""`kg query` starts without the build pipeline: only the named command's module is
imported (the pipeline takes longer to import than a query takes to run), the store is
opened without counting its quads, and help still lists every command."""

from __future__ import annotations

import subprocess
import sys

from kg.cli import COMMANDS, named_command, parser
from kg.config import Settings

PROBE = """import sys
from kg.cli import main
code = main(["--build-dir", sys.argv[1], "query", "-", "--format", "csv"])
print(code, "kg.pipeline" in sys.modules, "pyshacl" in sys.modules)"""


def test_the_command_is_found_past_global_flags() -> None:
    assert named_command(["--build-dir", "build", "query", "x"]) == ("query",)
    assert named_command(["--data-dir=query", "stats"]) == ("stats",)
    assert named_command(["--data-dir", "stats", "serve"]) == ("serve",)
    assert named_command(["--help"]) == COMMANDS
    assert named_command(["frobnicate"]) == COMMANDS


def test_help_lists_every_command() -> None:
    text = parser().format_help()
    assert all(name in text for name in ("build", "query", "serve", "bench"))


def test_kg_query_answers_without_importing_the_pipeline(seed_settings: Settings) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, str(seed_settings.build_dir)],
                          input="SELECT (COUNT(*) AS ?n) WHERE { ?s a ?c }", text=True,
                          capture_output=True, timeout=120)
    lines = done.stdout.strip().splitlines()
    assert lines[0] == "n" and int(lines[1]) > 1000, done.stderr
    assert lines[-1] == "0 False False"
