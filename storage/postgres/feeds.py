"""Feeds and the entries already seen, on PostgreSQL (``storage.feeds`` says what each does)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.clock import utcnow

if TYPE_CHECKING:
    from storage.postgres.store import PostgresStore


class Feeds:
    def __init__(self, store: PostgresStore):
        self.store = store

    def add(self, url: str, *, added_by: str | None = None, team: str | None = None) -> bool:
        now = utcnow()
        with self.store.transaction() as conn:
            if team is None:
                return (
                    conn.execute(
                        "INSERT INTO feeds AS f (url, added_at, added_by, shared) VALUES (%s, %s, %s, 1)"
                        " ON CONFLICT (url) DO UPDATE SET shared = 1 WHERE f.shared = 0",
                        (url, now, added_by),
                    ).rowcount
                    > 0
                )
            conn.execute(
                "INSERT INTO feeds (url, added_at, added_by, shared) VALUES (%s, %s, %s, 0)"
                " ON CONFLICT (url) DO NOTHING",
                (url, now, added_by),
            )
            # locked: a workspace's last removal, at once in another replica, cannot delete it under us
            feed = conn.execute("SELECT id, shared FROM feeds WHERE url = %s FOR UPDATE", (url,)).fetchone()
            if feed is None or feed["shared"]:  # every workspace's already
                return False
            return (
                conn.execute(
                    "INSERT INTO team_feeds (team, feed_id, added_by, added_at) VALUES (%s, %s, %s, %s)"
                    " ON CONFLICT (team, feed_id) DO NOTHING",
                    (team, feed["id"], added_by, now),
                ).rowcount
                > 0
            )

    def remove(self, url: str, *, team: str | None = None) -> bool:
        with self.store.transaction() as conn:
            if team is None:
                return conn.execute("DELETE FROM feeds WHERE url = %s", (url,)).rowcount > 0
            feed = conn.execute("SELECT id FROM feeds WHERE url = %s FOR UPDATE", (url,)).fetchone()
            if feed is None:
                return False
            removed = conn.execute(
                "DELETE FROM team_feeds WHERE team = %s AND feed_id = %s", (team, feed["id"])
            ).rowcount
            conn.execute(
                "DELETE FROM feeds f WHERE f.id = %s AND f.shared = 0"
                " AND NOT EXISTS (SELECT 1 FROM team_feeds t WHERE t.feed_id = f.id)",
                (feed["id"],),
            )
            return removed > 0

    def all_feeds(self, *, team: str | None = None) -> list[dict]:
        mine = "" if team is None else " WHERE f.shared = 1 OR f.id IN (SELECT feed_id FROM team_feeds WHERE team = %s)"
        return self.store.query(
            "SELECT f.*, (SELECT count(*) FROM feed_entries e WHERE e.feed_id = f.id) AS entries"
            f" FROM feeds f{mine} ORDER BY f.id",
            () if team is None else (team,),
        )

    def get(self, url: str) -> dict | None:
        rows = self.store.query("SELECT * FROM feeds WHERE url = %s", (url,))
        return rows[0] if rows else None

    def seen(self, feed_id: int, guid: str, link: str | None) -> bool:
        return (
            self.store.value(
                "SELECT 1 FROM feed_entries WHERE feed_id = %s AND guid = %s"
                " UNION ALL SELECT 1 FROM feed_entries WHERE link = %s"
                " UNION ALL SELECT 1 FROM articles WHERE source = %s LIMIT 1",
                (feed_id, guid, link, link),
            )
            is not None
        )

    def remember_many(self, feed_id: int, entries: list[tuple[str, str, int | None]]) -> None:
        if not entries:
            return
        now = utcnow()
        with self.store.transaction() as conn, conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO feed_entries (feed_id, guid, link, article_id, seen_at) VALUES (%s, %s, %s, %s, %s)"
                " ON CONFLICT DO NOTHING",
                [(feed_id, guid, link, article_id, now) for guid, link, article_id in entries],
            )

    def polled(
        self,
        feed_id: int,
        *,
        status: str,
        error: str | None = None,
        validators: tuple[str | None, str | None] | None = None,
        title: str | None = None,
    ) -> None:
        keep = validators is None
        etag, last_modified = validators or (None, None)
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE feeds SET last_polled_at = %s, last_status = %s, last_error = %s,"
                " etag = CASE WHEN %s THEN etag ELSE %s END,"
                " last_modified = CASE WHEN %s THEN last_modified ELSE %s END,"
                " title = coalesce(%s, title) WHERE id = %s",
                (utcnow(), status, error, keep, etag, keep, last_modified, title, feed_id),
            )
