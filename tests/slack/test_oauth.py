"""Installing by OAuth (Bolt's own flow, against the fake Web API): the install, its state
checked and kept in the store (any replica finishes an install another began), each workspace
answered with its own token, token rotation, and uninstalling."""

from __future__ import annotations

import time

import pytest

from bot.config import Secret, Settings
from bot.digest.runner import Runner
from bot.ingest.pipeline import ensure_seeded
from bot.slack.app import once_client, web_client
from bot.slack.oauth import SCOPES, posting_clients
from bot.slack.preflight import problems
from storage import iso, open_store, utcnow
from tests.conftest import SEEDS
from tests.slack.conftest import FORM, JSON, Server
from tests.slack.fake_slack import CLIENT_ID, CLIENT_SECRET
from tests.slack.oauth_helpers import begin, command, event, finish, install, oauth_app, oauth_settings


@pytest.fixture
def store(location):
    """Each test on an SQLite file and on a PostgreSQL database: installations, states and token
    refreshes are the store's."""
    store = open_store(location)
    ensure_seeded(store, SEEDS, max_bytes=1_000_000)
    yield store
    store.close()


@pytest.fixture
def server(fake, store, listeners):
    s = Server(oauth_app(fake, store, listeners))
    yield s
    s.stop()


def mention(team: str, ts: str) -> dict:
    return {"type": "app_mention", "user": "U1", "text": f"<@UBOT{team}> who competes with Sony?", "ts": ts,
            "channel": f"C{team}", "event_ts": ts}  # fmt: skip


def posts_by_token(fake) -> dict[str, str]:
    return {c.body["channel"]: fake.token_of(c) for c in fake.of("chat.postMessage")}


def test_an_install_keeps_the_workspaces_token_and_its_requests_are_answered_with_it(server, fake, store, listeners):
    install(server, fake, "T2")
    install(server, fake, "T3", installer="U7")
    rows = {row["team_id"]: row for row in store.installations.every()}
    assert set(rows) == {"T2", "T3"}
    assert rows["T3"]["installer_user_id"] == "U7"
    assert rows["T2"]["bot_user_id"] == "UBOTT2" and rows["T2"]["bot_id"] == "BUBOTT2"  # from auth.test
    assert [c.body.get("code", "")[:7] for c in fake.of("oauth.v2.access")] == ["code-T2", "code-T3"]

    for i, team in enumerate(("T2", "T3")):
        assert server.signed(event(team, mention(team, f"170000000{i}.1"), f"Ev{team}"), JSON)[0] == 200
    fake.wait_for("chat.postMessage", 2)
    listeners.idle()
    assert posts_by_token(fake) == {"CT2": rows["T2"]["bot_token"], "CT3": rows["T3"]["bot_token"]}


def test_the_install_page_asks_for_the_manifests_scopes(server):
    from urllib.parse import parse_qs, unquote, urlsplit

    from tests.slack.test_manifest import MANIFEST

    assert set(SCOPES) == set(MANIFEST["oauth_config"]["scopes"]["bot"])
    _status, _headers, page = server.get("/slack/install")
    link = unquote(page.split('href="https://slack.com/oauth/v2/authorize', 1)[1].split('"', 1)[0])
    link = link.replace("&amp;", "&")
    query = parse_qs(urlsplit(link).query)
    assert query["scope"] == [",".join(SCOPES)] and query["client_id"] == [CLIENT_ID]


def test_a_workspace_that_never_installed_is_not_answered(server, fake, listeners):
    assert server.signed(command("T9", "/brief", "", fake.response_url("t9")), FORM)[0] == 200
    assert server.signed(event("T9", mention("T9", "1700000009.1"), "EvT9"), JSON)[0] == 200
    listeners.idle()
    [told] = fake.wait_for("response/t9")
    assert "reinstall this app" in told.body["text"] and "Latest news" not in told.body["text"]
    assert [c.path for c in fake.calls] == ["/response/t9"]  # nothing answered, nothing posted


def test_the_state_is_checked_used_once_and_bound_to_the_browser_that_began(server, fake, store):
    state = begin(server)
    assert finish(server, fake, "T2", "made-up-state")[0] != 200
    assert finish(server, fake, "T2", state, cookie_state="another-browsers")[0] != 200
    assert store.installations.every() == []
    assert finish(server, fake, "T2", state)[0] == 200
    assert finish(server, fake, "T3", state)[0] != 200  # used once
    assert [row["team_id"] for row in store.installations.every()] == ["T2"]


def test_an_install_begun_on_one_replica_is_finished_by_another(fake, location, listeners):
    one, two = open_store(location), open_store(location)
    first, second = Server(oauth_app(fake, one, listeners)), Server(oauth_app(fake, two, listeners))
    try:
        state = begin(first)
        assert finish(second, fake, "T2", state)[0] == 200
        assert one.installations.find(enterprise_id=None, team_id="T2") is not None
    finally:
        first.stop()
        second.stop()
        one.close()
        two.close()


def test_an_expiring_token_is_refreshed_before_use_and_the_new_pair_stored(server, fake, store, listeners):
    fake.rotation, fake.expires_in = True, 60  # due for refresh at once (Bolt refreshes 120 min ahead)
    install(server, fake, "T2")
    first = store.installations.find(enterprise_id=None, team_id="T2")
    assert first["bot_refresh_token"].startswith("xoxe-1-T2")
    assert first["bot_token_expires_at"] <= time.time() + 61

    assert server.signed(event("T2", mention("T2", "1700000001.1"), "Ev1"), JSON)[0] == 200
    [post] = fake.wait_for("chat.postMessage")
    listeners.idle()
    now = store.installations.find(enterprise_id=None, team_id="T2")
    assert now["bot_token"] != first["bot_token"] and now["bot_refresh_token"] != first["bot_refresh_token"]
    assert first["bot_token"] in fake.revoked
    assert fake.token_of(post) == now["bot_token"]
    refreshes = [c for c in fake.of("oauth.v2.access") if c.body.get("grant_type") == "refresh_token"]
    assert [c.body["refresh_token"] for c in refreshes] == [first["bot_refresh_token"]]


def test_a_token_expiring_later_than_bolts_window_is_used_as_it_is(server, fake, store, listeners):
    fake.rotation, fake.expires_in = True, 3 * 3600  # Bolt refreshes 120 minutes ahead: not yet
    install(server, fake, "T2")
    first = store.installations.find(enterprise_id=None, team_id="T2")
    assert server.signed(event("T2", mention("T2", "1700000001.1"), "Ev1"), JSON)[0] == 200
    [post] = fake.wait_for("chat.postMessage")
    listeners.idle()
    assert fake.token_of(post) == first["bot_token"]
    assert store.installations.find(enterprise_id=None, team_id="T2") == first
    assert not [c for c in fake.of("oauth.v2.access") if c.body.get("grant_type") == "refresh_token"]


def test_a_token_refused_since_it_was_refreshed_is_never_used_again(server, fake, store, listeners):
    """The old token stops working once refreshed (the fake refuses it, as Slack): every later
    request and post uses the new one."""
    fake.rotation, fake.expires_in = True, 60
    install(server, fake, "T2")
    for i in range(3):
        assert server.signed(event("T2", mention("T2", f"170000000{i}.1"), f"Ev{i}"), JSON)[0] == 200
        fake.wait_for("chat.postMessage", i + 1)
        listeners.idle()
    refreshes = [
        c.body["refresh_token"] for c in fake.of("oauth.v2.access") if c.body.get("grant_type") == "refresh_token"
    ]
    assert len(refreshes) == 3 and len(set(refreshes)) == 3  # each use refreshed (60 s left), each token once
    assert not fake.refused and len(fake.messages["CT2"]) == 3
    assert store.installations.find(enterprise_id=None, team_id="T2")["bot_token"] not in fake.revoked


def test_digests_and_follows_post_with_their_workspaces_token_refreshed_when_due(server, fake, store):
    fake.rotation, fake.expires_in = True, 60
    install(server, fake, "T2")
    fake.rotation = False
    install(server, fake, "T3")
    now = utcnow()
    store.digests.subscribe("CT2", schedule="daily", at="08:00", zone="UTC", now=now, team="T2")
    store.digests.subscribe("CT3", schedule="daily", at="08:00", zone="UTC", now=now, team="T3")
    settings = oauth_settings(fake)
    runner = Runner(store, once_client(settings), clients=posting_clients(settings, store, web_client(settings)))
    assert runner.run("CT2", "2026-12-06", team="T2").status == "posted"
    assert runner.run("CT3", "2026-12-06", team="T3").status == "posted"
    tokens = {row["team_id"]: row["bot_token"] for row in store.installations.every()}
    assert posts_by_token(fake) == {"CT2": tokens["T2"], "CT3": tokens["T3"]}
    assert tokens["T2"].startswith("xoxb-T2-") and tokens["T2"] not in {"xoxb-T2-1-secret"}
    assert len([c for c in fake.of("oauth.v2.access") if c.body.get("grant_type") == "refresh_token"]) == 1


def test_a_digest_in_a_workspace_of_an_enterprise_org_posts_with_that_workspaces_token(fake, store):
    # installed inside an Enterprise Grid org: the subscription knows the workspace, not the org
    store.installations.save({"enterprise_id": "E1", "team_id": "T4", "bot_token": "xoxb-T4-grid"})
    store.digests.subscribe("CT4", schedule="daily", at="08:00", zone="UTC", now=utcnow(), team="T4")
    settings = oauth_settings(fake)
    runner = Runner(store, once_client(settings), clients=posting_clients(settings, store, web_client(settings)))
    assert runner.run("CT4", "2026-12-06", team="T4").status == "posted"
    assert posts_by_token(fake) == {"CT4": "xoxb-T4-grid"}


@pytest.mark.parametrize(
    "uninstall",
    [
        {"type": "app_uninstalled"},
        {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UBOTT2"]}},
    ],
)
def test_uninstalling_removes_the_workspaces_tokens_digests_follows_and_feeds_and_no_one_elses(
    server, fake, store, listeners, uninstall
):
    install(server, fake, "T2")
    install(server, fake, "T3")
    now = utcnow()
    for team in ("T2", "T3"):
        store.digests.subscribe(f"C{team}", schedule="daily", at="08:00", zone="UTC", now=now, team=team)
        store.follows.add(f"C{team}", "company", "Sony", now=now, team=team)
        store.feeds.add(f"https://{team}.example/rss", team=team)
    assert server.signed(event("T2", uninstall, "EvGone"), JSON)[0] == 200
    listeners.idle()
    assert [row["team_id"] for row in store.installations.every()] == ["T3"]
    assert [s["channel"] for s in store.digests.subscriptions()] == ["CT3"]
    assert [f["channel"] for f in store.follows.every()] == ["CT3"]
    assert [f["url"] for f in store.feeds.all_feeds()] == ["https://T3.example/rss"]


def test_revoking_user_tokens_alone_changes_nothing(server, fake, store, listeners):
    install(server, fake, "T2")
    revoked = {"type": "tokens_revoked", "tokens": {"oauth": ["U1"], "bot": []}}
    assert server.signed(event("T2", revoked, "EvUser"), JSON)[0] == 200
    listeners.idle()
    assert [row["team_id"] for row in store.installations.every()] == ["T2"]


@pytest.mark.parametrize(
    ("settings", "http", "said"),
    [
        (Settings(client_id=CLIENT_ID, signing_secret=Secret("s" * 32)), True, "SLACK_CLIENT_SECRET is not set"),
        (Settings(client_secret=Secret(CLIENT_SECRET), signing_secret=Secret("s" * 32)), True, "SLACK_CLIENT_ID is"),
        (Settings(client_id=CLIENT_ID, client_secret=Secret(CLIENT_SECRET)), True, "SLACK_SIGNING_SECRET is not"),
        (
            Settings(client_id=CLIENT_ID, client_secret=Secret(CLIENT_SECRET), signing_secret=Secret("s" * 32)),
            False,
            "needs HTTP mode",
        ),
        (
            Settings(
                client_id=CLIENT_ID,
                client_secret=Secret(CLIENT_SECRET),
                signing_secret=Secret("s" * 32),
                bot_token=Secret("xoxb-1"),
            ),
            True,
            "SLACK_BOT_TOKEN is set as well",
        ),
    ],
)
def test_oauth_settings_missing_or_mixed_are_named_without_their_values(settings, http, said):
    found = problems(settings, http=http)
    assert any(said in line for line in found), found
    assert not any(CLIENT_SECRET in line for line in found)


def test_the_oauth_settings_alone_are_enough():
    full = Settings(client_id=CLIENT_ID, client_secret=Secret(CLIENT_SECRET), signing_secret=Secret("s" * 32))
    assert problems(full, http=True) == []
    assert full.oauth and not Settings(bot_token=Secret("xoxb-1")).oauth


def test_an_expired_state_is_refused(server, fake, store):
    state = begin(server)
    store.installations.consume_state(state)
    store.installations.issue_state(state, expires_at=iso(__import__("datetime").datetime(2000, 1, 1)))
    assert finish(server, fake, "T2", state)[0] != 200
    assert store.installations.every() == []


def test_many_workspaces_on_a_postgresql_store_start_like_on_sqlite():
    """The PostgreSQL store keeps installations too: nothing about the store is said at start."""
    from storage import location

    full = Settings(
        client_id=CLIENT_ID,
        client_secret=Secret(CLIENT_SECRET),
        signing_secret=Secret("s" * 32),
        db_path=location("postgresql://newsbot:hunter2@db.internal/newsbot"),
    )
    assert problems(full, http=True) == []


def test_two_processes_refreshing_one_token_at_once_spend_its_refresh_token_once(location, fake):
    """Slack accepts a refresh token once: two replicas finding the same token due at the same
    moment must not both spend it (one would be refused, and could overwrite the new pair). The
    refresh holds the installation's row lock; the second reads the pair the first stored."""
    import threading

    from slack_sdk import WebClient
    from slack_sdk.oauth.token_rotation import TokenRotator

    from bot.slack.oauth import LockedRotator
    from storage import open_store

    fake.rotation, fake.expires_in = True, 60  # the first token is due for refresh at once
    web = WebClient(base_url=fake.base_url)
    first = web.oauth_v2_access(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, code=fake.code_for("T2"))
    one, two = open_store(location), open_store(location)  # two processes' connections
    try:
        one.installations.save(
            {"team_id": "T2", "bot_token": first["access_token"], "bot_refresh_token": first["refresh_token"],
             "bot_token_expires_at": int(time.time()) + 60, "bot_user_id": "UBOTT2", "app_id": "A1"}
        )  # fmt: skip
        fake.expires_in = 12 * 3600  # a refreshed pair is good for hours, as Slack's are
        fake.delay["oauth.v2.access"] = 0.3  # the refreshes overlap
        stale = one.installations.find(enterprise_id=None, team_id="T2")  # both read it before either refreshes
        results, errors = {}, []
        start = threading.Barrier(2)

        def refresh(name, store):
            rotator = LockedRotator(
                store.installations, TokenRotator(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, client=web)
            )
            start.wait()
            try:
                results[name] = rotator.fresh(dict(stale))["bot_token"]
            except Exception as exc:  # a refresh token spent twice: SlackTokenRotationError
                errors.append(exc)
            finally:
                store.close_thread()

        threads = [threading.Thread(target=refresh, args=(n, s)) for n, s in (("one", one), ("two", two))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        one.close()
        two.close()
    refreshes = [c for c in fake.of("oauth.v2.access") if c.body.get("grant_type") == "refresh_token"]
    assert not errors
    assert [c.body["refresh_token"] for c in refreshes] == [first["refresh_token"]]  # spent once
    check = open_store(location)
    try:
        row = check.installations.find(enterprise_id=None, team_id="T2")
    finally:
        check.close()
    assert results == {"one": row["bot_token"], "two": row["bot_token"]}  # both use the new token
    assert row["bot_token"] != first["access_token"] and row["bot_refresh_token"] in fake.refresh_tokens
