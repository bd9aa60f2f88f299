"""Garbage collection between answers rather than in the middle of one.

CPython collects young objects whenever 700 more have been made than freed, wherever that
happens: in a serving process, mostly in the middle of an answer, since that is where objects
are made. Every tenth collection also walks the objects that survived the last nine (the
answers kept for Share and Show more, among others), on one request in forty or so: what a p99
latency is made of (bench/README.md has the figures).

Here the same collections run at the same pace, but after a listener has finished (its answer
delivered) instead of during it. The automatic trigger stays, far higher, as a safety net for a
burst of work and for threads that run no listener (digests, feed polls). And what start-up made
(modules, the app, the store's name index) is frozen: it lives as long as the process, and no
collection needs to walk it again.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from concurrent.futures import Executor, Future

YOUNG = 700  # CPython's own thresholds: only *when* the collections run changes
PER_OLDER = 10
SAFETY = 50 * YOUNG  # past this many, an automatic collection runs wherever it is


def settle() -> None:
    """Freeze what start-up made, and leave young collections to :func:`collect_if_due`
    (automatic ones only past ``SAFETY``, turned back on should start-up have turned them off).
    Call once, when the process is ready to serve.

    Start-up is not collected first: a full collection walks the ~45,000 objects start-up
    made (20-40 ms of a cold start) to free a few hundred cyclic leftovers of imports, which
    stay frozen with the rest."""
    gc.freeze()
    gc.set_threshold(SAFETY, PER_OLDER, PER_OLDER)
    gc.enable()


def collect_if_due() -> int | None:
    """The collection CPython would have made by now, if any, by its own rule: young objects
    once more than ``YOUNG`` have been made than freed; the middle generation with them once
    more than ``PER_OLDER`` young collections have run since its last; the oldest likewise
    (CPython also waits for the oldest to have grown by a quarter, which it does not expose:
    here a full collection comes every 144th time, after the answer, at worst a few ms).
    Returns the generation collected, or ``None``."""
    young, middle, old = gc.get_count()
    if young <= YOUNG:
        return None
    generation = 0
    if middle > PER_OLDER:
        generation = 2 if old > PER_OLDER else 1
    gc.collect(generation)
    return generation


class CollectingExecutor(Executor):
    """Runs each task on ``inner``, then the collection that is due, on the same thread (for
    Bolt's listeners: after the answer has gone out)."""

    def __init__(self, inner: Executor, collect: Callable[[], object] = collect_if_due):
        self._inner = inner
        self._collect = collect

    def submit(self, fn, /, *args, **kwargs) -> Future:
        def task():
            try:
                return fn(*args, **kwargs)
            finally:
                self._collect()

        return self._inner.submit(task)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._inner.shutdown(wait=wait, cancel_futures=cancel_futures)
