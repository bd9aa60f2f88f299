"""The work of a running bot that no answer needs: the digest scheduler (and ``/digest``'s
commands over it), the follows' worker, and page and feed reading. Part of the composition root
(bot/app.py): it puts surfaces and fetching together, built on first use or once the bot is idle."""

from __future__ import annotations

import logging
import sys
import threading
import time

from bot.answers import prepare
from bot.config import Settings
from bot.slack.app import once_client

log = logging.getLogger("bot.slack")

# idle: under IDLE of a core for LOOK seconds
IDLE = 0.1
LOOK = 0.5


class Background:
    """The digest scheduler (and ``/digest``'s commands over it), the follows' worker, and page
    and feed reading (``/brief add``, ``/digest feeds``, feed polling). Each is built, its modules
    imported, when first asked for; :meth:`start` builds what is left and starts the scheduler
    (its first tick catches up on the digests due while the bot was down or starting), feed
    polling and the follows' worker, once, unless the bot is stopping."""

    def __init__(self, settings: Settings, store, clients):
        self.settings, self.store, self.clients = settings, store, clients
        self._lock = threading.RLock()
        self._made: dict[str, object] = {}
        self._started = False
        self._stopping = threading.Event()
        self._starter: threading.Thread | None = None
        self.failed = False  # start raised: /healthz answers 503, so that the host restarts the bot

    def _once(self, name: str, make):
        with self._lock:
            if name not in self._made:
                self._made[name] = make()
            return self._made[name]

    def scheduler(self):
        def make():
            from bot.digest.runner import Runner
            from bot.digest.scheduler import DigestScheduler

            return DigestScheduler(Runner(self.store, once_client(self.settings), clients=self.clients))

        return self._once("scheduler", make)

    def digests(self):
        def make():
            from bot.digest.commands import DigestCommands

            scheduler = self.scheduler()
            return DigestCommands(scheduler.runner, on_change=scheduler.sync)

        return self._once("digests", make)

    def follower(self):
        def make():
            from bot.follows.worker import FollowWorker

            return FollowWorker(self.store, once_client(self.settings), clients=self.clients)

        return self._once("follower", make)

    def reader(self):
        def make():
            from bot.fetch.news import reading_pool

            # pages are read, and articles extracted, in worker processes, never on a thread of this one
            return reading_pool(self.settings)

        return self._once("reader", make)

    def news(self):
        def make():
            from bot.fetch.news import News, policy_of

            return News(self.store, policy_of(self.settings), self.reader())

        return self._once("news", make)

    def wake_follows(self) -> None:
        """A follow was added: the worker looks now (one not yet started looks when it starts)."""
        follower = self._made.get("follower")
        if follower is not None:
            follower.wake()

    def start(self) -> None:
        with self._lock:
            if self._started or self._stopping.is_set():
                return
            self._started = True  # once; and what did start is stopped by shutdown even if the rest fails
            from bot.fetch.feeds import schedule_polling

            scheduler, follower, news = self.scheduler(), self.follower(), self.news()
            schedule_polling(
                scheduler.scheduler,
                self.store,
                news.policy,
                minutes=self.settings.feed_poll_minutes,
                runner=self.reader(),
            )
            scheduler.start()
            follower.start()
        log.info("digest scheduler, follows and feed polling (every %d min) started", self.settings.feed_poll_minutes)
        prepare()  # what the answers make when first needed: not in a later question's time

    def start_when_idle(self, *, after: float, by: float, look: float = LOOK) -> None:
        """:meth:`start` on a thread of its own, unless the bot stops first: once this process
        has used under ``IDLE`` of a core for ``look`` seconds, ``after`` seconds from now at
        the earliest and ``by`` at the latest."""

        def wait_then_start() -> None:
            latest = time.monotonic() + by
            if self._stopping.wait(after):
                return
            used = time.process_time()
            while time.monotonic() < latest:
                if self._stopping.wait(look):
                    return
                used, before = time.process_time(), used
                if used - before < IDLE * look:
                    break
            try:
                self.start()
            except Exception:
                self.failed = True
                log.exception("the digest scheduler, follows and feed polling could not be started")

        self._starter = threading.Thread(target=wait_then_start, name="background-start", daemon=True)
        self._starter.start()

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop what was started, its threads ended (and start nothing more)."""
        self._stopping.set()
        if self._starter is not None:
            self._starter.join(timeout)  # a start under way finishes, and is stopped below
        with self._lock:
            for name in ("follower", "scheduler"):
                if self._started and name in self._made:
                    self._made[name].shutdown()

    def close(self) -> None:
        """End the reading pool's worker processes (a page being read fails), and the thread
        that keeps this process's fetches' deadlines, if a fetch started it."""
        reader = self._made.get("reader")
        if reader is not None:
            reader.close()
        sockets = sys.modules.get("bot.fetch.sockets")  # not imported for this
        if sockets is not None:
            sockets.stop_deadlines()


class OnFirstUse:
    """Stands for what ``make`` returns (made once by it), made when an attribute is first read."""

    def __init__(self, make):
        self._make = make

    def __getattr__(self, name: str):
        return getattr(self._make(), name)
