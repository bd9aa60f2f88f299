"""Remembering what was already answered, so a retried or doubled event is answered once.

Slack retries an event it thinks was not acknowledged (same ``event_id``, with an
``X-Slack-Retry-Num`` header), and a mention in a channel the bot reads can arrive both as
``app_mention`` and as a ``message``: both are keyed here and answered once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.slack.expiring import Expiring


class Seen:
    """A bounded, thread-safe set of keys that forgets them after ``ttl`` seconds."""

    def __init__(self, *, ttl: float = 3600.0, size: int = 10_000, clock: Callable[[], float] = time.monotonic):
        self._keys = Expiring(ttl=ttl, size=size, clock=clock)

    def first_time(self, key: str) -> bool:
        """True the first time ``key`` is offered (within ``ttl``), False after."""
        return self._keys.add(key)
