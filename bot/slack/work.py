"""Where a listener's work runs: answers on one pool, slow fetch-and-store work (``/brief
add``, ``/digest feeds add`` and ``poll``) on another, each taking a bounded number of tasks.

Slack waits three seconds for its acknowledgement. It is given on the thread that received the
request, once the work handed on is done or :data:`QUICK` has passed, whichever is first, so it
never waits for a thread to be free: when it did (Bolt's default), five slow page fetches left
every later command waiting for a thread, unacknowledged. Slow work has threads of its own, so
answers never wait behind fetching. A full pool refuses more (:class:`Busy`): the user is told
to try again later.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

ANSWER_THREADS = 5
ANSWERS_LIMIT = 5000  # answers running or waiting: a few seconds of work, far more than Slack sends at once
SLOW_THREADS = 4
SLOW_LIMIT = SLOW_THREADS + 16  # slow tasks running or waiting
# how long the receiving thread waits for an answer before acknowledging: a quick answer then
# runs without sharing the interpreter with the acknowledgement (see bench/README.md)
QUICK = 0.01


class Busy(Exception):
    """The pool has as many tasks as it takes (or is shut down)."""


class Bounded(Executor):
    """``inner``, taking at most ``limit`` tasks at a time, running or waiting."""

    def __init__(self, inner: Executor, limit: int):
        self.inner, self.limit = inner, limit
        self._lock = threading.Lock()
        self._pending = 0

    @property
    def pending(self) -> int:
        return self._pending

    def submit(self, fn, /, *args, **kwargs) -> Future:
        with self._lock:
            if self._pending >= self.limit:
                raise Busy
            self._pending += 1
        try:
            future = self.inner.submit(fn, *args, **kwargs)
        except RuntimeError as exc:  # shut down
            self._done()
            raise Busy from exc
        future.add_done_callback(self._done)  # run, failed or cancelled
        return future

    def _done(self, _future: Future | None = None) -> None:
        with self._lock:
            self._pending -= 1

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.inner.shutdown(wait=wait, cancel_futures=cancel_futures)


@dataclass
class Work:
    answers: Executor  # answers from the store, and their delivery
    slow: Executor  # fetching pages and feeds, and storing what they hold

    @classmethod
    def default(cls, answers: Executor | None = None, slow: Executor | None = None) -> Work:
        return cls(
            answers or Bounded(ThreadPoolExecutor(ANSWER_THREADS, thread_name_prefix="listener"), ANSWERS_LIMIT),
            slow or Bounded(ThreadPoolExecutor(SLOW_THREADS, thread_name_prefix="slow"), SLOW_LIMIT),
        )

    def shutdown(self, *, wait: bool = True) -> None:
        """Take no more tasks; drop the slow ones still waiting; ``wait`` for those running."""
        self.slow.shutdown(wait=False, cancel_futures=True)
        self.answers.shutdown(wait=wait)
        self.slow.shutdown(wait=wait)


def submit(pool: Executor, task: Callable[[], object], *, quick: float = 0.0) -> bool:
    """Hand ``task`` to ``pool`` and wait for it ``quick`` seconds at most; False when the
    pool takes no more."""
    try:
        future = pool.submit(task)
    except Busy:
        return False
    if quick:
        wait([future], timeout=quick)
    return True
