"""Keeping the log's size bounded whatever anyone sends the bot.

A request can make a log line long (a library that logs the body it refused) and a flood of
requests can make many; :class:`Bounded`, on the handlers ``newsbot run`` writes to, cuts any
record to ``MAX_MESSAGE`` characters (its traceback to ``MAX_TRACEBACK``) and lets through at
most ``BURST`` alike warnings (the same logger, level and opening words) in ``WINDOW``
seconds; the first one let through after that says how many were left out. Lines below
WARNING are never dropped: INFO is what the bot itself does, DEBUG was asked for.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

MAX_MESSAGE = 2000
MAX_TRACEBACK = 20_000
BURST = 20
WINDOW = 60.0
ALIKE = 48  # the opening characters of a message that make two lines alike
MAX_KINDS = 1000  # kinds of lines remembered at once

_formatter = logging.Formatter()


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... [{len(text) - limit:,} more characters]"


class Bounded(logging.Filter):
    def __init__(self, *, burst: int = BURST, window: float = WINDOW, clock: Callable[[], float] = time.monotonic):
        super().__init__()
        self.burst, self.window, self.clock = burst, window, clock
        self._kinds: dict[tuple, list] = {}  # kind -> [window start, lines let through, lines left out]
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        left_out = 0
        if record.levelno >= logging.WARNING:
            let_through, left_out = self._count(record)
            if not let_through:
                return False
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: leave it to logging to report
            return True
        if left_out:
            message = f"{message} [{left_out:,} more like this in the last {self.window:g} s were not logged]"
        if left_out or len(message) > MAX_MESSAGE:
            record.msg, record.args = cut(message, MAX_MESSAGE), None
        if record.exc_info and not record.exc_text:
            record.exc_text = _formatter.formatException(record.exc_info)
        if record.exc_text and len(record.exc_text) > MAX_TRACEBACK:
            record.exc_text = cut(record.exc_text, MAX_TRACEBACK)
        return True

    def _count(self, record: logging.LogRecord) -> tuple[bool, int]:
        """Whether ``record`` may be written, and how many alike were left out before it."""
        kind = (record.name, record.levelno, str(record.msg)[:ALIKE])
        now = self.clock()
        with self._lock:
            seen = self._kinds.get(kind)
            if seen is None or now - seen[0] >= self.window:
                left_out = seen[2] if seen is not None else 0
                if len(self._kinds) >= MAX_KINDS:
                    self._forget(now)
                self._kinds[kind] = [now, 1, 0]
                return True, left_out
            if seen[1] < self.burst:
                seen[1] += 1
                return True, 0
            seen[2] += 1
            return False, 0

    def _forget(self, now: float) -> None:
        """Drop the kinds whose window has ended (all of them if that is not enough)."""
        for kind in [k for k, seen in self._kinds.items() if now - seen[0] >= self.window]:
            del self._kinds[kind]
        if len(self._kinds) >= MAX_KINDS:
            self._kinds.clear()


_installed: list[tuple[logging.Handler, Bounded]] = []


def install(logger: logging.Logger | None = None, **options) -> Bounded:
    """Put one :class:`Bounded` on each handler of ``logger`` (the root logger by default), in
    place of the one installed before, if any."""
    uninstall()
    bounded = Bounded(**options)
    for handler in (logger or logging.getLogger()).handlers:
        handler.addFilter(bounded)
        _installed.append((handler, bounded))
    return bounded


def uninstall() -> None:
    while _installed:
        handler, bounded = _installed.pop()
        handler.removeFilter(bounded)
