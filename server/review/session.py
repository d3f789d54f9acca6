"""One reviewer's session: the regulation they hold, their undo history."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.config import Settings
from kg.errors import ReviewError
from kg.review import claims, store
from kg.review.decisions import Decision
from kg.review.workspace import Workspace


@dataclass
class Session:
    settings: Settings
    reviewer: str
    workspaces: dict[str, Workspace] = field(default_factory=dict)
    undo: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    held: str | None = None

    def open(self, slug: str) -> Workspace:
        """Hold ``slug`` (ReviewLocked when another reviewer does) and give it back the
        one held before: a reviewer works on one regulation at a time."""
        folder = self.settings.data_dir / "annotations"
        claims.claim(folder, slug, self.reviewer)
        if self.held and self.held != slug:
            claims.release(folder, self.held, self.reviewer)
        self.held = slug
        if slug not in self.workspaces:
            self.workspaces[slug] = Workspace(self.settings, slug)
        return self.workspaces[slug]

    def decide(self, slug: str, decision: Decision) -> None:
        previous = store.record(self.open(slug), decision)
        self.undo.setdefault(slug, []).append((decision.key, previous))

    def undo_last(self, slug: str, current: str | None = None) -> str:
        """Undo this session's last decision on ``slug``; with none left (a new session,
        after a crash), the decision on the ``current`` item, which becomes a draft
        again. Its key."""
        history = self.undo.get(slug)
        if history:
            key, previous = history[-1]
            store.restore(self.open(slug), key, previous, self.reviewer)
            history.pop()
            return key
        if current and self.open(slug).find(current).status != "Draft":
            self.withdraw(slug, current)
            self.undo[slug].pop()  # undoing is not itself undone
            return current
        raise ReviewError("nothing to undo in this regulation")

    def withdraw(self, slug: str, key: str) -> None:
        """Remove the decision under ``key`` (an added norm is withdrawn so)."""
        previous = store.restore(self.open(slug), key, None, self.reviewer)
        self.undo.setdefault(slug, []).append((key, previous))

    def close(self) -> None:
        if self.held:
            claims.release(self.settings.data_dir / "annotations", self.held, self.reviewer)
            self.held = None
