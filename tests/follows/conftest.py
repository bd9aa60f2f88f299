"""Follow fixtures: a store, the strict fake Web API (as for digests), the once client, a clock
the tests move, and articles made by hand about a company."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.answers import Answers
from bot.config import Secret, Settings
from bot.extract.model import Entity, Relation
from bot.follows.commands import FollowCommands
from bot.follows.worker import FollowWorker
from bot.slack.app import once_client
from storage import open_store
from tests.conftest import GAMING, make_extraction, save
from tests.digest.strict_slack import make_strict

CHANNEL = "C_FOLLOW"
EVENT_TYPE = "newsbot_follow"


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime.now(UTC).replace(microsecond=0))


@pytest.fixture
def slack(fake, clock):
    return make_strict(fake, clock)


@pytest.fixture
def client(slack):
    return once_client(Settings(bot_token=Secret("xoxb-follow-test"), api_url=slack.base_url))


@pytest.fixture
def db_path(location):
    """The store's location (an SQLite file, or a PostgreSQL database: see tests/conftest.py)."""
    path = location
    store = open_store(path)
    save(store, GAMING)  # Sony, Microsoft, Google: known before anything is followed
    store.close()
    return path


@pytest.fixture
def store(db_path):
    s = open_store(db_path)
    yield s
    s.close()


def follow(store, name, channel=CHANNEL, clock=None) -> str:
    commands = FollowCommands(Answers(store), **({"clock": clock} if clock else {}))
    return commands.handle(f"follow {name}", target=channel, user="U1")


def worker(store, client, clock, **kw) -> FollowWorker:
    return FollowWorker(store, client, clock=clock, pace=0.0, **kw)


def story(i: int, company="Nvidia", other=None, kind="competes", *, title=None):
    """A new article about ``company``; with ``other``, stating that they compete (or partner)."""
    other = other or f"Rival{i}"
    sentence = (
        f"{company} competes with {other} in AI chips."
        if kind == "competes"
        else f"{company} and {other} signed a deal."
    )
    return make_extraction(
        title or f"{company} story {i}",
        [f"{company} launched a new product number {i}.", sentence],
        entities=[Entity(company, "company"), Entity(other, "company")],
        relations=[Relation(kind, company, other, sentence, 1)],
        source=f"story-{company}-{i}.txt",
    )


def store_story(store, i, **kw):
    return save(store, story(i, **kw))


def follow_posts(fake, channel=CHANNEL) -> list[dict]:
    return [m for m in fake.messages.get(channel, []) if (m.get("metadata") or {}).get("event_type") == EVENT_TYPE]
