"""Remembering what was already answered, so a retried or doubled event is answered once.

Slack retries an event it thinks was not acknowledged (same ``event_id``, with an
``X-Slack-Retry-Num`` header), and a mention in a channel the bot reads can arrive both as
``app_mention`` and as a ``message``: both are keyed here and answered once.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable


class Seen:
    """A bounded, thread-safe set of keys that forgets them after ``ttl`` seconds."""

    def __init__(self, *, ttl: float = 3600.0, size: int = 10_000, clock: Callable[[], float] = time.monotonic):
        self.ttl = ttl
        self.size = size
        self.clock = clock
        self._keys: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, key: str) -> bool:
        """True the first time ``key`` is offered (within ``ttl``), False after."""
        now = self.clock()
        with self._lock:
            while self._keys:
                oldest, at = next(iter(self._keys.items()))
                if now - at < self.ttl and len(self._keys) < self.size:
                    break
                del self._keys[oldest]
            if key in self._keys:
                return False
            self._keys[key] = now
            return True
