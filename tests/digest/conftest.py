"""Digest fixtures: a store with articles, a strict fake Web API, and clocks the tests move.

Nothing here sleeps on real time: a ``Clock`` is what every process under test (runner,
ledger, APScheduler, and the fake Slack's message timestamps) takes as the time.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from apscheduler.executors.debug import DebugExecutor
from apscheduler.schedulers.base import BaseScheduler

from bot.config import Secret, Settings
from bot.digest.runner import Runner
from bot.digest.scheduler import GATHER, DigestScheduler
from bot.slack.app import once_client
from storage import open_store
from tests.conftest import GAMING, PHONES, save
from tests.digest.strict_slack import make_strict

CHANNEL = "C_DIGEST"
EVENT_TYPE = "newsbot_digest"


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 1, 1, tzinfo=UTC))


@pytest.fixture
def slack(fake, clock):
    """The fake Web API, strict like Slack, its message timestamps from ``clock``."""
    return make_strict(fake, clock)


@pytest.fixture
def client(slack):
    """The client ``newsbot run`` gives the digest runner."""
    return once_client(Settings(bot_token=Secret("xoxb-digest-test"), api_url=slack.base_url))


@pytest.fixture
def db_path(location):
    """The store's location (an SQLite file, or a PostgreSQL database: see tests/conftest.py)."""
    path = location
    store = open_store(path)
    save(store, GAMING)
    save(store, PHONES)
    store.close()
    return path


def subscribe(
    path,
    *,
    channel=CHANNEL,
    schedule="daily",
    at="08:00",
    zone="Europe/London",
    created="2026-01-01T00:00:00.000000Z",
):
    store = open_store(path)
    store.digests.subscribe(channel, schedule=schedule, at=at, zone=zone, now=created)
    return store


def make_scheduler(path, client, clock, hook=None, scheduler=None) -> DigestScheduler:
    """A fresh process: its own connection to the database, its own worker id."""
    # on a stepped scheduler each job posts in its own step (no thread gathering a minute's jobs)
    runner = Runner(open_store(path), client, clock=clock, hook=hook)
    return DigestScheduler(runner, scheduler=scheduler, gather=None if scheduler is not None else GATHER)


def digest_posts(fake, channel=CHANNEL) -> list[dict]:
    """The digests the fake Web API holds in ``channel`` (what people would see)."""
    return [m for m in fake.messages.get(channel, []) if (m.get("metadata") or {}).get("event_type") == EVENT_TYPE]


def periods(fake, channel=CHANNEL) -> list[str]:
    return [m["metadata"]["event_payload"]["period"] for m in digest_posts(fake, channel)]


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


class SteppedScheduler(BaseScheduler):
    """APScheduler's own job processing (triggers, coalescing, misfire grace), run in this
    thread when the test says, on the test's clock (see ``stepped``)."""

    def __init__(self, **options):
        super().__init__(timezone="UTC", **options)

    def _create_default_executor(self):
        return DebugExecutor()

    def wakeup(self):
        pass

    def shutdown(self, wait=True):
        super().shutdown(wait)

    def step(self) -> float | None:
        """Run the jobs due now; the seconds until the next one (what APScheduler would sleep)."""
        return self._process_jobs()


@pytest.fixture
def stepped(monkeypatch, clock):
    """A ``SteppedScheduler`` whose idea of now is ``clock``."""
    import apscheduler.executors.base
    import apscheduler.schedulers.base

    class Now(datetime):
        @classmethod
        def now(cls, tz=None):
            moment = clock()
            return moment.astimezone(tz) if tz is not None else moment.replace(tzinfo=None)

    monkeypatch.setattr(apscheduler.schedulers.base, "datetime", Now)
    monkeypatch.setattr(apscheduler.executors.base, "datetime", Now)
    return SteppedScheduler
