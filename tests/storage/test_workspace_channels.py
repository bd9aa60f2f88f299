"""The migration that keys a channel's digest, follows and ledgers by (channel, workspace)
(SQLite's 20, PostgreSQL's 11): the rows stored before are kept, each ledger row given the
workspace of its channel, and a second workspace may then set up the same channel apart."""

from __future__ import annotations

from tests.storage.older import postgres_at, sqlite_at

ROWS_BEFORE = (
    "INSERT INTO subscriptions (channel, team, schedule, at, zone, created_at, changed_at) VALUES"
    " ('CT2', 'T2', 'daily', '08:00', 'UTC', '2026-01-01', '2026-01-01'),"
    " ('C1', NULL, 'weekdays', '09:00', 'UTC', '2026-01-01', '2026-01-01')",
    "INSERT INTO follows (channel, kind, name, name_key, created_at, after_seq, team) VALUES"
    " ('CT2', 'company', 'Sony', 'sony', '2026-01-01', 0, 'T2'),"
    " ('C1', 'topic', 'chips', 'chips', '2026-01-01', 0, NULL)",
    "INSERT INTO digest_runs (channel, period, status, claimed_at, until) VALUES"
    " ('CT2', '2026-01-02', 'posted', '2026-01-02', '2026-01-02T08:00:00'),"
    " ('C1', '2026-01-02', 'posted', '2026-01-02', '2026-01-02T09:00:00')",
    "INSERT INTO follow_batches (channel, key, status, claimed_at) VALUES ('CT2', 'k1', 'posted', '2026-01-02')",
    "INSERT INTO channel_articles (channel, article_id, via, batch_id, follows, at) VALUES"
    " ('CT2', 1, 'follow', 1, '[\"Sony\"]', '2026-01-02'), ('C1', 1, 'digest', NULL, NULL, '2026-01-02')",
)


def _kept(store) -> None:
    subs = {(s["channel"], s["team"]): s["schedule"] for s in store.digests.subscriptions()}
    assert subs == {("CT2", "T2"): "daily", ("C1", None): "weekdays"}
    assert {(f["channel"], f["team"], f["name"]) for f in store.follows.every()} == {
        ("CT2", "T2", "Sony"),
        ("C1", None, "chips"),
    }
    assert store.digests.digested_until("CT2", "T2") == "2026-01-02T08:00:00"
    assert store.digests.digested_until("C1") == "2026-01-02T09:00:00"
    assert store.digests.digested_until("CT2", "T3") is None
    assert store.follows.followed_in("CT2", [1], team="T2") == {1} and store.follows.followed_in("CT2", [1]) == set()
    assert store.follows.had("C1", [1]) == {1}
    assert store.follows.posts_per_follow() == {("CT2", "T2", "sony"): 1}
    # the channel shared with another workspace: set up there apart, nothing of T2's changed
    store.digests.subscribe("CT2", schedule="weekdays", at="10:00", zone="UTC", now="2026-01-03", team="T3")
    assert store.follows.add("CT2", "company", "Sony", now="2026-01-03", team="T3")
    assert not store.follows.add("CT2", "company", "Sony", now="2026-01-03", team="T2")
    assert store.digests.subscription("CT2", "T2")["schedule"] == "daily"
    assert store.digests.subscription("CT2", "T3")["schedule"] == "weekdays"
    assert store.digests.unsubscribe("CT2", "T3") and store.digests.subscription("CT2", "T2") is not None
    store.digests.subscribe("C1", schedule="daily", at="07:00", zone="UTC", now="2026-01-03")  # the same row
    assert [s["at"] for s in store.digests.subscriptions() if s["channel"] == "C1"] == ["07:00"]


def test_sqlite_migration_20_keeps_the_rows_and_keys_them_by_workspace(tmp_path):
    from storage import Store

    sqlite_at(tmp_path / "old.db", 19, ROWS_BEFORE).close()
    store = Store(tmp_path / "old.db")
    try:
        _kept(store)
    finally:
        store.close()


def test_postgresql_migration_11_keeps_the_rows_and_keys_them_by_workspace(pg_server):
    from storage.postgres import PostgresStore

    url = pg_server.database(migrated=False)
    try:
        postgres_at(url, 10, ROWS_BEFORE)
        store = PostgresStore(url)
        try:
            _kept(store)
        finally:
            store.close()
    finally:
        pg_server.drop(url)
