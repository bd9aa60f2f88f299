"""/digest through Slack: subscribe (in the user's own zone), status, now, off, and bad input."""

import pytest
from slack_bolt import BoltRequest

from bot.answers import Answers
from bot.digest.commands import DigestCommands
from bot.digest.runner import Runner
from bot.ingest.pipeline import ensure_seeded
from bot.slack.app import create_app, web_client
from storage import Store
from tests.conftest import SEEDS


@pytest.fixture
def digest_app(settings, tmp_path):
    store = Store(tmp_path / "digest.db")
    ensure_seeded(store, SEEDS, max_bytes=1_000_000)
    client = web_client(settings)
    return create_app(settings, Answers(store), client=client, digests=DigestCommands(Runner(store, client)))


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


def test_subscribe_in_the_users_zone_then_status_now_and_off(digest_app, fake):
    reply = send(digest_app, fake, "daily 8:30", "sub")
    assert "every day at 08:30 (America/New_York)" in reply  # the user's zone, from users.info
    assert fake.of("users.info")[0].body["user"] == "U1"

    status = send(digest_app, fake, "status", "status")
    assert "08:30 (America/New_York)" in status and "Next run" in status

    assert "Here is your digest" in send(digest_app, fake, "now", "now")
    [post] = fake.of("chat.postMessage")
    assert post.body["channel"] == "C9"
    assert post.body["metadata"]["event_type"] == "newsbot_digest"
    assert "Sony and Microsoft" in post.body["text"]
    assert "posted" in send(digest_app, fake, "status", "status2")

    assert "stopped" in send(digest_app, fake, "off", "off")
    assert "no digest" in send(digest_app, fake, "status", "status3")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("daily 25:00", "not a time"),
        ("weekdays 08:00 Mars/Olympus", "Unknown time zone"),
        ("daily", "When?"),
        ("sometimes 08:00", "I don't know /digest sometimes"),
        ("daily 08:00 <!channel>", "is not a time zone"),
    ],
)
def test_bad_input_gets_a_clear_ephemeral_error(digest_app, fake, text, message):
    reply = send(digest_app, fake, text, "bad")
    assert message in reply
    assert "<!channel>" not in reply
    assert not fake.of("chat.postMessage")


def test_help(digest_app, fake):
    assert "/digest weekdays HH:MM" in send(digest_app, fake, "help", "help")
