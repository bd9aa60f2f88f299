"""Slack installations, OAuth states, and removing a workspace, on PostgreSQL
(``storage.installations`` says what each does; migration 7 describes the tables). A state is
consumed by ``DELETE ... RETURNING``: of two replicas receiving the same redirect, one has it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.clock import utcnow
from storage.installations import stored, upsert

if TYPE_CHECKING:
    from storage.postgres.store import PostgresStore


class Installations:
    def __init__(self, store: PostgresStore):
        self.store = store

    def save(self, row: dict) -> None:
        with self.store.transaction() as conn:
            conn.execute(upsert("%s"), stored(row))

    def find(self, *, enterprise_id: str | None, team_id: str | None) -> dict | None:
        rows = self.store.query(
            "(SELECT *, 0 AS org_wide FROM installations WHERE enterprise_id = %s AND team_id = %s)"
            " UNION ALL (SELECT *, 1 FROM installations WHERE enterprise_id = %s AND enterprise_id <> ''"
            " AND team_id = '' AND is_enterprise_install = 1) ORDER BY org_wide LIMIT 1",
            (enterprise_id or "", team_id or "", enterprise_id or ""),
        )
        if not rows:
            return None
        row = rows[0]
        del row["org_wide"]
        return row

    def every(self) -> list[dict]:
        return self.store.query("SELECT * FROM installations ORDER BY enterprise_id, team_id")

    def delete(self, *, enterprise_id: str | None, team_id: str | None) -> bool:
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "DELETE FROM installations WHERE enterprise_id = %s AND team_id = %s",
                    (enterprise_id or "", team_id or ""),
                ).rowcount
                > 0
            )

    def remove_team(self, team_id: str, *, enterprise_id: str | None = None) -> dict[str, int]:
        with self.store.transaction() as conn:
            articles = self.store.forget_team_articles(conn, team_id)  # the articles only it added
            removed = {
                "articles": articles,
                "installations": conn.execute(
                    "DELETE FROM installations WHERE team_id = %s AND enterprise_id = %s",
                    (team_id, enterprise_id or ""),
                ).rowcount,
                "subscriptions": conn.execute("DELETE FROM subscriptions WHERE team = %s", (team_id,)).rowcount,
                "follows": conn.execute("DELETE FROM follows WHERE team = %s", (team_id,)).rowcount,
            }
            # the feeds locked first, as ``Feeds.add`` and ``remove`` lock them: a workspace adding
            # one at this moment has done so before the feeds no one follows are told
            conn.execute(
                "SELECT id FROM feeds WHERE id IN (SELECT feed_id FROM team_feeds WHERE team = %s)"
                " ORDER BY id FOR UPDATE",
                (team_id,),
            )
            feeds = [
                row["feed_id"]
                for row in conn.execute("DELETE FROM team_feeds WHERE team = %s RETURNING feed_id", (team_id,))
            ]
            gone = conn.execute(
                "DELETE FROM feeds f WHERE f.id = ANY(%s) AND f.shared = 0"
                " AND NOT EXISTS (SELECT 1 FROM team_feeds t WHERE t.feed_id = f.id)",
                (feeds,),
            ).rowcount
            removed["feeds"] = len(feeds)
            removed["feeds_deleted"] = gone
            return removed

    # -- OAuth states --------------------------------------------------------------------------

    def issue_state(self, state: str, *, expires_at: str) -> None:
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM oauth_states WHERE expires_at <= %s", (utcnow(),))
            conn.execute("INSERT INTO oauth_states (state, expires_at) VALUES (%s, %s)", (state, expires_at))

    def consume_state(self, state: str) -> bool:
        with self.store.transaction() as conn:
            row = conn.execute("DELETE FROM oauth_states WHERE state = %s RETURNING expires_at", (state,)).fetchone()
            return row is not None and row["expires_at"] > utcnow()
