"""Slack Connect: one channel shared by two workspaces, the app installed in each by OAuth.
Requests come from each with its own team id, in the same channel. Each workspace's digest
subscription, follows and ledgers in the channel are its own: it sees and changes only them,
through any command, event or action, and what is posted there for it is posted with its token
and from its articles (a digest of each subscribing workspace). Driven with signed payloads
against the fake Web API, on both stores."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.answers import Answers
from bot.digest.commands import DigestCommands
from bot.follows.commands import FollowCommands
from storage import open_store, utcnow
from tests.conftest import GAMING, save
from tests.slack.conftest import FORM, JSON, Server, button
from tests.slack.oauth_helpers import action, command, event, follower, install, oauth_app, runner
from tests.slack.test_grid import story

SHARED = "CSHARED"  # one channel, in T1 and in T2
DIGEST = "newsbot_digest"
FOLLOW = "newsbot_follow"
PERIOD = "2026-12-07"


@pytest.fixture
def store(location):
    s = open_store(location)
    save(s, GAMING)  # Sony, Microsoft: everyone's
    save(s, story(1, "Zorblax", "Sony"), team="T1", url="https://t1.example/zorblax")  # T1's own
    save(s, story(1, "Quuxcorp", "Sony"), team="T2", url="https://t2.example/quuxcorp")  # T2's own
    yield s
    s.close()


@pytest.fixture
def server(fake, store, listeners):
    app = oauth_app(
        fake, store, listeners, digests=DigestCommands(runner(fake, store)), follows=FollowCommands(Answers(store))
    )
    s = Server(app)
    yield s
    s.stop()


def send(server, fake, team: str, name: str, text: str, tag: str) -> dict:
    """A slash command from ``team`` in the shared channel: the ephemeral answer."""
    assert server.signed(command(team, name, text, fake.response_url(tag), channel=SHARED), FORM)[0] == 200
    return fake.wait_for(f"response/{tag}", timeout=30)[0].body


def said(server, fake, team: str, name: str, text: str, tag: str) -> str:
    return send(server, fake, team, name, text, tag)["text"]


def posts(fake, event_type: str) -> list:
    return [
        c
        for c in fake.of("chat.postMessage")
        if c.body.get("channel") == SHARED and (c.body.get("metadata") or {}).get("event_type") == event_type
    ]


def test_two_workspaces_in_one_shared_channel_each_see_and_change_only_their_own(server, fake, store, listeners):
    install(server, fake, "T1")
    install(server, fake, "T2")
    tokens = {row["team_id"]: row["bot_token"] for row in store.installations.every()}

    # each sets up a digest and a follow in the same channel
    assert said(server, fake, "T1", "/digest", "daily 08:00 UTC", "d1").startswith("Subscribed")
    assert said(server, fake, "T2", "/digest", "weekdays 09:30 Europe/London", "d2").startswith("Subscribed")
    assert said(server, fake, "T1", "/brief", "follow Sony", "f1").startswith("Following the company Sony")
    assert said(server, fake, "T2", "/brief", "follow topic handheld consoles", "f2").startswith("Following")
    assert sorted((s["channel"], s["team"], s["schedule"]) for s in store.digests.subscriptions()) == [
        (SHARED, "T1", "daily"),
        (SHARED, "T2", "weekdays"),
    ]

    # each reads its own
    status1, status2 = (said(server, fake, t, "/digest", "status", f"s-{t}") for t in ("T1", "T2"))
    assert status1.startswith("Digest every day at 08:00 (UTC).") and "09:30" not in status1
    assert status2.startswith("Digest Monday to Friday at 09:30 (Europe/London).") and "08:00" not in status2
    follows1, follows2 = (said(server, fake, t, "/brief", "follows", f"l-{t}") for t in ("T1", "T2"))
    assert "Sony (company)" in follows1 and "handheld" not in follows1
    assert "handheld consoles (topic)" in follows2 and "Sony" not in follows2

    # and cannot change the other's
    assert said(server, fake, "T2", "/brief", "unfollow Sony", "u2").startswith("Not following Sony")
    assert said(server, fake, "T1", "/brief", "unfollow handheld consoles", "u1").startswith("Not following")
    assert sorted((f["team"], f["name"]) for f in store.follows.every()) == [
        ("T1", "Sony"),
        ("T2", "handheld consoles"),
    ]

    # a digest of each workspace, each with its token and its own articles
    run = runner(fake, store)
    store.digests.queue([(SHARED, PERIOD, "T1"), (SHARED, PERIOD, "T2")], now=utcnow())
    claimed = run.claim_queued(5, since=datetime.now(UTC) - timedelta(hours=1))
    assert sorted((c["team"], run.run_claimed(c).status) for c in claimed) == [("T1", "posted"), ("T2", "posted")]
    digests = {fake.token_of(c): json.dumps(c.body) for c in posts(fake, DIGEST)}
    assert set(digests) == {tokens["T1"], tokens["T2"]}
    assert "Zorblax" in digests[tokens["T1"]] and "Quuxcorp" not in digests[tokens["T1"]]
    assert "Quuxcorp" in digests[tokens["T2"]] and "Zorblax" not in digests[tokens["T2"]]
    # posted once each: run again, nothing more
    assert run.run(SHARED, PERIOD, team="T1").status == "skipped"
    assert len(posts(fake, DIGEST)) == 2

    # a story both follow (Sony; handheld consoles) comes to the channel once for each, with its token
    save(store, story(2))
    outcomes = follower(fake, store).run_once()
    assert sorted((o.team, o.status) for o in outcomes) == [("T1", "posted"), ("T2", "posted")]
    assert sorted(fake.token_of(c) for c in posts(fake, FOLLOW)) == sorted([tokens["T1"], tokens["T2"]])
    assert follower(fake, store).run_once() == []
    assert "1 article posted" in said(server, fake, "T2", "/brief", "follows", "l2-again")

    # T2 stops its digest; T1's goes on, and T2's /digest now is T2's alone
    assert said(server, fake, "T2", "/digest", "off", "off2") == "Digests stopped for this channel."
    assert said(server, fake, "T2", "/digest", "off", "off2-again") == "This channel has no digest to stop."
    assert said(server, fake, "T1", "/digest", "status", "s1-again").startswith("Digest every day at 08:00")
    until1 = store.digests.digested_until(SHARED, "T1")
    save(store, story(3, "Quuxcorp", "Nintendo"), team="T2", url="https://t2.example/quuxcorp-3")
    assert said(server, fake, "T2", "/digest", "now", "now2") == "Here is your digest."
    last = posts(fake, DIGEST)[-1]
    assert fake.token_of(last) == tokens["T2"] and "Quuxcorp story 3" in json.dumps(last.body)
    assert store.digests.digested_until(SHARED, "T1") == until1  # T1's next digest still has what is new
    assert "Zorblax" not in json.dumps(last.body)

    # events: a mention from T2 in the shared channel, answered with T2's token from T2's articles
    mention = {"type": "app_mention", "user": "U2", "text": "<@UBOTT2> who competes with Sony?",
               "ts": "1700000000.1", "channel": SHARED, "event_ts": "1700000000.1"}  # fmt: skip
    before = len(fake.of("chat.postMessage"))
    assert server.signed(event("T2", mention, "EvShared1"), JSON)[0] == 200
    reply = fake.wait_for("chat.postMessage", before + 1, timeout=30)[-1]
    assert fake.token_of(reply) == tokens["T2"] and reply.body["channel"] == SHARED
    assert "Quuxcorp" in json.dumps(reply.body) and "Zorblax" not in json.dumps(reply.body)
    # the Home tab of T2's user: T2's follows, not T1's digest nor its follow
    home = {"type": "app_home_opened", "user": "U1", "channel": "D2", "tab": "home", "event_ts": "1700000001.1"}
    assert server.signed(event("T2", home, "EvShared2"), JSON)[0] == 200
    view = json.dumps(fake.wait_for("views.publish", timeout=30)[-1].body)
    assert "handheld consoles" in view and "every day at 08:00" not in view and "Zorblax" not in view

    # actions: T1's buttons, clicked by T2 in the shared channel, answer from T2's articles
    rivals = send(server, fake, "T1", "/rivals", "Sony", "r1")
    assert "Zorblax" in json.dumps(rivals)
    share = button(rivals, "share_answer")
    assert share is not None
    clicked = action("T2", "share_answer", share["value"], fake.response_url("a2"), channel=SHARED)
    assert server.signed(clicked, FORM)[0] == 200
    listeners.idle()
    answered = json.dumps([c.body for c in fake.wait_for("response/a2", timeout=30)])
    assert "Sony" in answered and "Quuxcorp" in answered and "Zorblax" not in answered

    # T2 uninstalls: its follow goes, T1's subscription and follow in the shared channel stay
    assert server.signed(event("T2", {"type": "app_uninstalled"}, "EvShared3"), JSON)[0] == 200
    listeners.idle()
    assert [(s["channel"], s["team"]) for s in store.digests.subscriptions()] == [(SHARED, "T1")]
    assert [(f["channel"], f["team"]) for f in store.follows.every()] == [(SHARED, "T1")]
