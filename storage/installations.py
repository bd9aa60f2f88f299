"""Slack installations, OAuth states, and removing a workspace (SQL for ``bot.slack.oauth``;
migration 16 describes the tables).

An installation is one row a workspace (``team_id``), or an org for an org-wide install
(``enterprise_id`` with ``team_id`` ''): its bot token and, with token rotation, its refresh
token and expiry. Rows are plain dicts keyed by the table's columns; ``bot_token_expires_at``
is seconds since the epoch, as Slack gives it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.clock import utcnow

if TYPE_CHECKING:
    from storage.store import Store

COLUMNS = (
    "enterprise_id",
    "team_id",
    "is_enterprise_install",
    "app_id",
    "team_name",
    "enterprise_name",
    "bot_id",
    "bot_user_id",
    "bot_token",
    "bot_scopes",
    "bot_refresh_token",
    "bot_token_expires_at",
    "installer_user_id",
    "installed_at",
)


def stored(row: dict) -> list:
    """``row``'s values in the order of ``COLUMNS``, as both stores keep them: no key is NULL
    ('' when absent), the org-wide flag 0 or 1, the moment installed now when not given."""
    values = {name: row.get(name) for name in COLUMNS}
    values["enterprise_id"] = values["enterprise_id"] or ""
    values["team_id"] = values["team_id"] or ""
    values["is_enterprise_install"] = int(bool(values["is_enterprise_install"]))
    values["installed_at"] = values["installed_at"] or utcnow()
    return [values[name] for name in COLUMNS]


def upsert(placeholder: str) -> str:
    """The statement that saves an installation (SQLite's ``?`` or PostgreSQL's ``%s``)."""
    updates = ", ".join(f"{name} = excluded.{name}" for name in COLUMNS[2:])
    return (
        f"INSERT INTO installations ({', '.join(COLUMNS)}) VALUES ({', '.join([placeholder] * len(COLUMNS))})"
        f" ON CONFLICT (enterprise_id, team_id) DO UPDATE SET {updates}"
    )


class Installations:
    """A store's Slack installations and OAuth states."""

    def __init__(self, store: Store):
        self.store = store

    def save(self, row: dict) -> None:
        """Create or replace the installation of ``row``'s (enterprise_id, team_id): a new install
        or a rotated token. Columns missing from ``row`` are stored empty."""
        with self.store.transaction() as conn:
            conn.execute(upsert("?"), stored(row))

    def find(self, *, enterprise_id: str | None, team_id: str | None) -> dict | None:
        """The installation serving a workspace: its own, else its org's org-wide one."""
        rows = self.store.query(
            "SELECT * FROM installations WHERE enterprise_id = ? AND team_id = ?"
            " UNION ALL SELECT * FROM installations WHERE enterprise_id = ? AND enterprise_id <> ''"
            " AND team_id = '' AND is_enterprise_install = 1 LIMIT 1",
            (enterprise_id or "", team_id or "", enterprise_id or ""),
        )
        return rows[0] if rows else None

    def every(self) -> list[dict]:
        """Every installation (tokens included: never log these rows)."""
        return self.store.query("SELECT * FROM installations ORDER BY enterprise_id, team_id")

    def delete(self, *, enterprise_id: str | None, team_id: str | None) -> bool:
        """Forget an installation's tokens (nothing else of the workspace)."""
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "DELETE FROM installations WHERE enterprise_id = ? AND team_id = ?",
                    (enterprise_id or "", team_id or ""),
                ).rowcount
                > 0
            )

    def remove_team(self, team_id: str, *, enterprise_id: str | None = None) -> dict[str, int]:
        """The app was uninstalled from a workspace (or its tokens revoked): its tokens, digest
        subscriptions, follows and feeds go, in one transaction (a feed other workspaces or the
        command line follow stays theirs). How many of each went."""
        with self.store.transaction() as conn:
            articles = self.store.forget_team_articles(conn, team_id)  # the articles only it added
            removed = {
                "articles": articles,
                "installations": conn.execute(
                    "DELETE FROM installations WHERE team_id = ? AND enterprise_id = ?", (team_id, enterprise_id or "")
                ).rowcount,
                "subscriptions": conn.execute("DELETE FROM subscriptions WHERE team = ?", (team_id,)).rowcount,
                "follows": conn.execute("DELETE FROM follows WHERE team = ?", (team_id,)).rowcount,
            }
            feeds = [row[0] for row in conn.execute("SELECT feed_id FROM team_feeds WHERE team = ?", (team_id,))]
            conn.execute("DELETE FROM team_feeds WHERE team = ?", (team_id,))
            gone = 0
            for feed_id in feeds:
                gone += conn.execute(
                    "DELETE FROM feeds WHERE id = ? AND shared = 0"
                    " AND NOT EXISTS (SELECT 1 FROM team_feeds WHERE feed_id = ?)",
                    (feed_id, feed_id),
                ).rowcount
            removed["feeds"] = len(feeds)
            removed["feeds_deleted"] = gone
            return removed

    # -- OAuth states ------------------------------------------------------------------------

    def issue_state(self, state: str, *, expires_at: str) -> None:
        """Keep the state of an install just begun until ``expires_at``; expired ones are dropped."""
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM oauth_states WHERE expires_at <= ?", (utcnow(),))
            conn.execute("INSERT INTO oauth_states (state, expires_at) VALUES (?, ?)", (state, expires_at))

    def consume_state(self, state: str) -> bool:
        """Whether ``state`` was issued and has not expired; it is gone either way (used once)."""
        with self.store.transaction() as conn:
            row = conn.execute("DELETE FROM oauth_states WHERE state = ? RETURNING expires_at", (state,)).fetchone()
            return row is not None and row[0] > utcnow()
