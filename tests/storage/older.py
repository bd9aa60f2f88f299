"""Stores as an older version of newsbot left them: migrated to ``version`` only, then given
``rows`` (SQL statements), for the tests of what a later migration keeps."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def sqlite_at(path: Path, version: int, rows=()) -> sqlite3.Connection:
    """An SQLite file at schema ``version`` holding ``rows``; the open connection is returned for
    more (the caller closes it)."""
    from storage.database import _statements
    from storage.schema import MIGRATIONS

    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:version]:
        for statement in _statements(migration):
            conn.execute(statement)
    for statement in rows:
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    return conn


def postgres_at(url: str, version: int, rows=()) -> None:
    """A PostgreSQL database at schema ``version`` holding ``rows`` (each a statement, or a
    statement and its parameters)."""
    from storage.postgres import PostgresStore
    from storage.postgres.store import MIGRATIONS

    older = PostgresStore(url, migrate=False)
    try:
        with older.transaction() as conn:
            conn.execute(
                "CREATE TABLE newsbot_schema (one boolean PRIMARY KEY DEFAULT true CHECK (one),"
                " version integer NOT NULL)"
            )
            for migration in MIGRATIONS[:version]:
                conn.execute(migration)
            conn.execute(f"INSERT INTO newsbot_schema (version) VALUES ({version})")
            for row in rows:
                conn.execute(*(row if isinstance(row, tuple) else (row,)))
    finally:
        older.close()
