"""Remembering what was already answered, so a retried or doubled event is answered once.

Slack retries an event it thinks was not acknowledged (same ``event_id``, with an
``X-Slack-Retry-Num`` header), and a mention in a channel the bot reads can arrive both as
``app_mention`` and as a ``message``: both are keyed here and answered once.

One process keeps the keys in memory. Replicas behind a load balancer each receive some of
the deliveries (a retry, or the ``message`` twin of an ``app_mention``, may reach another
replica): they keep the keys in the store they share (``notes``), where of two replicas
offering the same key at once, one is first.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bot.slack.expiring import Expiring
from storage import iso
from storage.interface import Notes

FORGET_AFTER = timedelta(days=1)  # notes older than this are dropped from the store
FORGET_EVERY = 1000  # ... once in this many notes taken


class Seen:
    """A bounded, thread-safe set of keys that forgets them after ``ttl`` seconds; in the
    store's ``notes`` when given (replicas), else in this process's memory."""

    def __init__(
        self,
        *,
        ttl: float = 3600.0,
        size: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
        notes: Notes | None = None,
    ):
        self._keys = Expiring(ttl=ttl, size=size, clock=clock)
        self.ttl = timedelta(seconds=ttl)
        self.notes = notes
        self._taken = 0

    def first_time(self, key: str) -> bool:
        """True the first time ``key`` is offered (within ``ttl``), False after."""
        if self.notes is None:
            return self._keys.add(key)
        now = datetime.now(UTC)
        self._taken += 1
        if self._taken % FORGET_EVERY == 0:
            self.notes.forget(before=iso(now - FORGET_AFTER))
        return self.notes.first(f"seen:{key}", now=iso(now), since=iso(now - self.ttl))
