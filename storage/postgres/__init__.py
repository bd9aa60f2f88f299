"""The PostgreSQL store: the same interface as the SQLite store (``storage.interface``), for
several processes on several machines. Needs the extra ``newsbot[postgres]`` (psycopg 3)."""

from storage.postgres.store import SCHEMA_VERSION, PostgresStore

__all__ = ["SCHEMA_VERSION", "PostgresStore"]
