"""Notes: short-lived values any process on the store can read (SQL for ``bot.slack``'s
memory of answered events and of the answers behind buttons, when replicas share a store), on
either store: the SQL written once, with the store's dialect."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.dialect import SQLITE, Dialect

if TYPE_CHECKING:
    from storage.interface import NewsStore


class Notes:
    """A store's notes: a key, a value, and when it was noted."""

    def __init__(self, store: NewsStore, dialect: Dialect = SQLITE):
        self.store = store
        self.d = dialect
        self.sql = dialect.sql

    def first(self, key: str, *, now: str, since: str) -> bool:
        """Note ``key`` at ``now``; ``True`` unless it was noted at or after ``since`` already."""
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    self.sql(
                        "INSERT INTO notes (key, at) VALUES (?, ?)"
                        " ON CONFLICT (key) DO UPDATE SET at = excluded.at, value = NULL WHERE notes.at < ?"
                        " RETURNING key"
                    ),
                    (key, now, since),
                ).fetchone()
                is not None
            )

    def put(self, key: str, value: str, *, now: str) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                self.sql(
                    "INSERT INTO notes (key, value, at) VALUES (?, ?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value, at = excluded.at"
                ),
                (key, value, now),
            )

    def get(self, key: str, *, since: str) -> str | None:
        """The value noted under ``key`` at or after ``since``."""
        return self.d.value(self.store.conn, "SELECT value FROM notes WHERE key = ? AND at >= ?", (key, since))

    def forget(self, *, before: str) -> None:
        with self.store.transaction() as conn:
            conn.execute(self.sql("DELETE FROM notes WHERE at < ?"), (before,))
