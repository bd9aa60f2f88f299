"""Many workspaces served by real ``newsbot run --http`` processes, two on one store, on each
store: installed through ``/slack/install`` and ``/slack/oauth_redirect`` (begun on one process,
finished on the other), tokens rotated, and ``app_uninstalled`` / ``tokens_revoked`` stopping a
workspace's digests and follows in every process.

Everything goes through HTTP as in production: signed requests to the processes, and their Web
API calls to the local fake (``SLACK_API_URL`` on 127.0.0.1), which refuses a token rotated
away, expired or uninstalled, as Slack does. Each token it issues expires within the minute,
inside Bolt's window for a refresh (``token_rotation_expiration_minutes``, 120), so every use
of a token refreshes it first: the two processes refresh the same installations over and over.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from storage import open_store
from tests.conftest import GAMING, PHONES, save
from tests.digest.strict_slack import make_strict
from tests.follows.conftest import story
from tests.replicas import Replica
from tests.slack.conftest import FORM, JSON, SIGNING_SECRET, Server
from tests.slack.fake_slack import CLIENT_ID, CLIENT_SECRET, start_fake_slack
from tests.slack.oauth_helpers import begin, command, event, finish

DIGESTS, FOLLOWS = "newsbot_digest", "newsbot_follow"
ZONE = ZoneInfo("America/New_York")  # every user's, as the fake's users.info says


class At(Server):
    """A process's HTTP surface, asked as ``tests/slack/conftest.Server`` asks one in process."""

    def __init__(self, replica: Replica):
        self.port = replica.port

    def stop(self):
        pass


@pytest.fixture
def fake():
    fake = make_strict(start_fake_slack())
    fake.rotation, fake.expires_in = True, 50
    yield fake
    fake.close()


@pytest.fixture
def processes(location, fake, tmp_path):
    store = open_store(location)
    save(store, GAMING)
    save(store, PHONES)
    save(store, story(100))  # Nvidia is known: it can be followed
    store.close()
    env = {
        "SLACK_BOT_TOKEN": "",
        "SLACK_CLIENT_ID": CLIENT_ID,
        "SLACK_CLIENT_SECRET": CLIENT_SECRET,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
    }
    started: list[Replica] = []
    try:
        for _ in range(2):
            started.append(Replica(str(location), fake.base_url, worker_timeout=5, log=tmp_path / "log", **env))
        yield [At(p) for p in started]
    finally:
        for process in started:
            process.stop()


def posts(fake, channel: str, kind: str) -> list[dict]:
    with fake.lock:
        return [m for m in fake.messages.get(channel, []) if (m.get("metadata") or {}).get("event_type") == kind]


def wait_until(done, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"not done within {timeout:.0f} s: {what}")
        time.sleep(0.05)


def ask(process: At, fake, team: str, name: str, text: str, reply: str) -> str:
    assert process.signed(command(team, name, text, fake.response_url(reply)), FORM)[0] == 200
    [answer] = fake.wait_for(f"response/{reply}", timeout=30)
    return answer.body.get("text") or ""


def mention(team: str, ts: str) -> dict:
    text = f"<@UBOT{team}> who competes with Sony?"
    return {"type": "app_mention", "user": "U1", "text": text, "ts": ts, "channel": f"C{team}", "event_ts": ts}


def refreshed(fake) -> list[str]:
    return [c.body["refresh_token"] for c in fake.of("oauth.v2.access") if c.body.get("grant_type") == "refresh_token"]


def test_processes_rotate_tokens_and_an_uninstall_stops_the_workspaces_digests_and_follows(processes, fake, location):
    a, b = processes
    teams = ("T2", "T3", "T4")
    for i, team in enumerate(teams):  # each install begun on one process and finished on the other
        first, second = (a, b) if i % 2 == 0 else (b, a)
        status, body = finish(second, fake, team, begin(first))
        assert status == 200 and "Thank you!" in body, body
    store = open_store(location)
    try:
        rows = {row["team_id"]: row for row in store.installations.every()}
        assert set(rows) == set(teams)
        assert all(row["bot_refresh_token"] and row["bot_token_expires_at"] < time.time() + 60 for row in rows.values())

        # a digest due at the next minute (at least 25 s away) and a follow, in each workspace's channel
        due = datetime.now(ZONE) + timedelta(seconds=85)
        due = due.replace(second=0, microsecond=0)
        for i, team in enumerate(teams):
            process = (a, b)[i % 2]
            said = ask(process, fake, team, "/digest", f"daily {due:%H:%M}", f"digest-{team}")
            assert f"{due:%H:%M}" in said, said
            said = ask(process, fake, team, "/brief", "follow Nvidia", f"follow-{team}")
            assert "Nvidia" in said, said

        # answered by either process with the workspace's token, refreshed first each time
        for i, process in enumerate((a, b, a)):
            assert process.signed(event("T2", mention("T2", f"170000000{i}.1"), f"EvMention{i}"), JSON)[0] == 200
            wait_until(lambda n=i: len(fake.messages.get("CT2", [])) == n + 1, 30, f"mention {i} answered")
        spent = refreshed(fake)
        assert len(spent) >= 3 + 2 * len(teams) and len(spent) == len(set(spent))  # each refresh token once
        assert not fake.refused  # no call with a token rotated away or expired
        now = store.installations.find(enterprise_id=None, team_id="T2")
        assert now["bot_token"] != rows["T2"]["bot_token"] and rows["T2"]["bot_token"] in fake.revoked

        # T2 uninstalls the app (Slack revokes its tokens, then sends the event), T3's bot token is revoked
        fake.uninstall("T2")
        assert b.signed(event("T2", {"type": "app_uninstalled"}, "EvGone2"), JSON)[0] == 200
        fake.uninstall("T3")
        revoked = {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UBOTT3"]}}
        assert a.signed(event("T3", revoked, "EvGone3"), JSON)[0] == 200
        wait_until(lambda: [r["team_id"] for r in store.installations.every()] == ["T4"], 30, "tokens removed")
        wait_until(lambda: [s["channel"] for s in store.digests.subscriptions()] == ["CT4"], 30, "digests removed")
        wait_until(lambda: [f["channel"] for f in store.follows.every()] == ["CT4"], 30, "follows removed")
        calls_before = len(fake.calls)

        # a story about Nvidia arrives: only T4's follow posts it; the digest minute comes: only T4's
        save(store, story(1))
        wait_until(lambda: posts(fake, "CT4", FOLLOWS), 60, "T4's follow posted")
        wait_until(lambda: posts(fake, "CT4", DIGESTS), (due - datetime.now(ZONE)).total_seconds() + 90, "T4's digest")
        wait_until(lambda: not store.query("SELECT 1 FROM digest_runs WHERE status = 'claimed'"), 30, "runs settled")
        time.sleep(2)  # any post still to come would be under way by now
        said = ask(a, fake, "T2", "/brief", "", "after")  # and a command from T2 is told to install the app
        assert "reinstall this app" in said
    finally:
        store.close()
    late = [c for c in fake.calls[calls_before:] if c.path.startswith("/api/")]
    assert {c.body.get("channel") for c in late if c.method == "chat.postMessage"} == {"CT4"}
    assert not [c for c in late if fake.team_of(c) in {"T2", "T3"}]  # nothing asked of Slack with their tokens
    assert len(posts(fake, "CT4", FOLLOWS)) == 1 and len(posts(fake, "CT4", DIGESTS)) == 1
    assert not posts(fake, "CT2", DIGESTS) and not posts(fake, "CT3", DIGESTS)
    assert not posts(fake, "CT2", FOLLOWS) and not posts(fake, "CT3", FOLLOWS)
    spent = refreshed(fake)
    assert len(spent) == len(set(spent))
    assert not fake.refused
