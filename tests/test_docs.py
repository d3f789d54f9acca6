"""The README documents what the code offers: every command, named query and route."""

from __future__ import annotations

import re

from kg import queries
from kg.cli import parser
from kg.config import PROJECT_ROOT

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

    from kg.config import Settings

    app = create_app(Settings(), start_pool=False) if "start_pool" in create_app.__code__.co_varnames \
        else create_app(Settings())
    rules = {re.sub(r"<[^>]+>", "…", r.rule) for r in app.url_map.iter_rules()
             if not r.rule.startswith("/static")}
    missing = sorted(rule for rule in rules if rule.split("…")[0].rstrip("/") not in README
                     and rule != "/")
    assert not missing


def test_quick_start_has_exactly_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = quick.split("```sh", 1)[1].split("```", 1)[0]
    commands = [ln for ln in block.splitlines() if ln.strip() and not ln.startswith("#")]
    assert [c.split("#")[0].strip() for c in commands] == ["make serve", "make test"]
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
