"""Notes: short-lived values any process on the store can read (SQL for ``bot.slack``'s
memory of answered events and of the answers behind buttons, when replicas share a store)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.store import Store


class Notes:
    """A store's notes: a key, a value, and when it was noted."""

    def __init__(self, store: Store):
        self.store = store

    def first(self, key: str, *, now: str, since: str) -> bool:
        """Note ``key`` at ``now``; ``True`` unless it was noted at or after ``since`` already."""
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "INSERT INTO notes (key, at) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET at = excluded.at, value = NULL WHERE notes.at < ?"
                    " RETURNING key",
                    (key, now, since),
                ).fetchone()
                is not None
            )

    def put(self, key: str, value: str, *, now: str) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO notes (key, value, at) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value, at = excluded.at",
                (key, value, now),
            )

    def get(self, key: str, *, since: str) -> str | None:
        """The value noted under ``key`` at or after ``since``."""
        row = self.store.conn.execute("SELECT value FROM notes WHERE key = ? AND at >= ?", (key, since)).fetchone()
        return row[0] if row else None

    def forget(self, *, before: str) -> None:
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM notes WHERE at < ?", (before,))
