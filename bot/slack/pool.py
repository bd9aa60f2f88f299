"""A thread pool that hands each task to the thread that finished last.

``concurrent.futures.ThreadPoolExecutor`` wakes its idle threads in turn, so one request at a
time goes round all of them. Each listener thread has its own SQLite connection, and with it
its own page cache: going round five of them, every answer found its pages in a cache that had
seen a fifth of the answers before it, and read the rest again (from the disk, when the
machine had reclaimed them). Here the idle threads wait on a stack: the last to finish takes
the next task, so under a light load one thread, one connection and one warm cache answer
everything, and under a heavy one the pool still grows to ``max_workers``.
"""

from __future__ import annotations

import threading
from collections import deque
from concurrent.futures import Executor, Future
from queue import SimpleQueue

_STOP = object()  # what an idle worker is handed when the pool shuts down


class _Task:
    __slots__ = ("args", "error", "fn", "future", "kwargs", "ran", "result")

    def __init__(self, future: Future, fn, args, kwargs):
        self.future, self.fn, self.args, self.kwargs = future, fn, args, kwargs
        self.result = self.error = None
        self.ran = False

    def run(self) -> None:
        """Call the function (unless the task was cancelled) and keep its outcome."""
        if not self.future.set_running_or_notify_cancel():
            return
        self.ran = True
        try:
            self.result = self.fn(*self.args, **self.kwargs)
        except BaseException as error:
            self.error = error
        finally:
            self.fn = self.args = self.kwargs = None  # nothing of it is kept while its thread waits

    def settle(self) -> None:
        """Hand the outcome to the future."""
        if not self.ran:
            return
        if self.error is not None:
            self.future.set_exception(self.error)
        else:
            self.future.set_result(self.result)
        self.result = self.error = None


class WarmPool(Executor):
    """An executor of at most ``max_workers`` threads (started when needed) whose most recently
    idle thread runs the next task; tasks wait in order when every thread is busy."""

    def __init__(self, max_workers: int = 5, *, thread_name_prefix: str = "worker"):
        if max_workers < 1:
            raise ValueError("max_workers must be at least 1")
        self._max = max_workers
        self._prefix = thread_name_prefix
        self._lock = threading.Lock()
        self._idle: list[SimpleQueue] = []  # a stack: the last thread to finish is on top
        self._waiting: deque[_Task] = deque()
        self._threads: list[threading.Thread] = []
        self._closed = False

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        task = _Task(future, fn, args, kwargs)
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot submit to a pool that has been shut down")
            if self._idle:
                self._idle.pop().put(task)
            elif len(self._threads) < self._max:
                inbox: SimpleQueue = SimpleQueue()
                inbox.put(task)
                thread = threading.Thread(
                    target=self._work, args=(inbox,), name=f"{self._prefix}_{len(self._threads)}", daemon=True
                )
                self._threads.append(thread)
                thread.start()
            else:
                self._waiting.append(task)
        return future

    def _work(self, inbox: SimpleQueue) -> None:
        task = inbox.get()
        while task is not _STOP:
            task.run()
            following = self._next(inbox)
            # the future is done once this thread can take the next task: whoever waited on it
            # and submits again finds this thread ready
            task.settle()
            task = following if following is not None else inbox.get()

    def _next(self, inbox: SimpleQueue) -> object:
        """The task waiting longest, or ``_STOP`` once the pool is shut down; else ``None``,
        with this thread put on top of the idle stack, where its next task will find it."""
        with self._lock:
            if self._waiting:
                return self._waiting.popleft()
            if self._closed:
                return _STOP
            self._idle.append(inbox)
            return None

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Refuse new tasks; the threads finish the tasks waiting (unless ``cancel_futures``),
        then end."""
        with self._lock:
            self._closed = True
            while cancel_futures and self._waiting:
                self._waiting.popleft().future.cancel()
            for inbox in self._idle:
                inbox.put(_STOP)
            self._idle.clear()
            threads = list(self._threads)
        if wait:
            for thread in threads:
                thread.join()
