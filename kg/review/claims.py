"""Who is reviewing which regulation: one claim file per regulation.

Two reviewers on different regulations never meet. A second reviewer who opens a
regulation another holds gets a clear refusal (ReviewLocked, naming the holder) rather
than a chance to lose a decision. A claim whose process is gone (a crash, kill -9)
is stale and may be taken over; the same reviewer may always take their own back.
"""

from __future__ import annotations

import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path

from kg.errors import ReviewLocked
from kg.review import atomic


def claim_file(annotations_dir: Path, slug: str) -> Path:
    return annotations_dir / f"{slug}.review.lock"


def claim(annotations_dir: Path, slug: str, reviewer: str) -> None:
    """Hold ``slug`` for ``reviewer`` in this process, or raise ReviewLocked."""
    path = claim_file(annotations_dir, slug)
    with atomic.exclusive(path):
        holder = _holder(path)
        if holder and holder["reviewer"] != reviewer and _alive(holder):
            raise ReviewLocked(slug, holder["reviewer"], holder["since"])
        if holder and holder["reviewer"] == reviewer and holder["pid"] == os.getpid():
            return  # held already: every request of the session asks
        mine = {"reviewer": reviewer, "pid": os.getpid(), "host": socket.gethostname(),
                "since": datetime.now(UTC).isoformat(timespec="seconds")}
        atomic.publish(atomic.staged(path, json.dumps(mine, ensure_ascii=False)), path)


def release(annotations_dir: Path, slug: str, reviewer: str) -> None:
    """Give ``slug`` back, if this process holds it for ``reviewer``."""
    path = claim_file(annotations_dir, slug)
    with atomic.exclusive(path):
        holder = _holder(path)
        if holder and holder["reviewer"] == reviewer and holder["pid"] == os.getpid():
            path.unlink()


def holds(annotations_dir: Path, slug: str, reviewer: str) -> bool:
    holder = _holder(claim_file(annotations_dir, slug))
    return bool(holder) and holder["reviewer"] == reviewer and holder["pid"] == os.getpid()


def _holder(path: Path) -> dict | None:
    try:
        holder = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return holder if isinstance(holder, dict) and {"reviewer", "pid", "since"} <= set(
        holder) else None


def _alive(holder: dict) -> bool:
    """Whether the holding process still runs (another host's claim is trusted)."""
    if holder.get("host") != socket.gethostname():
        return True
    try:
        os.kill(int(holder["pid"]), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
