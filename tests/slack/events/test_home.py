"""The App Home tab, through signed app_home_opened events and the fake Web API's
views.publish: the latest briefing with dates, what the opener follows, their digests with next
run and last result, what the bot knows, how to ask; published afresh at every opening, within Block Kit's
limits however much there is to show."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from bot.digest.commands import DigestCommands
from bot.digest.runner import Runner
from bot.slack.app import once_client
from storage import iso
from tests.answers.world import build
from tests.conftest import open_test_store
from tests.slack.conftest import JSON, Server, build_app, event_body
from tests.slack.test_limits import check_limits

NOW = datetime(2026, 12, 9, 12, 0, tzinfo=UTC)


def opened(user: str = "U1", tab: str = "home", event_id: str = "EvHome1") -> str:
    event = {"type": "app_home_opened", "user": user, "channel": "D1", "tab": tab, "event_ts": "1700000000.1"}
    return event_body(event, event_id)


@pytest.fixture
def store(tmp_path):
    return build(open_test_store(tmp_path / "home.db"))


@pytest.fixture
def home(settings, store, listeners):
    runner = Runner(store, once_client(settings), clock=lambda: NOW)
    server = Server(build_app(settings, store, listeners, digests=DigestCommands(runner)))
    yield server
    server.stop()


def within_limits(view: dict) -> None:
    """Block Kit's limits, and no ``<...>`` but article links and the channel links the view
    makes itself (``<#C123>``, from the ledger: a channel id, never typed text)."""
    channels = json.loads(re.sub(r"<#C[A-Z0-9]+>", "#C", json.dumps(view["blocks"])))
    check_limits({"blocks": channels, "text": "home"})
    assert len(view["blocks"]) <= 100


def published(fake, count: int = 1) -> dict:
    calls = fake.wait_for("views.publish", count)
    return calls[-1].body


def shown(view: dict) -> str:
    return json.dumps(view["blocks"], ensure_ascii=False)


def test_the_home_tab_shows_the_latest_briefing_the_opener_s_digests_and_how_to_ask(home, fake, store):
    store.digests.subscribe("C1", schedule="daily", at="08:30", zone="Europe/London", now=iso(NOW), created_by="U1")
    store.digests.subscribe("C2", schedule="weekdays", at="17:00", zone="UTC", now=iso(NOW), created_by="U2")
    store.digests.record("C1", "2026-12-09", "posted", now=iso(NOW))
    store.follows.add("U1", "company", "Nvidia", now=iso(NOW), created_by="U1")  # in their DM
    store.follows.add("C5", "topic", "graphics chips", now=iso(NOW), created_by="U1")
    store.follows.add("C6", "company", "Sony", now=iso(NOW), created_by="U2")
    assert home.signed(opened(), JSON) == (200, "")
    body = published(fake)
    assert body["user_id"] == "U1"
    view = body["view"]
    assert view["type"] == "home"
    within_limits(view)
    text = shown(view)
    # the latest briefing, the latest published first, each story with its date
    assert text.index("Nvidia unveils a new graphics chip_ (8 Dec 2026)") < text.index(
        "team up on cloud gaming_ (7 Dec"
    )
    # what this person follows, in their DM and where they set a follow up, not another's
    assert "Nvidia (company), in your DM" in text and "graphics chips (topic), in <#C5>" in text
    assert "Sony (company)" not in text
    # the digests this person set up, not another's
    assert "<#C1>: every day at 08:30 (Europe/London)" in text and "<#C2>" not in text
    assert "Next: Thu 10 Dec 2026 08:30 GMT" in text
    assert "Last: the digest of Wed 09 Dec 2026, posted (0 articles)" in text
    assert "*Microsoft* (" not in text and "Microsoft (" in text  # what it knows most about
    assert "/brief add URL" in text and "/digest feeds add URL" in text and "who competes with Sony?" in text


def test_it_is_published_afresh_at_every_opening(home, fake, store):
    home.signed(opened(event_id="EvHome1"), JSON)
    first = shown(published(fake)["view"])
    assert "You have set up no digest" in first and "`/brief follow Nvidia`" in first
    store.digests.subscribe("C7", schedule="daily", at="07:00", zone="UTC", now=iso(NOW), created_by="U1")
    home.signed(opened(event_id="EvHome2"), JSON)
    assert "<#C7>: every day at 07:00 (UTC)" in shown(published(fake, 2)["view"])


def test_the_messages_tab_opening_publishes_nothing(home, fake, listeners):
    home.signed(opened(tab="messages"), JSON)
    listeners.idle()
    assert fake.of("views.publish") == []


def test_many_digests_and_long_texts_stay_within_a_view_s_limits(home, fake, store):
    for n in range(60):
        channel = f"C{n:04d}"
        store.digests.subscribe(channel, schedule="daily", at="08:30", zone="UTC", now=iso(NOW), created_by="U1")
        store.digests.pause(channel, "not_in_channel: " + "<!channel> & " * 400)
    home.signed(opened(), JSON)
    view = published(fake)["view"]
    within_limits(view)
    text = shown(view)
    assert "...and more: `/digest status` in a channel shows its own." in text
    assert "<!channel>" not in text and "&lt;!channel&gt;" in text


def test_a_failure_to_publish_is_logged_not_raised(home, fake, caplog, listeners):
    fake.fail_next("views.publish", body={"ok": False, "error": "not_enabled"})
    home.signed(opened(), JSON)
    listeners.idle()
    assert "could not publish the Home tab (views.publish: not_enabled)" in caplog.text
