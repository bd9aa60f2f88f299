"""Installations, OAuth states and what belongs to each workspace (storage/installations.py,
migration 16; its PostgreSQL migration 7), on both stores: ``store`` is
tests/storage's, on an SQLite file and on a PostgreSQL database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage import Store, iso, open_store
from tests.storage.older import postgres_at, sqlite_at


def install(store: Store, team: str, token: str, **extra) -> None:
    store.installations.save({"team_id": team, "bot_token": token, "bot_user_id": f"UB{team}", **extra})


def test_an_installation_is_kept_found_by_its_workspace_and_replaced_when_its_token_rotates(store):
    install(store, "T1", "xoxb-1", bot_refresh_token="xoxe-1", bot_token_expires_at=100)
    install(store, "T2", "xoxb-2")
    assert store.installations.find(enterprise_id=None, team_id="T1")["bot_token"] == "xoxb-1"
    install(store, "T1", "xoxb-1b", bot_refresh_token="xoxe-1b", bot_token_expires_at=200)
    found = store.installations.find(enterprise_id=None, team_id="T1")
    rotated = (found["bot_token"], found["bot_refresh_token"], found["bot_token_expires_at"])
    assert rotated == ("xoxb-1b", "xoxe-1b", 200)
    assert [row["team_id"] for row in store.installations.every()] == ["T1", "T2"]
    assert store.installations.find(enterprise_id=None, team_id="T3") is None


def test_a_workspace_is_found_by_its_id_alone_in_an_enterprise_org_too(store):
    # digests and follows know the workspace, not its org: a workspace installed inside an
    # Enterprise Grid org is found (before, only installs outside any org were)
    install(store, "T5", "xoxb-5", enterprise_id="E1")
    install(store, "T6", "xoxb-6")
    store.installations.save({"enterprise_id": "E1", "team_id": None, "is_enterprise_install": True, "bot_token": "o"})
    assert store.installations.of_team("T5")["bot_token"] == "xoxb-5"
    assert store.installations.of_team("T6")["bot_token"] == "xoxb-6"
    assert store.installations.of_team("T7") is None
    assert store.installations.of_team("") is None  # the org-wide row is no workspace's


def test_an_org_wide_install_serves_each_workspace_of_its_org_and_no_other(store):
    store.installations.save({"enterprise_id": "E1", "team_id": None, "is_enterprise_install": True, "bot_token": "x"})
    assert store.installations.find(enterprise_id="E1", team_id="T9")["bot_token"] == "x"
    assert store.installations.find(enterprise_id="E2", team_id="T9") is None
    assert store.installations.find(enterprise_id=None, team_id="T9") is None
    # a workspace of the org with an install of its own is served by that one
    store.installations.save({"enterprise_id": "E1", "team_id": "T8", "bot_token": "own"})
    assert store.installations.find(enterprise_id="E1", team_id="T8")["bot_token"] == "own"
    assert store.installations.delete(enterprise_id="E1", team_id="T8")
    assert store.installations.find(enterprise_id="E1", team_id="T8")["bot_token"] == "x"
    assert not store.installations.delete(enterprise_id="E1", team_id="T8")


def test_a_state_is_consumed_once_and_never_after_it_expires(store):
    later = iso(datetime.now(UTC) + timedelta(minutes=10))
    store.installations.issue_state("s1", expires_at=later)
    store.installations.issue_state("old", expires_at=iso(datetime.now(UTC) - timedelta(seconds=1)))
    assert store.installations.consume_state("s1") is True
    assert store.installations.consume_state("s1") is False  # used once
    assert store.installations.consume_state("old") is False
    assert store.installations.consume_state("never-issued") is False


def test_a_state_issued_through_one_store_is_consumed_once_through_another_on_the_same_store(location):
    """Another process (a replica) receives the redirect: the state is there, and used once."""
    one, two = open_store(location), open_store(location)
    try:
        one.installations.issue_state("shared", expires_at=iso(datetime.now(UTC) + timedelta(minutes=10)))
        assert two.installations.consume_state("shared") is True
        assert one.installations.consume_state("shared") is False
    finally:
        one.close()
        two.close()


def test_feeds_a_workspace_adds_are_its_own_and_command_line_feeds_everyones(store):
    assert store.feeds.add("https://a.example/rss", team="T1")
    assert store.feeds.add("https://common.example/rss")  # the command line's
    assert [f["url"] for f in store.feeds.all_feeds(team="T2")] == ["https://common.example/rss"]
    assert {f["url"] for f in store.feeds.all_feeds(team="T1")} == {
        "https://a.example/rss",
        "https://common.example/rss",
    }
    assert not store.feeds.remove("https://a.example/rss", team="T2")  # not T2's to remove
    assert store.feeds.get("https://a.example/rss") is not None
    assert store.feeds.add("https://a.example/rss", team="T2")  # T2 follows it too
    assert store.feeds.remove("https://a.example/rss", team="T1")
    assert store.feeds.get("https://a.example/rss") is not None  # still T2's
    assert store.feeds.remove("https://a.example/rss", team="T2")
    assert store.feeds.get("https://a.example/rss") is None  # nobody's: gone
    assert not store.feeds.add("https://common.example/rss", team="T1")  # already everyone's
    assert not store.feeds.remove("https://common.example/rss", team="T1")
    assert store.feeds.get("https://common.example/rss") is not None


def test_removing_a_workspace_removes_its_tokens_digests_follows_and_feeds_and_nothing_of_another(store):
    now = iso(datetime.now(UTC))
    for team in ("T1", "T2"):
        install(store, team, f"xoxb-{team}")
        store.digests.subscribe(f"C{team}", schedule="daily", at="08:00", zone="UTC", now=now, team=team)
        store.follows.add(f"C{team}", "company", "Sony", now=now, team=team)
    store.feeds.add("https://a.example/rss", team="T1")
    store.feeds.add("https://both.example/rss", team="T1")
    store.feeds.add("https://both.example/rss", team="T2")
    store.feeds.add("https://common.example/rss")
    removed = store.installations.remove_team("T1")
    assert removed == {
        "articles": 0,
        "installations": 1,
        "subscriptions": 1,
        "follows": 1,
        "feeds": 2,
        "feeds_deleted": 1,
    }
    assert store.installations.find(enterprise_id=None, team_id="T1") is None
    assert [s["channel"] for s in store.digests.subscriptions()] == ["CT2"]
    assert [f["channel"] for f in store.follows.every()] == ["CT2"]
    assert {f["url"] for f in store.feeds.all_feeds()} == {"https://both.example/rss", "https://common.example/rss"}
    assert store.installations.find(enterprise_id=None, team_id="T2")["bot_token"] == "xoxb-T2"


def test_listings_by_person_keep_to_the_workspace_asked_for(store):
    now = iso(datetime.now(UTC))
    # an org's user is the same id in each workspace of the org
    store.digests.subscribe("C1", schedule="daily", at="08:00", zone="UTC", now=now, created_by="U1", team="T1")
    store.digests.subscribe("C2", schedule="daily", at="08:00", zone="UTC", now=now, created_by="U1", team="T2")
    store.follows.add("C1", "topic", "chips", now=now, created_by="U1", team="T1")
    store.follows.add("C2", "topic", "chips", now=now, created_by="U1", team="T2")
    assert [s["channel"] for s in store.digests.subscriptions_by("U1", team="T2")] == ["C2"]
    assert [f["channel"] for f in store.follows.of_person("U1", team="T2")] == ["C2"]
    assert len(store.digests.subscriptions_by("U1")) == 2  # the command line sees all


def test_removing_an_org_wide_install_removes_the_workspaces_set_up_under_it_and_nothing_else(store):
    now = iso(datetime.now(UTC))
    store.installations.save({"enterprise_id": "E1", "team_id": None, "is_enterprise_install": True, "bot_token": "o"})
    install(store, "T4", "xoxb-4", enterprise_id="E1")  # in the org, installed itself
    install(store, "T2", "xoxb-2")
    for team, org in (("T5", "E1"), ("T6", "E1"), ("T4", "E1"), ("T2", None), ("T7", "E2")):
        store.digests.subscribe(
            f"C{team}", schedule="daily", at="08:00", zone="UTC", now=now, team=team, enterprise=org
        )
        store.follows.add(f"F{team}", "topic", "chips", now=now, team=team, enterprise=org)
    store.feeds.add("https://t5.example/rss", team="T5")
    removed = store.installations.remove_org("E1")
    assert (removed["installations"], removed["teams"], removed["subscriptions"], removed["follows"]) == (1, 2, 2, 2)
    assert removed["feeds_deleted"] == 1
    assert sorted((r["enterprise_id"], r["team_id"]) for r in store.installations.every()) == [("", "T2"), ("E1", "T4")]
    assert [s["channel"] for s in store.digests.subscriptions()] == ["CT2", "CT4", "CT7"]
    assert [f["channel"] for f in store.follows.every()] == ["FT2", "FT4", "FT7"]
    assert store.installations.remove_org("E1")["teams"] == 0


ROWS_BEFORE_19 = (
    "INSERT INTO installations (enterprise_id, team_id, is_enterprise_install, bot_token, installed_at) VALUES"
    " ('E1', 'T4', 0, 'xoxb-4', '2026-01-01'), ('', 'T2', 0, 'xoxb-2', '2026-01-01'),"
    " ('E1', '', 1, 'xoxb-org', '2026-01-01')",
    "INSERT INTO subscriptions (channel, team, schedule, at, zone, created_at) VALUES"
    " ('CT4', 'T4', 'daily', '08:00', 'UTC', '2026-01-01'), ('CT2', 'T2', 'daily', '08:00', 'UTC', '2026-01-01'),"
    " ('CT5', 'T5', 'daily', '08:00', 'UTC', '2026-01-01'), ('C1', NULL, 'daily', '08:00', 'UTC', '2026-01-01')",
    "INSERT INTO follows (channel, kind, name, name_key, created_at, after_seq, team) VALUES"
    " ('CT4', 'topic', 'chips', 'chips', '2026-01-01', 0, 'T4'),"
    " ('CT5', 'topic', 'chips', 'chips', '2026-01-01', 0, 'T5')",
)


def _orgs_after_migration(store) -> tuple[dict, dict]:
    return (
        {s["channel"]: s["enterprise"] for s in store.digests.subscriptions()},
        {f["channel"]: f["enterprise"] for f in store.follows.every()},
    )


def test_sqlite_migration_19_gives_rows_of_a_workspace_installed_in_an_org_that_org(tmp_path):

    conn = sqlite_at(tmp_path / "old.db", 18, ROWS_BEFORE_19)
    conn.close()
    subs, follows = _orgs_after_migration(Store(tmp_path / "old.db"))
    # T5 has no installation of its own, and E1's is the only org-wide one: migration 21 tells it
    assert subs == {"CT4": "E1", "CT2": None, "CT5": "E1", "C1": None}
    assert follows == {"CT4": "E1", "CT5": "E1"}


def test_postgresql_migration_9_gives_rows_of_a_workspace_installed_in_an_org_that_org(pg_server):
    from storage.postgres import PostgresStore

    url = pg_server.database(migrated=False)
    try:
        postgres_at(url, 8, ROWS_BEFORE_19)
        store = PostgresStore(url)
        subs, follows = _orgs_after_migration(store)
        store.close()
    finally:
        pg_server.drop(url)
    assert subs == {"CT4": "E1", "CT2": None, "CT5": "E1", "C1": None}
    assert follows == {"CT4": "E1", "CT5": "E1"}


def test_sqlite_migration_21_leaves_the_org_unknown_when_two_org_wide_installs_could_be_it(tmp_path):

    conn = sqlite_at(tmp_path / "old.db", 18, ROWS_BEFORE_19)
    conn.execute(
        "INSERT INTO installations (enterprise_id, team_id, is_enterprise_install, bot_token, installed_at)"
        " VALUES ('E2', '', 1, 'xoxb-org2', '2026-01-01')"
    )
    conn.close()
    subs, follows = _orgs_after_migration(Store(tmp_path / "old.db"))
    assert subs == {"CT4": "E1", "CT2": None, "CT5": None, "C1": None}  # E1's or E2's: cannot be told
    assert follows == {"CT4": "E1", "CT5": None}
