"""Enterprise Grid: an org-wide install (one install, one token, for every workspace of the org)
and a workspace of an org that installed the app itself. Driven as Slack drives them: signed
requests with Grid payloads (the org's id, ``is_enterprise_install``, the workspace's team id)
into the app, digests and follows posted through the local fake Web API, on both stores."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.answers import Answers
from bot.digest.commands import DigestCommands
from bot.digest.runner import Runner
from bot.extract.model import Entity, Relation
from bot.follows.commands import FollowCommands
from bot.follows.worker import FollowWorker
from bot.slack.app import once_client, web_client
from bot.slack.oauth import posting_clients
from storage import open_store, utcnow
from tests.conftest import GAMING, make_extraction, save
from tests.slack.conftest import FORM, JSON, Server
from tests.slack.oauth_helpers import (
    begin,
    command,
    event,
    finish,
    follower,
    install,
    oauth_app,
    oauth_settings,
    runner,
)

ORG = "E1"
DIGEST = "newsbot_digest"
FOLLOW = "newsbot_follow"


@pytest.fixture
def store(location):
    s = open_store(location)
    save(s, GAMING)  # Sony, Microsoft: everyone's
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


def install_org(server, fake) -> None:
    status, body = finish(server, fake, ORG, begin(server), org_wide=True)
    assert status == 200 and "Thank you!" in body, body


def send(server, fake, team, name, text, tag, *, org_wide=True) -> str:
    """A slash command from ``team``, a workspace of the org: the ephemeral answer's text."""
    grid = {"enterprise_id": ORG, "enterprise_name": "Org E1", "is_enterprise_install": str(org_wide).lower()}
    assert server.signed(command(team, name, text, fake.response_url(tag), **grid), FORM)[0] == 200
    return fake.wait_for(f"response/{tag}", timeout=30)[0].body["text"]


def token(fake, channel: str, event_type: str) -> list[str]:
    """The tokens the posts of ``event_type`` in ``channel`` were made with."""
    return [
        fake.token_of(c)
        for c in fake.of("chat.postMessage")
        if c.body["channel"] == channel and (c.body.get("metadata") or {}).get("event_type") == event_type
    ]


def story(i: int, company: str = "Sony", other: str = "Nintendo"):
    sentence = f"{company} competes with {other} in handheld consoles."
    return make_extraction(
        f"{company} story {i}",
        [f"{company} showed a new console number {i}.", sentence],
        entities=[Entity(company, "company"), Entity(other, "company")],
        relations=[Relation("competes", company, other, sentence, 1)],
        source=f"grid-story-{company}-{i}.txt",
    )


def post_due(fake, store, channels: list[str]) -> dict[str, str]:
    """The scheduler's way: the runs of ``channels`` queued, claimed and posted; {channel: status}."""
    run = runner(fake, store)
    teams = {s["channel"]: s["team"] for s in store.digests.subscriptions()}  # each channel here is one workspace's
    store.digests.queue([(c, "2026-12-07", teams.get(c)) for c in channels], now=utcnow())
    claimed = run.claim_queued(len(channels) + 1, since=datetime.now(UTC) - timedelta(hours=1))
    return {c["channel"]: run.run_claimed(c).status for c in claimed}


def test_an_org_wide_install_posts_the_digests_and_follows_of_its_workspaces_with_the_orgs_token(server, fake, store):
    install_org(server, fake)
    [org] = store.installations.every()
    assert (org["enterprise_id"], org["team_id"], org["is_enterprise_install"]) == (ORG, "", 1)
    install(server, fake, "T4", enterprise=ORG)  # a workspace of the org that installed the app itself
    tokens = {row["team_id"]: row["bot_token"] for row in store.installations.every()}

    assert send(server, fake, "T5", "/digest", "daily 08:00 UTC", "d5").startswith("Subscribed")
    assert send(server, fake, "T5", "/brief", "follow Sony", "f5").startswith("Following the company Sony")
    assert send(server, fake, "T4", "/digest", "daily 08:00 UTC", "d4", org_wide=False).startswith("Subscribed")
    assert send(server, fake, "T4", "/brief", "follow Sony", "f4", org_wide=False).startswith("Following")
    # each remembers its workspace and the org it was set up under
    assert {(s["channel"], s["team"], s["enterprise"]) for s in store.digests.subscriptions()} == {
        ("CT5", "T5", ORG),
        ("CT4", "T4", ORG),
    }
    assert {(f["channel"], f["team"], f["enterprise"]) for f in store.follows.every()} == {
        ("CT5", "T5", ORG),
        ("CT4", "T4", ORG),
    }

    assert post_due(fake, store, ["CT5", "CT4"]) == {"CT5": "posted", "CT4": "posted"}
    assert token(fake, "CT5", DIGEST) == [tokens[""]]  # the org-wide install's
    assert token(fake, "CT4", DIGEST) == [tokens["T4"]]  # the workspace's own

    save(store, story(1))
    outcomes = follower(fake, store).run_once()
    assert sorted((o.channel, o.status) for o in outcomes) == [("CT4", "posted"), ("CT5", "posted")]
    assert token(fake, "CT5", FOLLOW) == [tokens[""]]
    assert token(fake, "CT4", FOLLOW) == [tokens["T4"]]

    save(store, story(2))
    assert send(server, fake, "T5", "/digest", "now", "n5") == "Here is your digest."
    assert token(fake, "CT5", DIGEST) == [tokens[""]] * 2


@pytest.mark.parametrize("named", [None, "T5"], ids=["authorization-names-no-workspace", "names-the-workspace"])
def test_an_event_of_an_org_wide_install_is_answered_from_its_workspaces_articles_alone(
    server, fake, store, listeners, named
):
    install_org(server, fake)
    save(store, story(1, "Zorblax", "Sony"), team="T5", url="https://t5.example/zorblax")
    save(store, story(1, "Quuxcorp", "Sony"), team="T6", url="https://t6.example/quuxcorp")
    mention = {"type": "app_mention", "user": "U1", "text": f"<@UBOT{ORG}> who competes with Sony?",
               "ts": "1700000000.1", "channel": "CT5", "event_ts": "1700000000.1"}  # fmt: skip
    assert server.signed(event("T5", mention, "EvT5", org=ORG, org_wide=True, named=named), JSON)[0] == 200
    [reply] = fake.wait_for("chat.postMessage", timeout=30)
    listeners.idle()
    said = str(reply.body)
    assert fake.token_of(reply) == store.installations.find(enterprise_id=ORG, team_id=None)["bot_token"]
    assert "Zorblax" in said  # T5's own
    assert "Quuxcorp" not in said  # T6's, a workspace of the same org


@pytest.mark.parametrize(
    "uninstall",
    [{"type": "app_uninstalled"}, {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": [f"UBOT{ORG}"]}}],
    ids=["app_uninstalled", "tokens_revoked"],
)
def test_uninstalling_the_org_wide_install_stops_its_workspaces_digests_and_follows_and_no_one_elses(
    server, fake, store, listeners, uninstall
):
    install_org(server, fake)
    install(server, fake, "T4", enterprise=ORG)
    install(server, fake, "T2")  # outside the org
    assert send(server, fake, "T5", "/digest", "daily 08:00 UTC", "d5").startswith("Subscribed")
    assert send(server, fake, "T6", "/brief", "follow Sony", "f6").startswith("Following")
    now = utcnow()
    for team, org in (("T4", ORG), ("T2", None)):
        store.digests.subscribe(
            f"C{team}", schedule="daily", at="08:00", zone="UTC", now=now, team=team, enterprise=org
        )
        store.follows.add(f"C{team}", "company", "Sony", now=now, team=team, enterprise=org)
    store.feeds.add("https://t5.example/rss", team="T5")

    gone = event(ORG, uninstall, "EvOrgGone", org=ORG, org_wide=True)
    assert server.signed(gone, JSON)[0] == 200
    listeners.idle()
    assert sorted((r["enterprise_id"], r["team_id"]) for r in store.installations.every()) == [("", "T2"), (ORG, "T4")]
    assert sorted(s["channel"] for s in store.digests.subscriptions()) == ["CT2", "CT4"]
    assert sorted(f["channel"] for f in store.follows.every()) == ["CT2", "CT4"]
    assert store.feeds.all_feeds() == []

    assert post_due(fake, store, ["CT2", "CT4", "CT5"]) == {"CT2": "posted", "CT4": "posted", "CT5": "skipped"}
    save(store, story(1))
    assert sorted(o.channel for o in follower(fake, store).run_once()) == ["CT2", "CT4"]
    assert token(fake, "CT5", DIGEST) == [] and token(fake, "CT6", FOLLOW) == []


def test_a_request_of_an_org_wide_install_from_no_workspace_that_can_be_told_is_dropped(server, fake, store, listeners):
    install_org(server, fake)
    mention = {"type": "app_mention", "user": "U1", "text": f"<@UBOT{ORG}> who competes with Sony?",
               "ts": "1700000000.2", "channel": "CX", "event_ts": "1700000000.2"}  # fmt: skip
    assert server.signed(event(ORG, mention, "EvNoTeam", org=ORG, org_wide=True), JSON)[0] == 200
    listeners.idle()
    assert fake.of("chat.postMessage") == []


def test_the_app_removed_from_some_workspaces_of_an_org_wide_install_stops_theirs_and_no_one_elses(
    server, fake, store, listeners
):
    install_org(server, fake)
    install(server, fake, "T4", enterprise=ORG)  # of the org, installed itself too
    install(server, fake, "T2")  # outside the org
    for team in ("T5", "T6"):  # served by the org-wide install
        assert send(server, fake, team, "/digest", "daily 08:00 UTC", f"d{team}").startswith("Subscribed")
        assert send(server, fake, team, "/brief", "follow Sony", f"f{team}").startswith("Following")
    assert send(server, fake, "T4", "/digest", "daily 08:00 UTC", "dT4", org_wide=False).startswith("Subscribed")
    now = utcnow()
    store.digests.subscribe("CT2", schedule="daily", at="08:00", zone="UTC", now=now, team="T2")
    store.follows.add("CT2", "company", "Sony", now=now, team="T2")
    store.feeds.add("https://t5.example/rss", team="T5")
    save(store, story(1, "Zorblax", "Sony"), team="T5", url="https://t5.example/zorblax")
    listeners.idle()
    org_token = store.installations.find(enterprise_id=ORG, team_id=None)["bot_token"]

    # Slack's shape: the org's event, the workspaces named in the event's team_ids; T2 is not the org's
    revoked = {"type": "team_access_revoked", "team_ids": ["T5", "T4", "T2"], "event_ts": "1700000000.5"}
    assert server.signed(event(ORG, revoked, "EvRevoked", org=ORG, org_wide=True), JSON)[0] == 200
    listeners.idle()

    assert sorted((r["enterprise_id"], r["team_id"]) for r in store.installations.every()) == [("", "T2"), (ORG, "")]
    assert sorted((s["channel"], s["team"]) for s in store.digests.subscriptions()) == [("CT2", "T2"), ("CT6", "T6")]
    assert sorted(f["channel"] for f in store.follows.every()) == ["CT2", "CT6"]
    assert store.feeds.all_feeds(team="T5") == []
    assert "Zorblax" not in json.dumps(store.latest_articles(50))  # T5's own article went with it

    assert post_due(fake, store, ["CT2", "CT4", "CT5", "CT6"]) == {
        "CT2": "posted",
        "CT4": "skipped",
        "CT5": "skipped",
        "CT6": "posted",
    }
    assert token(fake, "CT6", DIGEST) == [org_token]  # the rest of the org keeps working
    save(store, story(2))
    assert sorted(o.channel for o in follower(fake, store).run_once()) == ["CT2", "CT6"]
    assert token(fake, "CT6", FOLLOW) == [org_token]
    assert token(fake, "CT5", DIGEST) == token(fake, "CT5", FOLLOW) == token(fake, "CT4", DIGEST) == []


def test_access_revoked_for_workspaces_by_an_event_of_no_org_changes_nothing(server, fake, store, listeners):
    install_org(server, fake)
    assert send(server, fake, "T5", "/digest", "daily 08:00 UTC", "d5").startswith("Subscribed")
    install(server, fake, "T2")
    revoked = {"type": "team_access_revoked", "team_ids": ["T5"]}
    assert server.signed(event("T2", revoked, "EvRevokedT2"), JSON)[0] == 200  # T2's, in no org
    listeners.idle()
    assert [(s["channel"], s["team"]) for s in store.digests.subscriptions()] == [("CT5", "T5")]
    assert len(store.installations.every()) == 2


def test_digests_and_follows_set_up_under_an_org_wide_install_before_their_org_was_kept_find_the_one_it_can_be(
    server, fake, store, listeners
):
    install_org(server, fake)
    now = utcnow()  # as such rows were left: the workspace, no org, and no installation of its own
    store.digests.subscribe("CT5", schedule="daily", at="08:00", zone="UTC", now=now, team="T5")
    store.follows.add("CT5", "company", "Sony", now=now, team="T5")
    org_token = store.installations.find(enterprise_id=ORG, team_id=None)["bot_token"]

    assert post_due(fake, store, ["CT5"]) == {"CT5": "posted"}
    assert token(fake, "CT5", DIGEST) == [org_token]
    save(store, story(1))
    assert [(o.channel, o.status) for o in follower(fake, store).run_once()] == [("CT5", "posted")]
    assert token(fake, "CT5", FOLLOW) == [org_token]
    # kept with the org from now on: the org's uninstall finds them
    assert [s["enterprise"] for s in store.digests.subscriptions()] == [ORG]
    assert [f["enterprise"] for f in store.follows.every()] == [ORG]


def test_digests_and_follows_whose_org_wide_install_cannot_be_told_are_refused_with_the_reason_said_once(
    server, fake, store, listeners, caplog
):
    install_org(server, fake)
    status, body = finish(server, fake, "E2", begin(server), org_wide=True)  # a second org's
    assert status == 200, body
    now = utcnow()
    store.digests.subscribe("CT5", schedule="daily", at="08:00", zone="UTC", now=now, team="T5")
    store.follows.add("CT5", "company", "Sony", now=now, team="T5")

    settings = oauth_settings(fake)
    clients = posting_clients(settings, store, web_client(settings))  # one for both, as newsbot run has it
    run = Runner(store, once_client(settings), clients=clients)
    with caplog.at_level("WARNING", logger="bot.slack.oauth"):
        store.digests.queue([("CT5", "2026-12-07", "T5")], now=utcnow())
        [claimed] = run.claim_queued(5, since=datetime.now(UTC) - timedelta(hours=1))
        assert run.run_claimed(claimed).status == "paused"
        save(store, story(1))
        follows = FollowWorker(store, once_client(settings), clients=clients, pace=0.0)
        assert [(o.channel, o.status) for o in follows.run_once()] == [("CT5", "paused")]
    said = [r.getMessage() for r in caplog.records if r.name == "bot.slack.oauth"]
    assert len(said) == 1 and "T5" in said[0] and "cannot be told" in said[0]
    assert token(fake, "CT5", DIGEST) == [None] and token(fake, "CT5", FOLLOW) == [None]  # refused: no token
    # not skipped silently: the workspace is told why, and how to set it up again
    status = send(server, fake, "T5", "/digest", "status", "s5")
    assert "Paused: The app has no token for this workspace" in status and "/digest daily HH:MM" in status
    # set up again from the workspace: kept with its org, and posted
    assert send(server, fake, "T5", "/digest", "daily 08:00 UTC", "d5").startswith("Subscribed")
    assert [s["enterprise"] for s in store.digests.subscriptions()] == [ORG]
