"""Notes on PostgreSQL (``storage.notes`` says what each does): what one replica leaves for the
request another may answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.postgres.store import PostgresStore


class Notes:
    def __init__(self, store: PostgresStore):
        self.store = store

    def first(self, key: str, *, now: str, since: str) -> bool:
        with self.store.transaction() as conn:
            return (
                conn.execute(
                    "INSERT INTO notes AS n (key, at) VALUES (%s, %s)"
                    " ON CONFLICT (key) DO UPDATE SET at = excluded.at, value = NULL WHERE n.at < %s RETURNING key",
                    (key, now, since),
                ).fetchone()
                is not None
            )

    def put(self, key: str, value: str, *, now: str) -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO notes (key, value, at) VALUES (%s, %s, %s)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value, at = excluded.at",
                (key, value, now),
            )

    def get(self, key: str, *, since: str) -> str | None:
        return self.store.value("SELECT value FROM notes WHERE key = %s AND at >= %s", (key, since))

    def forget(self, *, before: str) -> None:
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM notes WHERE at < %s", (before,))
