"""A real PostgreSQL server for the tests (and the benchmarks), started from the pip package
``pgserver``, which ships the server's binaries: one server a session, a fresh database for each
test, made from a template that is migrated once.

The server listens on a Unix socket only, in a folder of its own; it runs without fsync (a test
database need not survive a power cut) and with room for the connections of several processes.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import shutil
import tempfile
import threading
import warnings
from pathlib import Path

TEMPLATE = "newsbot_template"
SETTINGS = {
    "max_connections": "400",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
}


class Unavailable(Exception):
    """No PostgreSQL server can be started here (the reason is the message)."""


class Server:
    """A pgserver-started PostgreSQL, with databases made from a migrated template."""

    def __init__(self, folder: Path | None = None):
        try:
            import pgserver
            import psycopg
        except ImportError as exc:
            raise Unavailable(f"pgserver or psycopg is not installed ({exc}): pip install -e '.[test]'") from exc
        self._own_folder = folder is None
        self.folder = Path(folder or tempfile.mkdtemp(prefix="newsbot-pg-"))
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            with warnings.catch_warnings():  # platformdirs: no XDG_RUNTIME_DIR here
                warnings.simplefilter("ignore")
                self._server = pgserver.get_server(self.folder / "data", cleanup_mode="stop")
            with psycopg.connect(self._server.get_uri(), autocommit=True) as conn:
                unset = {n: v for n, v in SETTINGS.items() if conn.execute(f"SHOW {n}").fetchone()[0] != v}
                for name, value in unset.items():
                    conn.execute(f"ALTER SYSTEM SET {name} = '{value}'")
            if unset:  # (a server another process started already has them: it is not restarted)
                pgserver.pg_ctl(["-w", "restart"], pgdata=self._server.pgdata, user=self._server.system_user)
        except Exception as exc:
            raise Unavailable(f"pgserver could not start PostgreSQL here: {exc}") from exc
        self._names = itertools.count(1)
        self._lock = threading.Lock()
        self._template_ready = False

    def url(self, database: str = "postgres") -> str:
        return self._server.get_uri(database)

    def _admin(self):
        import psycopg

        return psycopg.connect(self.url(), autocommit=True)

    def _template(self) -> None:
        from storage.postgres import PostgresStore

        with self._lock:
            if self._template_ready:
                return
            with self._admin() as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
                conn.execute(f"CREATE DATABASE {TEMPLATE}")
            PostgresStore(self.url(TEMPLATE)).close()
            self._template_ready = True

    def database(self, *, migrated: bool = True) -> str:
        """A new database's URL: migrated (from the template), or empty."""
        if migrated:
            self._template()
        name = f"test_{os.getpid()}_{next(self._names)}"
        with self._admin() as conn:
            conn.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {TEMPLATE}" if migrated else ""))
        return self.url(name)

    def drop(self, url: str) -> None:
        """Drop the database of ``url``, ending whatever connections are still open to it."""
        name = url.rsplit("/", 1)[1].split("?", 1)[0]
        with self._admin() as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def close(self) -> None:
        self._server.cleanup()
        if self._own_folder:
            # pgserver stops the postmaster it started; the settings' restart made another one
            import pgserver

            with contextlib.suppress(Exception):  # already stopped
                pgserver.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self._server.pgdata, user=self._server.system_user)
            shutil.rmtree(self.folder, ignore_errors=True)


_SHARED: Server | None = None
_SHARED_LOCK = threading.Lock()


def shared_server() -> Server:
    """The session's server, started at first use and stopped when the process ends (raises
    :class:`Unavailable` where none can start)."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            _SHARED = Server()
            atexit.register(_SHARED.close)
        return _SHARED
