"""Metadata as data/<slug>.meta.toml text: plain keys first, then [[version]] tables."""

from __future__ import annotations

import datetime as dt
import json

FIRST_KEYS = ("title_zh", "title_en")


def render(meta: dict, slug: str) -> str:
    lines = [f"# Metadata of the regulation {slug} (written by kg ingest from its text; "
             "English keys a person edits are kept)."]
    plain = [k for k in meta if k != "version"]
    for key in (*[k for k in FIRST_KEYS if k in meta], *sorted(set(plain) - set(FIRST_KEYS))):
        lines.append(f"{key} = {_value(meta[key])}")
    for version in meta.get("version", []):
        lines += ["", "[[version]]"]
        lines += [f"{key} = {_value(value)}" for key, value in version.items()
                  if value is not None]
    return "\n".join(lines) + "\n"


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)
