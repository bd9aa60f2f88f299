"""Slack installations, OAuth states, and removing a workspace (SQL for ``bot.slack.oauth``),
for both stores (SQLite's migration 16 and PostgreSQL's 7 describe the tables).

An installation is one row a workspace (``team_id``), or an org for an org-wide install
(``enterprise_id`` with ``team_id`` ''): its bot token and, with token rotation, its refresh
token and expiry. Rows are plain dicts keyed by the table's columns; ``bot_token_expires_at``
is seconds since the epoch, as Slack gives it.

A refresh is made under the installation's row lock (``refresh``): Slack invalidates a refresh
token once used, so of two processes refreshing the same token at once the second must see the
first's new pair, not spend the old one (which would fail, and lose the first's rotation if it
wrote last). A state is consumed by ``DELETE ... RETURNING``: of two replicas receiving the
same redirect, one has it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from storage.clock import utcnow
from storage.dialect import SQLITE, Dialect

if TYPE_CHECKING:
    from storage.interface import NewsStore

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
UPSERT = (
    f"INSERT INTO installations ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    f" ON CONFLICT (enterprise_id, team_id) DO UPDATE SET"
    f" {', '.join(f'{name} = excluded.{name}' for name in COLUMNS[2:])}"
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


class Installations:
    """A store's Slack installations and OAuth states."""

    def __init__(self, store: NewsStore, dialect: Dialect = SQLITE):
        self.store = store
        self.d = dialect
        self.sql = dialect.sql

    def save(self, row: dict) -> None:
        """Create or replace the installation of ``row``'s (enterprise_id, team_id): a new install
        or a rotated token. Columns missing from ``row`` are stored empty."""
        with self.store.transaction() as conn:
            conn.execute(self.sql(UPSERT), stored(row))

    def find(self, *, enterprise_id: str | None, team_id: str | None) -> dict | None:
        """The installation serving a workspace: its own, else its org's org-wide one."""
        rows = self.store.query(
            self.sql(
                "SELECT *, 0 AS org_wide FROM installations WHERE enterprise_id = ? AND team_id = ?"
                " UNION ALL SELECT *, 1 FROM installations WHERE enterprise_id = ? AND enterprise_id <> ''"
                " AND team_id = '' AND is_enterprise_install = 1 ORDER BY org_wide LIMIT 1"
            ),
            (enterprise_id or "", team_id or "", enterprise_id or ""),
        )
        if not rows:
            return None
        row = rows[0]
        del row["org_wide"]
        return row

    def of_team(self, team_id: str) -> dict | None:
        """The installation of a workspace when only the workspace is known (digests and follows
        set up before their org was kept): its own, whether or not the workspace is in an
        Enterprise Grid org (Slack's team ids are unique across orgs). An org-wide install is not
        found this way: ``find`` with the org finds it."""
        rows = self.store.query(
            self.sql("SELECT * FROM installations WHERE team_id = ? AND team_id <> '' LIMIT 1"), (team_id,)
        )
        return rows[0] if rows else None

    def org_of_unknown(self, team_id: str) -> str | None:
        """The org of a workspace whose subscriptions or follows were set up under an org-wide
        install before their org was kept, when the store can tell it: the workspace has no
        installation of its own, and the store holds exactly one org-wide install. The rows of
        the workspace that knew no org are given it (as migration 21 gave those stored then);
        ``None``, and nothing changed, when it cannot be told."""
        with self.store.transaction() as conn:
            if conn.execute(self.sql("SELECT 1 FROM installations WHERE team_id = ?"), (team_id,)).fetchone():
                return None
            orgs = conn.execute(
                "SELECT enterprise_id FROM installations"
                " WHERE team_id = '' AND enterprise_id <> '' AND is_enterprise_install = 1 LIMIT 2"
            ).fetchall()
            if len(orgs) != 1:
                return None
            org = orgs[0]["enterprise_id"]
            for table in ("subscriptions", "follows"):
                conn.execute(
                    self.sql(f"UPDATE {table} SET enterprise = ? WHERE team = ? AND enterprise IS NULL"),
                    (org, team_id),
                )
            return org

    def refresh(self, row: dict, *, due: Callable[[dict], bool], rotate: Callable[[dict], dict | None]) -> dict | None:
        """The installation ``row`` (as ``find`` gave it), its token refreshed when ``due``: the row
        is locked (PostgreSQL's row lock; SQLite's write lock) and read again, and only if it is
        still due is ``rotate`` called (Slack's refresh, with the row's refresh token) and its
        answer, a row, saved, before the lock is let go. Another process refreshing the same
        installation at once waits, then reads the new pair and finds it not due. ``None``: the
        installation was deleted meanwhile."""
        with self.store.transaction() as conn:
            current = conn.execute(
                self.sql(f"SELECT * FROM installations WHERE enterprise_id = ? AND team_id = ?{self.d.lock}"),
                (row["enterprise_id"] or "", row["team_id"] or ""),
            ).fetchone()
            if current is None:
                return None
            current = dict(current)
            if not due(current):
                return current
            fresh = rotate(current)
            if fresh is None:
                return current
            conn.execute(self.sql(UPSERT), stored(fresh))
            return {name: value for name, value in zip(COLUMNS, stored(fresh), strict=True)}

    def every(self) -> list[dict]:
        """Every installation (tokens included: never log these rows)."""
        return self.store.query("SELECT * FROM installations ORDER BY enterprise_id, team_id")

    def delete(self, *, enterprise_id: str | None, team_id: str | None) -> bool:
        """Forget an installation's tokens (nothing else of the workspace)."""
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    self.sql("DELETE FROM installations WHERE enterprise_id = ? AND team_id = ?"),
                    (enterprise_id or "", team_id or ""),
                ).rowcount
                > 0
            )

    def remove_team(self, team_id: str, *, enterprise_id: str | None = None) -> dict[str, int]:
        """The app was uninstalled from a workspace (or its tokens revoked): its tokens, digest
        subscriptions, follows and feeds go, in one transaction (a feed other workspaces or the
        command line follow stays theirs). How many of each went."""
        with self.store.transaction() as conn:
            return self._remove_team(conn, team_id, enterprise_id or "")

    def remove_org(self, enterprise_id: str) -> dict[str, int]:
        """The org-wide install of ``enterprise_id`` was uninstalled (or its bot token revoked):
        its installation goes, and so does every workspace set up under it (subscriptions or
        follows kept with the org, in a workspace with no installation of its own), as
        ``remove_team`` removes one. How many of each went (``teams``: the workspaces)."""
        if not enterprise_id:
            return {}
        with self.store.transaction() as conn:
            gone = conn.execute(
                self.sql("DELETE FROM installations WHERE enterprise_id = ? AND team_id = ''"), (enterprise_id,)
            ).rowcount
            teams = [
                row["team"]
                for row in conn.execute(
                    self.sql(
                        "SELECT team FROM subscriptions WHERE enterprise = ? AND team IS NOT NULL"
                        " UNION SELECT team FROM follows WHERE enterprise = ? AND team IS NOT NULL"
                        " EXCEPT SELECT team_id FROM installations WHERE enterprise_id = ? ORDER BY 1"
                    ),
                    (enterprise_id, enterprise_id, enterprise_id),
                ).fetchall()
            ]
            removed = {"installations": gone, "teams": len(teams)}
            for team in teams:
                for name, n in self._remove_team(conn, team, enterprise_id).items():
                    removed[name] = removed.get(name, 0) + n
            return removed

    def remove_org_teams(self, enterprise_id: str, team_ids: list[str]) -> dict[str, int]:
        """The org-wide install of ``enterprise_id`` lost access to some of its workspaces
        (``team_access_revoked``: the app was removed from them): each of ``team_ids`` known to
        be of that org (its own installation there, or subscriptions or follows kept with the
        org) is removed as ``remove_team`` removes one, its own token with it; the org's
        installation and its other workspaces stay. A workspace not known in the org is left
        alone (``unknown``): nothing of another org's, or of no org's, is touched."""
        removed = {"teams": 0, "unknown": 0}
        if not enterprise_id:
            return removed
        with self.store.transaction() as conn:
            for team in sorted(set(t for t in team_ids if t)):
                known = conn.execute(
                    self.sql(
                        "SELECT 1 FROM installations WHERE enterprise_id = ? AND team_id = ?"
                        " UNION ALL SELECT 1 FROM subscriptions WHERE enterprise = ? AND team = ?"
                        " UNION ALL SELECT 1 FROM follows WHERE enterprise = ? AND team = ? LIMIT 1"
                    ),
                    (enterprise_id, team, enterprise_id, team, enterprise_id, team),
                ).fetchone()
                if known is None:
                    removed["unknown"] += 1
                    continue
                removed["teams"] += 1
                for name, n in self._remove_team(conn, team, enterprise_id).items():
                    removed[name] = removed.get(name, 0) + n
        return removed

    def _remove_team(self, conn, team_id: str, enterprise_id: str) -> dict[str, int]:
        def gone(sql: str, params: tuple) -> int:
            return conn.execute(self.sql(sql), params).rowcount

        removed = {
            "articles": self.store.forget_team_articles(conn, team_id),  # the articles only it added
            "installations": gone(
                "DELETE FROM installations WHERE team_id = ? AND enterprise_id = ?", (team_id, enterprise_id)
            ),
            "subscriptions": gone("DELETE FROM subscriptions WHERE team = ?", (team_id,)),
            "follows": gone("DELETE FROM follows WHERE team = ?", (team_id,)),
        }
        # the feeds locked first (on PostgreSQL), as ``Feeds.add`` and ``remove`` lock them: a
        # workspace adding one at this moment has done so before the feeds no one follows are told
        feeds = [
            row["id"]
            for row in conn.execute(
                self.sql(
                    "SELECT id FROM feeds WHERE id IN (SELECT feed_id FROM team_feeds WHERE team = ?)"
                    f" ORDER BY id{self.d.lock}"
                ),
                (team_id,),
            ).fetchall()
        ]
        gone("DELETE FROM team_feeds WHERE team = ?", (team_id,))
        removed["feeds"] = len(feeds)
        removed["feeds_deleted"] = sum(
            gone(
                "DELETE FROM feeds WHERE id = ? AND shared = 0"
                " AND NOT EXISTS (SELECT 1 FROM team_feeds t WHERE t.feed_id = feeds.id)",
                (feed_id,),
            )
            for feed_id in feeds
        )
        return removed

    # -- OAuth states ------------------------------------------------------------------------

    def issue_state(self, state: str, *, expires_at: str) -> None:
        """Keep the state of an install just begun until ``expires_at``; expired ones are dropped."""
        with self.store.transaction() as conn:
            conn.execute(self.sql("DELETE FROM oauth_states WHERE expires_at <= ?"), (utcnow(),))
            conn.execute(self.sql("INSERT INTO oauth_states (state, expires_at) VALUES (?, ?)"), (state, expires_at))

    def consume_state(self, state: str) -> bool:
        """Whether ``state`` was issued and has not expired; it is gone either way (used once)."""
        with self.store.transaction() as conn:
            row = conn.execute(
                self.sql("DELETE FROM oauth_states WHERE state = ? RETURNING expires_at"), (state,)
            ).fetchone()
            return row is not None and row["expires_at"] > utcnow()
