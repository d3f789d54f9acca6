"""Progress of long work: a bar on a terminal, plain lines where there is none (CI, logs)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 28
LONG = 10  # steps from which work counts as long enough to show its progress


class Progress:
    """Call with (done, total, what) after each step."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.tty = self.stream.isatty()

    def __call__(self, done: int, total: int, what: str) -> None:
        if total < LONG:
            return
        elapsed = time.monotonic() - self.started
        left = elapsed / done * (total - done) if done else 0.0
        timing = f"{_clock(elapsed)} elapsed, {_clock(left)} left"
        if self.tty:
            filled = WIDTH * done // max(total, 1)
            bar = "█" * filled + "·" * (WIDTH - filled)
            end = "\n" if done == total else ""
            self.stream.write(f"\r{self.label} {bar} {done}/{total} {timing} {what[:40]:<40}"
                              + end)
        else:
            self.stream.write(f"{self.label} {done}/{total} ({timing}): {what}\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"
