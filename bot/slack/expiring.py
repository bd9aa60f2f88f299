"""What the app remembers for a while: a bounded, thread-safe map whose entries expire."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable


class Expiring:
    """Entries kept ``ttl`` seconds at most, and ``size`` of them at most (the oldest go first)."""

    def __init__(self, *, ttl: float, size: int, clock: Callable[[], float] = time.monotonic):
        self.ttl, self.size, self.clock = ttl, size, clock
        self._items: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> object | None:
        with self._lock:
            self._forget(self.clock())
            found = self._items.get(key)
        return found[1] if found else None

    def add(self, key: str, value: object = True) -> bool:
        """Keep ``value`` under ``key``; False (and nothing changed) when ``key`` is kept already."""
        with self._lock:
            now = self.clock()
            self._forget(now)
            if key in self._items:
                return False
            self._forget(now, room=1)
            self._items[key] = (now, value)
            return True

    def _forget(self, now: float, *, room: int = 0) -> None:
        """Drop what expired, and the oldest until ``room`` more fit."""
        while self._items:
            at, _value = next(iter(self._items.values()))
            if now - at < self.ttl and len(self._items) + room <= self.size:
                break
            self._items.popitem(last=False)
