"""What the two stores' SQL differs in, for the parts both stores share (digests, follows,
feeds, installations): each part is written once, with SQLite's ``?`` placeholders, and reads
its dialect for the rest. The SQL stays hand-written; a statement that differs in more than a
word is written for each store where it is used."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@lru_cache(maxsize=512)
def _percent(sql: str) -> str:
    return sql.replace("?", "%s")


def _same(sql: str) -> str:
    return sql


@dataclass(frozen=True)
class Dialect:
    name: str
    greatest: str  # the larger of two values
    same_as: str  # equality that holds between two NULLs
    lock: str  # after a SELECT: lock the rows read (SQLite's write lock is the transaction's)
    skip_locked: str  # after a SELECT: lock the rows read, leaving those another holds

    @property
    def postgres(self) -> bool:
        return self.name == "postgresql"

    def sql(self, text: str) -> str:
        """``text`` with this dialect's placeholders (converted once, then cached)."""
        return _same(text) if not self.postgres else _percent(text)

    def value(self, conn, sql: str, params=()):
        """The first column of the first row (``None`` when there is no row), on ``conn``."""
        row = conn.execute(self.sql(sql), params).fetchone()
        if row is None:
            return None
        return next(iter(row.values())) if isinstance(row, dict) else row[0]

    def many(self, conn, sql: str, rows) -> None:
        if self.postgres:
            with conn.cursor() as cursor:
                cursor.executemany(self.sql(sql), rows)
        else:
            conn.executemany(sql, rows)


SQLITE = Dialect("sqlite", greatest="max", same_as="IS", lock="", skip_locked="")
POSTGRES = Dialect(
    "postgresql",
    greatest="greatest",
    same_as="IS NOT DISTINCT FROM",
    lock=" FOR UPDATE",
    skip_locked=" FOR UPDATE SKIP LOCKED",
)
