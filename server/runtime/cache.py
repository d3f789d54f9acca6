"""The runtime's one in-process cache, an LRU bounded in bytes: finished answers
(keyed by Job), replayed HTTP answers of GET /sparql and page data.

The data does not change while one build is served, so an answer for the same
query text, dataset and format can be reused while the runtime lives (a reload,
SIGHUP, makes a new runtime with a new cache).
"""

from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class ResultCache:
    def __init__(self, max_bytes: int = 64 << 20, max_entry: int = 4 << 20) -> None:
        self.max_bytes, self.max_entry = max_bytes, max_entry
        self._items: OrderedDict[Hashable, tuple[int, object]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> object | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return item[1]

    def put(self, key: Hashable, value: object, size: int | None = None) -> None:
        """Keep a value (bytes, or anything with an explicit size in bytes)."""
        size = len(value) if size is None else size  # type: ignore[arg-type]
        if size > self.max_entry:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self._size -= old[0] if old is not None else 0
            self._items[key] = (size, value)
            self._size += size
            while self._size > self.max_bytes and self._items:
                _, (dropped, _) = self._items.popitem(last=False)
                self._size -= dropped

    def memo(self, key: Hashable, make: Callable[[], object]) -> object:
        """The value kept under `key`, made (and kept, sized by its pickle) if absent."""
        found = self.get(key)
        if found is None:
            found = make()
            self.put(key, found, size=len(pickle.dumps(found, pickle.HIGHEST_PROTOCOL)))
        return found

    def __len__(self) -> int:
        return len(self._items)
