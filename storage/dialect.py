"""What the two stores' SQL differs in, for the parts both stores share (the reads, digests,
follows, feeds, installations, notes): each part is written once, with SQLite's ``?``
placeholders, and reads its dialect for the rest. The SQL stays hand-written; a statement that
differs in more than a word is written for each store where it is used (full-text search:
``storage.fts`` and ``storage.postgres.search``)."""

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
    no_columns: str  # what a SELECT that only counts rows selects (PostgreSQL: nothing, so that
    # a bitmap scan counts the pages known all-visible without reading them)

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

    def rows(self, conn, sql: str, params=()):
        """The rows as tuples (on SQLite a cursor, read as it is iterated), on ``conn``."""
        if self.postgres:
            from psycopg.rows import tuple_row

            with conn.cursor(row_factory=tuple_row) as cursor:
                return cursor.execute(self.sql(sql), params).fetchall()
        cursor = conn.cursor()
        cursor.row_factory = None  # plain tuples: a third less than sqlite3.Row
        return cursor.execute(sql, params)

    @property
    def ph(self) -> str:
        """The placeholder (for ``storage.teams``, which takes it)."""
        return "%s" if self.postgres else "?"

    def same(self, column: str) -> str:
        """``column`` equal to a placeholder, whatever the case (SQLite's NOCASE folds ASCII
        letters, PostgreSQL's ``lower`` every letter), as the stores' indexes are keyed."""
        return f"lower({column}) = lower(?)" if self.postgres else f"{column} = ? COLLATE NOCASE"

    def indexed(self, index: str | None) -> str:
        """After a table: read it through ``index`` (SQLite's planner is told; PostgreSQL's
        chooses by itself)."""
        return f" INDEXED BY {index}" if index and not self.postgres else ""

    def among(self, column: str, values) -> tuple[str, list]:
        """``column`` among ``values`` (a list on SQLite, an array on PostgreSQL), and its parameters."""
        values = list(values)
        if self.postgres:
            return f"{column} = ANY(?)", [values]
        return f"{column} IN ({','.join('?' * len(values))})", values

    def many(self, conn, sql: str, rows) -> None:
        if self.postgres:
            with conn.cursor() as cursor:
                cursor.executemany(self.sql(sql), rows)
        else:
            conn.executemany(sql, rows)


SQLITE = Dialect("sqlite", greatest="max", same_as="IS", lock="", skip_locked="", no_columns="1")
POSTGRES = Dialect(
    "postgresql",
    greatest="greatest",
    same_as="IS NOT DISTINCT FROM",
    lock=" FOR UPDATE",
    skip_locked=" FOR UPDATE SKIP LOCKED",
    no_columns="",
)
