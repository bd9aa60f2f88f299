"""Feeds and the entries already seen (SQL for ``bot.fetch``), for both stores.

A feed is every workspace's (``shared``: added from the command line) or followed by the
workspaces in ``team_feeds``; one no workspace follows any more is deleted. On PostgreSQL the
feed's row is locked while a workspace adds or removes it, so a last removal in one replica
cannot delete a feed another workspace is adding at once in another."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.clock import utcnow
from storage.dialect import SQLITE, Dialect
from storage.teams import HIDDEN_ARTICLES

if TYPE_CHECKING:
    from storage.interface import NewsStore


class Feeds:
    """A store's feeds and the entries already seen."""

    def __init__(self, store: NewsStore, dialect: Dialect = SQLITE):
        self.store = store
        self.d = dialect
        self.sql = dialect.sql

    def add(self, url: str, *, added_by: str | None = None, team: str | None = None) -> bool:
        """Follow ``url``: for every workspace (from the command line), or for ``team`` alone;
        False when it was already followed (for every workspace, or by ``team``)."""
        now = utcnow()
        with self.store.transaction() as conn:
            if team is None:
                return (
                    conn.execute(
                        self.sql(
                            "INSERT INTO feeds AS f (url, added_at, added_by, shared) VALUES (?, ?, ?, 1)"
                            " ON CONFLICT (url) DO UPDATE SET shared = 1 WHERE f.shared = 0"
                        ),
                        (url, now, added_by),
                    ).rowcount
                    > 0
                )
            conn.execute(
                self.sql(
                    "INSERT INTO feeds (url, added_at, added_by, shared) VALUES (?, ?, ?, 0)"
                    " ON CONFLICT (url) DO NOTHING"
                ),
                (url, now, added_by),
            )
            feed = conn.execute(self.sql(f"SELECT id, shared FROM feeds WHERE url = ?{self.d.lock}"), (url,)).fetchone()
            if feed is None or feed["shared"]:  # every workspace's already
                return False
            return (
                conn.execute(
                    self.sql(
                        "INSERT INTO team_feeds (team, feed_id, added_by, added_at) VALUES (?, ?, ?, ?)"
                        " ON CONFLICT (team, feed_id) DO NOTHING"
                    ),
                    (team, feed["id"], added_by, now),
                ).rowcount
                > 0
            )

    def remove(self, url: str, *, team: str | None = None) -> bool:
        """Stop following ``url``: everywhere (from the command line), or for ``team`` (a feed
        every workspace has stays; one no workspace follows any more goes)."""
        with self.store.transaction() as conn:
            if team is None:
                return conn.execute(self.sql("DELETE FROM feeds WHERE url = ?"), (url,)).rowcount > 0
            feed = conn.execute(self.sql(f"SELECT id FROM feeds WHERE url = ?{self.d.lock}"), (url,)).fetchone()
            if feed is None:
                return False
            removed = conn.execute(
                self.sql("DELETE FROM team_feeds WHERE team = ? AND feed_id = ?"), (team, feed["id"])
            ).rowcount
            conn.execute(
                self.sql(
                    "DELETE FROM feeds WHERE id = ? AND shared = 0"
                    " AND NOT EXISTS (SELECT 1 FROM team_feeds t WHERE t.feed_id = feeds.id)"
                ),
                (feed["id"],),
            )
            return removed > 0

    def all_feeds(self, *, team: str | None = None) -> list[dict]:
        """Every feed, or those ``team`` sees: every workspace's, and its own. ``entries``: the
        entries seen; of a feed only some workspaces follow, counted for ``team`` as the stories
        of it that ``team`` can read (the same whether other workspaces followed it first)."""
        if team is None:
            return self.store.query(
                "SELECT f.*, (SELECT count(*) FROM feed_entries e WHERE e.feed_id = f.id) AS entries"
                " FROM feeds f ORDER BY f.id"
            )
        return self.store.query(
            self.sql(
                "SELECT f.*, CASE WHEN f.shared = 1 THEN (SELECT count(*) FROM feed_entries e WHERE e.feed_id = f.id)"
                " ELSE (SELECT count(*) FROM feed_entries e WHERE e.feed_id = f.id AND e.article_id IS NOT NULL"
                f" AND e.article_id NOT IN {HIDDEN_ARTICLES}) END AS entries FROM feeds f"
                " WHERE f.shared = 1 OR f.id IN (SELECT feed_id FROM team_feeds WHERE team = ?) ORDER BY f.id"
            ),
            (team, team, team),
        )

    def get(self, url: str) -> dict | None:
        rows = self.store.query(self.sql("SELECT * FROM feeds WHERE url = ?"), (url,))
        return rows[0] if rows else None

    def seen(self, feed_id: int, guid: str, link: str | None) -> bool:
        """The entry was stored before: the same GUID in this feed, or the same story's canonical
        link anywhere (an entry of any feed, or an article added from that link)."""
        return (
            self.d.value(
                self.store.conn,
                "SELECT 1 FROM feed_entries WHERE feed_id = ? AND guid = ?"
                " UNION ALL SELECT 1 FROM feed_entries WHERE link = ?"
                " UNION ALL SELECT 1 FROM articles WHERE source = ? LIMIT 1",
                (feed_id, guid, link, link),
            )
            is not None
        )

    def seen_by_all(self, feed_id: int, guid: str, link: str | None) -> bool:
        """:meth:`seen`, where the story stored before is everyone's: an entry of this feed or of
        a feed for every workspace, or an article at ``link`` that no workspace holds alone."""
        return (
            self.d.value(
                self.store.conn,
                "SELECT 1 FROM feed_entries WHERE feed_id = ? AND (guid = ? OR link = ?)"
                " UNION ALL SELECT 1 FROM feed_entries e JOIN feeds f ON f.id = e.feed_id"
                " WHERE e.link = ? AND f.shared = 1"
                " UNION ALL SELECT 1 FROM articles a WHERE a.source = ?"
                " AND NOT EXISTS (SELECT 1 FROM article_teams t WHERE t.article_id = a.id) LIMIT 1",
                (feed_id, guid, link, link, link),
            )
            is not None
        )

    def seen_here(self, feed_id: int, guid: str, link: str | None) -> bool:
        """This feed had the entry before: the same GUID, or the same canonical link."""
        return (
            self.d.value(
                self.store.conn,
                "SELECT 1 FROM feed_entries WHERE feed_id = ? AND (guid = ? OR link = ?) LIMIT 1",
                (feed_id, guid, link),
            )
            is not None
        )

    def seen_by(self, feed_id: int, guid: str, link: str | None, team: str) -> bool:
        """This feed had the entry before, and ``team`` can read its story (everyone's, or one
        ``team`` holds): a workspace joining a feed others follow is given the rest."""
        return (
            self.d.value(
                self.store.conn,
                "SELECT 1 FROM feed_entries e WHERE e.feed_id = ? AND (e.guid = ? OR e.link = ?)"
                f" AND e.article_id IS NOT NULL AND e.article_id NOT IN {HIDDEN_ARTICLES} LIMIT 1",
                (feed_id, guid, link, team, team),
            )
            is not None
        )

    def remember_many(self, feed_id: int, entries: list[tuple[str, str, int | None]]) -> None:
        """Entries seen, each as (GUID, canonical link, article id or None), in one transaction."""
        if not entries:
            return
        now = utcnow()
        with self.store.transaction() as conn:
            self.d.many(
                conn,
                "INSERT INTO feed_entries (feed_id, guid, link, article_id, seen_at) VALUES (?, ?, ?, ?, ?)"
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
        """Record a poll. ``validators`` (ETag, Last-Modified) replace the stored ones, absent
        values included; None keeps them (a poll that failed, or left entries to try again)."""
        keep = validators is None
        etag, last_modified = validators or (None, None)
        with self.store.transaction() as conn:
            conn.execute(
                self.sql(
                    "UPDATE feeds SET last_polled_at = ?, last_status = ?, last_error = ?,"
                    " etag = CASE WHEN ? THEN etag ELSE ? END,"
                    " last_modified = CASE WHEN ? THEN last_modified ELSE ? END,"
                    " title = coalesce(?, title) WHERE id = ?"
                ),
                (utcnow(), status, error, keep, etag, keep, last_modified, title, feed_id),
            )
