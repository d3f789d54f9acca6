"""The README documents what the code offers: every command, named query and route."""

from __future__ import annotations

from kg.cli import parser
from kg.config import PROJECT_ROOT, Settings
from kg.query import named as queries

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    commands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    missing = [name for name in commands if f"kg {name}" not in README]
    assert not missing


def test_every_named_query_is_documented() -> None:
    missing = [name for name in queries.load_all(PROJECT_ROOT / "queries")
               if f"`{name}`" not in README]
    assert not missing


def test_every_route_is_documented() -> None:
    from server import create_app

    app = create_app(Settings())
    prefixes = {rule.rule.split("<")[0].rstrip("./") for rule in app.url_map.iter_rules()}
    prefixes -= {"", "/static"}  # "/" and the linked-data catch-all are documented in prose
    missing = sorted(prefix for prefix in prefixes if f"`{prefix}" not in README)
    assert not missing


def test_quick_start_has_exactly_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = quick.split("```sh", 1)[1].split("```", 1)[0]
    commands = [ln for ln in block.splitlines() if ln.strip() and not ln.startswith("#")]
    assert [c.split("#")[0].strip() for c in commands] == ["make serve", "make test"]
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
