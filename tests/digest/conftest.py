"""Digest fixtures: a store with articles, the fake Web API, and a clock the test moves."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.config import Secret, Settings
from bot.digest.runner import Runner
from bot.digest.scheduler import DigestScheduler
from bot.slack.app import web_client
from storage import Store
from storage import digests as ledger
from tests.conftest import GAMING, PHONES, save

CHANNEL = "C_DIGEST"


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def client(fake):
    return web_client(Settings(bot_token=Secret("xoxb-digest-test"), api_url=fake.base_url))


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "digest.db"
    store = Store(path)
    save(store, GAMING)
    save(store, PHONES)
    store.close()
    return path


def subscribe(path, *, schedule="daily", at="08:00", zone="Europe/London", created="2026-01-01T00:00:00.000000Z"):
    store = Store(path)
    ledger.subscribe(store, CHANNEL, schedule=schedule, at=at, zone=zone, now=created)
    return store


def make_scheduler(path, client, clock, hook=None) -> DigestScheduler:
    """A fresh process: its own connection, its own worker id."""
    return DigestScheduler(Runner(Store(path), client, clock=clock, hook=hook))


def digest_posts(fake, channel=CHANNEL) -> list[dict]:
    return [
        m for m in fake.messages.get(channel, []) if (m.get("metadata") or {}).get("event_type") == "newsbot_digest"
    ]


def periods(fake, channel=CHANNEL) -> list[str]:
    return [m["metadata"]["event_payload"]["period"] for m in digest_posts(fake, channel)]


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)
