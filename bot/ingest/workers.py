"""Reading articles in worker processes, each article under a deadline.

Extraction (and trafilatura's reading of a page) is pure CPU and holds the interpreter lock
while it runs: in the serving process, one article that takes a minute would stop every
listener for that minute. Here each call runs in one of a few worker processes, one call at a
time per process; a call that passes the deadline has its process killed and replaced, and is
refused with its reason (:class:`TooSlow`), while the other calls go on undisturbed.

Workers are started when first needed, from a fork server (``spawn`` where there is none):
forking the serving process itself, which has threads, is unsafe. A worker ignores Ctrl-C (its
parent stops it) and kills itself with ``SIGALRM`` a little after the deadline, should its
parent have died without stopping it.
"""

from __future__ import annotations

import collections
import contextlib
import importlib
import logging
import math
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.ingest.files import Unreadable

log = logging.getLogger(__name__)

Runner = Callable[..., Any]  # runner(fn, *args) -> fn(*args), here or in a worker process

DEFAULT_WORKERS = 2
PRELOAD = ("bot.ingest.reading",)  # imported once by the fork server, so that a new worker is ready at once
GRACE = 5  # seconds a worker outlives its deadline on its own, should its parent be gone
STOPPING = "not read: the bot is stopping"
WARM_JOIN = 10  # seconds close() waits for a warm-up under way to finish its worker's start


def processors() -> int:
    """How many processors this process may run on (``taskset`` and containers may allow fewer
    than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Named:
    """A function named by its module and name, imported where it is called: given to a pool, in
    the worker (from what its fork server preloaded), so that the caller need not import it."""

    module: str
    name: str

    def __call__(self, *args: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.name)(*args)


def inline(fn: Callable[..., Any], /, *args: Any) -> Any:
    """The runner that runs ``fn`` here, in this thread (files ingested from the command line)."""
    return fn(*args)


class TooSlow(Unreadable):
    """Reading an article passed the deadline."""


def _serve(conn, seconds: float, initializer: Callable[[], object] | None) -> None:
    """A worker process: call each function sent, send back ("ok", result) or ("error",
    exception), until the parent closes the connection."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer()
    alarm = getattr(signal, "alarm", None)
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        if alarm:
            alarm(math.ceil(seconds) + GRACE)
        try:
            reply = ("ok", fn(*args))
        except Exception as exc:
            reply = ("error", exc)
        if alarm:
            alarm(0)
        try:
            conn.send(reply)
        except OSError:  # the parent is gone
            return
        except Exception as exc:  # an unpicklable result or exception
            conn.send(("error", Unreadable(f"could not be read ({type(exc).__name__})")))


class _Worker:
    def __init__(self, context, seconds: float, initializer):
        self.conn, theirs = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(theirs, seconds, initializer), name="newsbot-reader", daemon=True
        )
        self.process.start()
        theirs.close()
        self.calls = 0  # calls given it and not given back (at most the pool's depth)
        self.dead = False  # stopped, or to be: given no more calls
        # the callers whose calls were sent it, in that order: each reads its answer in its turn
        self.turns: collections.deque[object] = collections.deque()
        self.turn = threading.Condition()

    def kill(self) -> None:
        """Kill the process (a caller waiting on it then reads the end of the connection)."""
        with contextlib.suppress(OSError):
            self.process.kill()

    def stop(self) -> None:
        self.conn.close()
        self.kill()
        self.process.join(5)


class WorkerPool:
    """At most ``workers`` processes, each running one call at a time for at most ``seconds``.

    Call it as a runner: ``pool(fn, *args)`` returns ``fn(*args)`` run in a worker (``fn`` and
    the arguments are pickled: ``fn`` must be a module-level function), raises what it raised,
    or :class:`TooSlow` when it took longer than ``seconds``. A caller waits while every worker
    is busy. ``initializer`` runs in each new worker (tests use it).

    ``depth``: calls a worker is given at a time, when none is idle. With 2 (a bulk load: the
    next call waits in the worker's pipe), a worker goes from one call to the next without
    waiting for its caller's process to take the answer and send another, which it does in its
    turn for the interpreter lock (``newsbot ingest``'s workers waited 0.2-0.4 s of a run so);
    each call's deadline runs from the answer to the call before it. A call given a worker that
    dies, or that passes the deadline on the call before, is tried again on another, as any call
    whose worker died. With 1 (the serving process), no call waits behind another's."""

    def __init__(
        self,
        *,
        workers: int = DEFAULT_WORKERS,
        seconds: float = 20.0,
        initializer: Callable[[], object] | None = None,
        preload: Sequence[str] = PRELOAD,
        depth: int = 1,
    ):
        if workers < 1 or seconds <= 0 or depth < 1:
            raise ValueError("a pool needs at least one worker, a deadline and a depth")
        self.workers, self.seconds, self.initializer, self.depth = workers, seconds, initializer, depth
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if self._context.get_start_method() == "forkserver":
            self._context.set_forkserver_preload(list(preload))  # heeded when the fork server starts
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._count = 0  # workers alive or being started
        self._ready = threading.Condition()
        self._closed = False
        self._warming: threading.Thread | None = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def processes(self) -> list:
        """The worker processes alive now (``multiprocessing.Process``)."""
        with self._ready:
            return [w.process for w in (*self._idle, *self._busy)]

    def warm(self) -> None:
        """Start every worker now, on a thread of its own, while the caller gets on with its own
        start (the fork server's first start imports what it preloads: a few tenths of a second
        that the first calls would otherwise wait for)."""

        def start() -> None:
            # each worker idle as soon as it has started: this thread held the first while it
            # waited for the second, which the callers, taking back a worker the moment they give
            # it back, kept from it for seconds, the first worker idle all the while
            while True:
                with self._ready:
                    if self._closed or self._count >= self.workers:
                        return
                    self._count += 1
                try:
                    worker = _Worker(self._context, self.seconds, self.initializer)
                except Exception:  # a worker that cannot start now is started (or reported) when called
                    self._give_back(None, usable=False)
                    log.warning("reading workers could not be started ahead", exc_info=True)
                    return
                worker.calls = 1  # given back as if it had answered a call
                self._give_back(worker, usable=True)  # stopped, should the pool be closed meanwhile

        self._warming = threading.Thread(target=start, name="newsbot-readers-start", daemon=True)
        self._warming.start()

    def _take(self) -> _Worker:
        """An idle worker, else a new one when there are fewer than ``workers``, else a busy one
        with fewer than ``depth`` calls; else wait. The worker counts the call."""
        dead = []
        try:
            with self._ready:
                while True:
                    if self._closed:
                        raise Unreadable(STOPPING)
                    roomy = [w for w in self._busy if w.calls < self.depth]
                    if self._idle:
                        worker = self._idle.pop()
                        if worker.process.is_alive():
                            worker.calls = 1
                            self._busy.add(worker)
                            return worker
                        dead.append(worker)  # died while idle (the out-of-memory killer...)
                        worker.dead = True
                        self._count -= 1
                    elif self._count < self.workers:
                        self._count += 1
                        break
                    elif roomy:
                        worker = min(roomy, key=lambda w: w.calls)
                        worker.calls += 1
                        return worker
                    else:
                        self._ready.wait()
        finally:
            for worker in dead:
                worker.stop()
        try:
            worker = _Worker(self._context, self.seconds, self.initializer)  # outside the lock: it takes a while
        except BaseException:
            self._give_back(None, usable=False)
            raise
        worker.calls = 1
        with self._ready:
            if not self._closed:
                self._busy.add(worker)
                return worker
        self._give_back(worker, usable=False)
        raise Unreadable(STOPPING)

    def _give_back(self, worker: _Worker | None, *, usable: bool) -> None:
        """A call's worker back: idle when it has no other call, stopped when it is not
        ``usable`` (its process died, or it passed the deadline) or the pool is closed."""
        stop = False
        with self._ready:
            if worker is None:  # one that could not be started
                self._count -= 1
            else:
                worker.calls -= 1
                if (not usable or self._closed) and not worker.dead:
                    worker.dead = stop = True
                    self._busy.discard(worker)
                    self._count -= 1
                elif not worker.dead and worker.calls == 0:
                    self._busy.discard(worker)
                    self._idle.append(worker)
            self._ready.notify()
        if stop:
            worker.stop()

    def __call__(self, fn: Callable[..., Any], /, *args: Any) -> Any:
        # a worker that dies (killed, out of memory...) may have died before it was given this
        # call, or for another reason than this call: the call is tried once more, on a new one
        for attempt in (1, 2):
            status, value = self._call(fn, args, last=attempt == 2)
            if status != "died":
                break
        if status == "error":
            raise value
        return value

    def _call(self, fn: Callable[..., Any], args: tuple, *, last: bool) -> tuple[str, Any]:
        worker = self._take()
        reply: tuple[str, Any] = ("died", None)
        me = object()
        try:
            with worker.turn:  # sent in the order the answers are read
                worker.conn.send((fn, args))
                worker.turns.append(me)
                while worker.turns[0] is not me:  # the calls sent before this one answered first
                    worker.turn.wait()
            if not worker.conn.poll(self.seconds):
                log.warning("reading took longer than %g s: worker %s replaced", self.seconds, worker.process.pid)
                raise TooSlow(f"took longer than {self.seconds:g} s to read")
            reply = worker.conn.recv()
        except (EOFError, OSError) as exc:
            if self._closed:
                raise Unreadable(STOPPING) from exc
            worker.process.join(1)
            log.warning("a reading worker stopped (exit code %s)", worker.process.exitcode)
            if last:
                raise Unreadable("could not be read (the process reading it stopped)") from exc
        finally:
            # stopped before the next caller's turn, should this call have failed: that one must
            # not read the answer to this one
            self._give_back(worker, usable=reply[0] != "died")
            with worker.turn:
                if me in worker.turns:
                    worker.turns.remove(me)
                worker.turn.notify_all()
        return reply

    def close(self) -> None:
        """Stop every worker: idle ones here, busy ones by killing their process (their callers
        get :class:`Unreadable` and stop them). A warm-up under way is waited for (a bounded
        while): the worker it is starting is stopped as it is given back, and the process does not
        exit with a start half done (the fork server or its resource tracker half launched)."""
        with self._ready:
            self._closed = True
            self._ready.notify_all()
        warming = self._warming
        if warming is not None and warming is not threading.current_thread():
            warming.join(WARM_JOIN)
        with self._ready:
            idle, busy = list(self._idle), list(self._busy)
            self._idle.clear()
        for worker in idle:
            worker.stop()
        for worker in busy:
            worker.kill()
