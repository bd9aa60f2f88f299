"""/digest through Slack: subscribe (in the user's own Slack time zone, read with users.info),
status, now, off, help, and bad input, each answered ephemerally."""

from datetime import UTC, datetime, timedelta

import pytest
from slack_bolt import BoltRequest

from bot.answers import Answers
from bot.digest.commands import DigestCommands
from bot.digest.runner import Runner
from bot.ingest.pipeline import ensure_seeded
from bot.slack.app import create_app, once_client, web_client
from tests.conftest import SEEDS, open_test_store
from tests.digest.strict_slack import make_strict

NOW = datetime(2026, 6, 1, 5, 0, tzinfo=UTC)  # Monday 1 June, 01:00 in New York, 06:00 in London


class Clock:
    now = NOW

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(tmp_path):
    store = open_test_store(tmp_path / "digest.db")
    ensure_seeded(store, SEEDS, max_bytes=1_000_000)
    return store


@pytest.fixture
def digest_app(settings, fake, store, clock):
    make_strict(fake, clock)
    runner = Runner(store, once_client(settings), clock=clock)  # as `newsbot run` makes them
    return create_app(settings, Answers(store), client=web_client(settings), digests=DigestCommands(runner))


def send(app, fake, text, name):
    body = {
        "command": "/digest",
        "text": text,
        "channel_id": "C9",
        "user_id": "U1",
        "team_id": "T1",
        "response_url": fake.response_url(name),
    }
    assert app.dispatch(BoltRequest(body=body, mode="socket_mode")).status == 200
    [call] = fake.wait_for(f"response/{name}")
    assert call.body["response_type"] == "ephemeral"
    return call.body["text"]


def test_subscribe_in_the_users_zone_then_status_now_and_off(digest_app, fake, store):
    reply = send(digest_app, fake, "daily 8:30", "sub")
    assert "every day at 08:30 (America/New_York)" in reply  # the user's zone, from users.info
    assert "Next: Mon 01 Jun 2026 08:30 EDT" in reply
    assert [c.body["user"] for c in fake.of("users.info")] == ["U1"]
    assert store.digests.subscription("C9")["zone"] == "America/New_York"

    status = send(digest_app, fake, "status", "status")
    assert "Digest every day at 08:30 (America/New_York)." in status
    assert "Next run: Mon 01 Jun 2026 08:30 EDT." in status

    assert "Here is your digest" in send(digest_app, fake, "now", "now")
    [post] = fake.of("chat.postMessage")
    assert post.body["channel"] == "C9"
    assert post.body["metadata"]["event_type"] == "newsbot_digest"
    assert "Sony and Microsoft" in post.body["text"]
    status = send(digest_app, fake, "status", "status2")
    assert "Last run: /digest now on Mon 01 Jun 2026 01:00 EDT, posted (1 article)." in status

    assert "stopped" in send(digest_app, fake, "off", "off")
    assert "no digest" in send(digest_app, fake, "status", "status3")
    assert "no digest to stop" in send(digest_app, fake, "off", "off2")


def test_a_named_zone_is_used_without_asking_slack(digest_app, fake, store):
    reply = send(digest_app, fake, "weekdays 17:05 europe/london", "sub")
    assert "Monday to Friday at 17:05 (Europe/London)" in reply and "Next: Mon 01 Jun 2026 17:05 BST" in reply
    assert not fake.of("users.info")


@pytest.mark.parametrize(
    "answer",
    [
        {"ok": False, "error": "user_not_found"},
        {"ok": False, "error": "missing_scope", "needed": "users:read"},
        {"ok": True, "user": {"id": "U1"}},  # no tz
        {"ok": True, "user": {"id": "U1", "tz": "Not/AZone"}},
    ],
)
def test_when_the_users_zone_cannot_be_read_utc_is_used_and_said(digest_app, fake, store, answer):
    fake.fail_next("users.info", 200, answer)
    reply = send(digest_app, fake, "daily 08:30", "sub")
    assert "every day at 08:30 (UTC)" in reply
    assert "could not read your Slack time zone, so this is in UTC" in reply
    assert "/digest daily 08:30 Europe/London" in reply
    assert store.digests.subscription("C9")["zone"] == "UTC"


@pytest.mark.parametrize("error", [TimeoutError("timed out"), ConnectionResetError("reset")])
def test_when_users_info_cannot_be_reached_utc_is_used_and_said(digest_app, fake, store, monkeypatch, error):
    from slack_sdk import WebClient

    def unreachable(self, **kwargs):
        raise error

    monkeypatch.setattr(WebClient, "users_info", unreachable)
    reply = send(digest_app, fake, "daily 08:30", "sub")
    assert "every day at 08:30 (UTC)" in reply
    assert "could not read your Slack time zone, so this is in UTC" in reply
    assert store.digests.subscription("C9")["zone"] == "UTC"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("daily 25:00", "'25:00' is not a time: use 24-hour HH:MM"),
        ("daily 7:5", "'7:5' is not a time"),
        ("weekdays noon", "'noon' is not a time"),
        ("weekdays 08:00 Mars/Olympus", "Unknown time zone 'Mars/Olympus'"),
        ("daily 08:00 Europe/Londn", "Unknown time zone 'Europe/Londn'"),
        ("daily", "When? For example: /digest daily 08:30 Europe/London"),
        ("daily 08:00 Europe/London please", "Too many words"),
        ("sometimes 08:00", "I don't know /digest sometimes"),
        ("daily 08:00 <!channel>", "is not a time zone"),
    ],
)
def test_bad_input_gets_a_clear_ephemeral_error(digest_app, fake, store, text, message):
    reply = send(digest_app, fake, text, "bad")
    assert message in reply
    assert "<!channel>" not in reply
    assert not fake.of("chat.postMessage")
    assert store.digests.subscription("C9") is None


def test_status_shows_a_pause_and_its_reason(digest_app, fake, store, clock):
    send(digest_app, fake, "daily 08:30 Europe/London", "sub")
    fake.fail_next("chat.postMessage", 200, {"ok": False, "error": "not_in_channel"})
    assert "I could not post here" in send(digest_app, fake, "now", "now")
    status = send(digest_app, fake, "status", "status")
    assert "Paused: I'm not in this channel any more" in status and "(not_in_channel)" in status
    assert "To resume: /digest daily 08:30 Europe/London" in status
    assert "Next run" not in status
    assert "not posted (not_in_channel)" in status


def test_status_shows_the_last_scheduled_run_and_skips_a_period_already_done(digest_app, fake, store, clock):
    from bot.digest.scheduler import DigestScheduler

    send(digest_app, fake, "daily 06:30 Europe/London", "sub")
    runner = Runner(store, runner_client_for(fake), clock=clock)
    clock.now = NOW + timedelta(minutes=31)  # 06:31 BST
    DigestScheduler(runner).tick()
    status = send(digest_app, fake, "status", "status")
    assert "Last run: the digest of Mon 01 Jun 2026, posted (" in status
    assert "Next run: Tue 02 Jun 2026 06:30 BST." in status
    # moved to later today: today's digest is done, so the next one is tomorrow's
    reply = send(digest_app, fake, "daily 09:00 Europe/London", "sub2")
    assert "Next: Tue 02 Jun 2026 09:00 BST" in reply


def runner_client_for(fake):
    from bot.config import Secret, Settings

    return once_client(Settings(bot_token=Secret("xoxb-test"), api_url=fake.base_url))


def test_help(digest_app, fake):
    text = send(digest_app, fake, "help", "help")
    for usage in ("/digest daily HH:MM", "/digest weekdays HH:MM", "/digest status", "/digest now", "/digest off"):
        assert usage in text


def test_digest_now_on_an_empty_store_says_there_are_no_articles_yet(settings, fake, tmp_path, clock):
    make_strict(fake, clock)
    empty = open_test_store(tmp_path / "empty.db")
    runner = Runner(empty, once_client(settings), clock=clock)
    app = create_app(settings, Answers(empty), client=web_client(settings), digests=DigestCommands(runner))
    reply = send(app, fake, "now", "now")
    assert reply.startswith("No articles yet:") and "/digest feeds add URL" in reply
    assert "Nothing new since the last digest" not in reply and fake.of("chat.postMessage") == []
