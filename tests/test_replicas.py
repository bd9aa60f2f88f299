"""Three ``newsbot run --http`` replicas on one PostgreSQL store, killed and started again while
digests and follow posts are due: each digest and each article is posted once in each channel.

Real processes (``tests/replicas.py``), the fake Web API answering chat.postMessage slowly (so a
replica is killed with posts under way: sent, their answers never read), and a short
``NEWSBOT_WORKER_TIMEOUT`` so the others take a dead replica's claims over within seconds.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from storage import iso, open_store
from tests.conftest import GAMING, PHONES, save
from tests.digest.strict_slack import make_strict
from tests.follows.conftest import story
from tests.replicas import Replica
from tests.slack.fake_slack import start_fake_slack

DIGESTS = "newsbot_digest"
FOLLOWS = "newsbot_follow"
TIMEOUT = 2.0  # NEWSBOT_WORKER_TIMEOUT: a killed replica's claims are taken over after this
CLAIMING = "SELECT claimed_by FROM digest_runs WHERE status = 'claimed' AND claimed_by IS NOT NULL"


def posts(fake, channel: str, kind: str) -> list[dict]:
    with fake.lock:
        messages = list(fake.messages.get(channel, []))
    return [m for m in messages if (m.get("metadata") or {}).get("event_type") == kind]


def wait_until(done, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"not done within {timeout:.0f} s: {what}")
        time.sleep(0.05)


@pytest.fixture
def fake():
    fake = make_strict(start_fake_slack())
    fake.delay["chat.postMessage"] = 0.3  # a slow Slack: a killed replica leaves posts under way
    yield fake
    fake.close()


def test_replicas_killed_and_restarted_post_each_digest_and_article_once(pg_server, fake, tmp_path):
    url = pg_server.database()
    store = open_store(url)
    save(store, GAMING)
    save(store, PHONES)
    now = datetime.now(UTC)
    due = now - timedelta(minutes=10)  # caught up by each replica as it starts
    digest_channels = [f"CD{i:03d}" for i in range(30)]
    for channel in digest_channels:
        store.digests.subscribe(
            channel, schedule="daily", at=due.strftime("%H:%M"), zone="UTC", now=iso(now - timedelta(days=2))
        )
    follow_channels = [f"CF{i:03d}" for i in range(10)]
    for channel in follow_channels:
        assert store.follows.add(channel, "topic", "Nvidia", now=iso(now))
    log = tmp_path / "replicas.log"
    replicas = [Replica(url, fake.base_url, worker_timeout=TIMEOUT, log=log) for _ in range(3)]
    try:
        # the first digests are under way: a replica dies with its claims and posts in flight
        wait_until(lambda: len(fake.of("chat.postMessage")) >= 4, 30, "the first digests")
        # the one holding claims (on a loaded machine the first replica up may claim them all)
        holding = {row["claimed_by"].split(":")[1] for row in store.query(CLAIMING)}
        victim = next((r for r in replicas if str(r.pid) in holding), replicas[0])
        victim.kill()
        held = store.query(
            "SELECT id FROM digest_runs WHERE status = 'claimed' AND claimed_by LIKE %s",
            (f"%:{victim.pid}:%",),
        )
        # new articles stored by another process (this one) while a replica is down
        for i in range(3):
            save(store, story(i))
        victim.start()  # started again: a new process
        other = next(r for r in replicas if r is not victim)
        other.kill()  # and another dies
        for i in range(3, 6):
            save(store, story(i))
        other.start()
        wait_until(lambda: all(posts(fake, c, DIGESTS) for c in digest_channels), 60, "every digest posted")
        wait_until(
            lambda: (
                not store.query("SELECT 1 FROM digest_runs WHERE status = 'claimed'")
                and not store.query("SELECT 1 FROM follow_batches WHERE status IN ('claimed', 'failed')")
                and _followed(store) == {(c, n) for c in follow_channels for n in range(6)}
            ),
            60,
            "the ledgers settled",
        )
    finally:
        for replica in replicas:
            replica.stop()
    assert held, "the killed replica held no claim: the test did not kill it mid-run"
    for channel in digest_channels:
        assert len(posts(fake, channel, DIGESTS)) == 1, channel
    runs = store.query("SELECT channel, status FROM digest_runs")
    assert sorted(r["channel"] for r in runs) == digest_channels and {r["status"] for r in runs} == {"posted"}
    for channel in follow_channels:
        texts = " ".join(m["text"] or "" for m in posts(fake, channel, FOLLOWS))
        for n in range(6):
            assert texts.count(f"Nvidia story {n}") == 1, (channel, n, texts)
    store.close()
    pg_server.drop(url)


def _followed(store) -> set[tuple[str, int]]:
    """(channel, story number) of every article a follow batch posted."""
    rows = store.query(
        "SELECT ca.channel, a.title FROM channel_articles ca JOIN follow_batches b ON b.id = ca.batch_id"
        " JOIN articles a ON a.id = ca.article_id WHERE b.status = 'posted'"
    )
    return {(r["channel"], int(r["title"].rsplit(" ", 1)[1])) for r in rows if r["title"].startswith("Nvidia story")}
