"""A PostgreSQL server for the benchmarks: the tests' pgserver (``tests/pg.py``) kept in a folder
of its own between runs, and databases in it by name. The server runs as the tests run it
(no fsync: figures for reading, not for durability)."""

from __future__ import annotations

from pathlib import Path

from tests.pg import Server


def server(folder: str | Path) -> Server:
    return Server(Path(folder))


def database(server: Server, name: str, *, fresh: bool = False) -> str:
    """The URL of database ``name`` on ``server``, made if missing (emptied first with ``fresh``)."""
    import psycopg

    with psycopg.connect(server.url(), autocommit=True) as conn:
        if fresh:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f"CREATE DATABASE {name}")
    return server.url(name)
