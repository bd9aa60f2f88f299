"""A newsbot store's SQLite database: its file looked at before SQLite opens it, a connection
for each thread (WAL mode, a busy timeout: reading while another process ingests never fails
with "database is locked"), transactions that nest as savepoints, and the schema's migrations.

Opening says what is wrong, and where, rather than letting SQLite's errors out: a file that is
not a database or is cut short, a folder where no store can be made (the file is looked at in
``storage.files``). A store that cannot be written (a read-only file, folder or file system) is
opened read-only: it answers, and each write is refused with the reason. A store whose last
writer stopped without closing it (its write-ahead log left behind) is checked
(``PRAGMA quick_check``) first; a damaged one is read, never written, and the message says how
to recover it.
"""

from __future__ import annotations

import sqlite3
import stat
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from bot.extract.kinds import KINDS
from storage.files import (
    StoreDamaged,
    StoreError,
    StoreReadOnly,
    check_header,
    connected,
    describe_failure,
    disconnected,
    kind_of,
    problems,
    read_only_uri,
    recovery,
    stopped_uncleanly,
    unwritable_folder,
    why_read_only,
)
from storage.schema import MIGRATIONS

BUSY_TIMEOUT_MS = 10_000
# a bulk load folds the write-ahead log into the store once the log holds this many pages (256 MB),
# not after each of its transactions as SQLite does past 1,000 (``Database.bulk_load``)
BULK_LOG_PAGES = 32_768
# ...and holds a transaction's changed pages in memory up to this many KiB (64 MB; SQLite's default
# is 2 MB): a transaction of 500 articles at 100k changes about 5,000 pages of 8 kB, and those the
# cache could not hold were written to the log, then written there again when changed again (a
# third of what storing wrote)
BULK_CACHE_KIB = 65_536
PAGE_SIZE = 8192
# a file store's pages are read through a memory map, as much of the file as SQLite's build
# maps (2 GB by default): a page the operating system holds costs no read() and no copy, the
# tail of an answer at 100k (bench/README.md); its pages count in the process's resident size
MMAP_SIZE = 1 << 40
SCHEMA_VERSION = len(MIGRATIONS)


def _statements(script: str) -> Iterator[str]:
    """Split a SQL script into complete statements (trigger bodies stay whole)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                yield pending.strip()
            pending = ""
    if pending.strip():
        yield pending.strip()


class Database:
    """One SQLite database file (or ``:memory:``), opened and brought up to date.

    ``read_only`` opens an existing store for reading only; ``migrate=False`` leaves its schema
    as it is (to check a store without changing it).
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, migrate: bool = True):
        self.path = str(path)
        self._local = threading.local()
        self._shared: sqlite3.Connection | None = None
        # each thread's connection to the file, for close(); an ended thread's is closed when
        # another thread connects (its cycles would keep it open until a full collection)
        self._open: dict[threading.Thread, sqlite3.Connection] = {}
        self._opening = threading.Lock()
        self._lock = threading.RLock()
        self._uri: str | None = None  # how a store that is only read is opened
        self._key: tuple[int, int] | None = None  # the file's (device, inode)
        self.read_only: str | None = "it was opened read-only" if read_only else None  # why
        self.unclean = False  # its last writer stopped without closing it
        self.damage: list[str] = []  # what the check after an unclean stop found
        try:
            if self.path != ":memory:":
                self._open_file(must_exist=read_only)
            if migrate:
                self.migrate()
        except sqlite3.Error as exc:
            raise (describe_failure(exc, self.path) or StoreError(f"cannot use {self.path}: {exc}")) from exc
        except OSError as exc:
            raise StoreError(f"cannot use {self.path}: {exc.strerror or exc}") from exc

    def _open_file(self, *, must_exist: bool) -> None:
        """Look at the file before SQLite does: what it is, whether it can be written, and
        whether its last writer stopped cleanly (checking it if not)."""
        path = Path(self.path)
        if not path.exists():
            if must_exist:
                raise StoreError(f"there is no store at {path}")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the store {path}: cannot make its folder ({exc.strerror})") from exc
            unwritable = unwritable_folder(path.parent)
            if unwritable:
                raise StoreError(f"cannot create the store {path}: {unwritable}")
            return
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"{path} is {kind_of(info.st_mode)}, not a database file")
        self._key = (info.st_dev, info.st_ino)
        check_header(path, info.st_size)
        self.read_only = self.read_only or why_read_only(path)
        self.unclean = stopped_uncleanly(path, self._key)
        if self.read_only:
            self._uri = read_only_uri(path)
        if self.unclean:
            # checked through a read-only connection, which leaves the -wal where it is: a
            # damaged store is found damaged again next time
            probe = sqlite3.connect(self._uri or read_only_uri(path), uri=True)
            try:
                self.damage = problems(probe, "quick_check")
            finally:
                probe.close()
            if self.damage and self._uri is None:
                self._uri = read_only_uri(path)

    def require_writable(self) -> None:
        """Raise :class:`StoreDamaged` or :class:`StoreReadOnly`, saying why, unless the store
        can be written."""
        if self.damage:
            raise StoreDamaged(
                f"{self.path} is damaged ({self.damage[0]}; found after its last writer stopped without"
                f" closing it): nothing is written to it. {recovery(self.path)}"
            )
        if self.read_only:
            raise StoreReadOnly(f"cannot write to {self.path}: {self.read_only}")

    @property
    def writable(self) -> bool:
        return not (self.damage or self.read_only)

    def check(self, *, full: bool = False) -> list[str]:
        """What SQLite finds wrong in the store (``PRAGMA quick_check``, or ``integrity_check``
        with ``full``: slower, it also compares each index with its table); empty when sound."""
        return problems(self.conn, "integrity_check" if full else "quick_check")

    # -- connections -------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        timeout = BUSY_TIMEOUT_MS / 1000
        if self._uri is not None:
            conn = sqlite3.connect(self._uri, uri=True, isolation_level=None, check_same_thread=False, timeout=timeout)
            conn.execute("PRAGMA query_only = ON")
        else:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=timeout)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if self.path != ":memory:" and self._uri is None:
            # larger pages for a new database (an existing one keeps its own): an article row
            # of a few kB would leave half of each 4 kB page empty
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            conn.execute(f"PRAGMA mmap_size = {MMAP_SIZE}").fetchall()
            if self._key is None:  # a store made just now
                info = Path(self.path).stat()
                self._key = (info.st_dev, info.st_ino)
            connected(self._key)
            with self._opening:
                ended = [thread for thread in self._open if not thread.is_alive()]
                left = [self._open.pop(thread) for thread in ended]
                self._open[threading.current_thread()] = conn
            for old in left:
                self._close(old)
        return conn

    def _close(self, conn: sqlite3.Connection) -> None:
        with self._opening:
            for thread in [thread for thread, open_ in self._open.items() if open_ is conn]:
                del self._open[thread]
        conn.close()
        if self._key is not None and self.path != ":memory:":
            disconnected(self._key)

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection (one shared connection for an in-memory database)."""
        if self.path == ":memory:":
            if self._shared is None:
                self._shared = self._connect()
            return self._shared
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
        return conn

    @property
    def db(self):
        """A sqlite-utils ``Database`` on this thread's connection, for ad-hoc inspection
        (imported on use: it costs a third of a second at start-up)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def close_thread(self) -> None:
        """Close this thread's connection, if it has one of its own (a thread that is about
        to end; an in-memory database's one shared connection stays open)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            self._close(conn)
            self._local.conn = None

    def fold_log(self) -> None:
        """Fold the write-ahead log into the store and empty it, as the last connection to
        close would: for a process about to end while other threads' connections are still
        open, so that its next start does not take the log for an unclean stop and check the
        whole store. Best effort: a reader still busy leaves the log as it is."""
        if self.path == ":memory:" or not self.writable:
            return
        with suppress(sqlite3.Error):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def close(self) -> None:
        """Close every connection, this thread's and those other threads opened (call it once
        no other thread uses the store)."""
        self._local.conn = None
        with self._opening:
            every = list(self._open.values())
        for conn in every:
            self._close(conn)
        if self._shared is not None:
            self._shared.close()
            self._shared = None

    @contextmanager
    def reading(self) -> Iterator[None]:
        """The reads made inside it in one read transaction of this thread's connection: they see
        one state of the store, and SQLite takes its read lock once, not for each statement (in
        autocommit each is a transaction of its own: two ``fcntl`` and an ``fstat``). Inside a
        transaction, as it is. Nothing may be written inside (``transaction`` refuses)."""
        conn = self.conn
        if conn.in_transaction or getattr(self._local, "depth", 0):
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """This thread's writes inside it are a bulk load's: the write-ahead log is folded into
        the store once it holds :data:`BULK_LOG_PAGES` pages, and once at the end (best effort:
        a reader still busy leaves the rest to the next), not after each transaction. Pages
        that many transactions change (an index's, the pairs') go to the store once, not once
        a transaction. Readers meanwhile read the load's pages from the log. A transaction's
        changed pages stay in memory until its commit (up to :data:`BULK_CACHE_KIB`): each goes
        to the log once."""
        if self.path == ":memory:" or not self.writable:
            yield
            return
        conn = self.conn
        before = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute(f"PRAGMA wal_autocheckpoint = {max(before, BULK_LOG_PAGES)}").fetchall()
        conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}").fetchall()
        try:
            yield
        finally:
            conn.execute(f"PRAGMA wal_autocheckpoint = {before}").fetchall()
            conn.execute(f"PRAGMA cache_size = {cache}").fetchall()
            with suppress(sqlite3.Error):
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any error. Inside another
        transaction of this thread it is a savepoint: its work is undone alone when it fails,
        and kept with the outer transaction's when it succeeds. A store that cannot be written
        refuses first (:meth:`require_writable`); SQLite's errors about the file itself
        (damaged, read-only, full) come out as :class:`StoreError`."""
        self.require_writable()
        conn = self.conn
        depth = getattr(self._local, "depth", 0)
        begin, commit, rollback = (
            ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
            if depth == 0
            else (f"SAVEPOINT nested_{depth}", f"RELEASE nested_{depth}", f"ROLLBACK TO nested_{depth}")
        )
        with self._lock:
            self._local.depth = depth + 1
            try:
                conn.execute(begin)
                try:
                    yield conn
                except BaseException:
                    if conn.in_transaction:  # SQLite has rolled back by itself after some errors
                        conn.execute(rollback)
                        if depth:
                            conn.execute(commit)  # a savepoint rolled back to is still open
                    raise
                conn.execute(commit)
            except sqlite3.Error as exc:
                failure = describe_failure(exc, self.path)
                if failure is None:
                    raise
                raise failure from exc
            finally:
                self._local.depth = depth

    def query(self, sql: str, params: Iterable[Any] | dict = ()) -> list[dict]:
        # plain tuples zipped with the column names: a third less than sqlite3.Row, then dict
        cursor = self.conn.cursor()
        cursor.row_factory = None
        cursor.execute(sql, params)
        if cursor.description is None:
            return []
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    # -- schema ------------------------------------------------------------------------------

    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> int:
        """Apply the migrations this database lacks; returns the version reached."""
        version = self.version
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was made by a newer newsbot (schema {version}, this release knows "
                f"{SCHEMA_VERSION}); upgrade newsbot or point NEWSBOT_DB at another file"
            )
        tables = {row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if (version == 0 and tables) or (version > 0 and "articles" not in tables):
            # another program's database, or a copy that lost its schema version (sqlite3 .dump)
            raise StoreError(
                f"{self.path} is an SQLite database but not a newsbot store (schema version {version},"
                f" {'no articles table' if version else 'tables of its own'}): point --db or NEWSBOT_DB at another file"
            )
        if version < SCHEMA_VERSION and self.damage:
            self.require_writable()  # says it is damaged
        if version < SCHEMA_VERSION and self.read_only:
            what = (
                "empty"
                if version == 0
                else f"from an older newsbot (schema {version}; this one needs {SCHEMA_VERSION})"
            )
            raise StoreReadOnly(f"{self.path} is {what} and cannot be brought up to date: {self.read_only}")
        for number, migration in enumerate(MIGRATIONS, start=1):
            if self.version >= number:
                continue
            with self.transaction() as conn:
                # another process may have migrated while we waited for the write lock
                if conn.execute("PRAGMA user_version").fetchone()[0] >= number:
                    continue
                for statement in _statements(migration):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
        if self.writable:
            self._know_kinds()
        return self.version

    def _know_kinds(self) -> None:
        """Add the relation kinds this release knows (``bot/extract/kinds.py``) that the store
        lacks: a new kind needs no migration. (Whether a kind is directed is fixed once stored.)"""
        known = {row[0] for row in self.conn.execute("SELECT name FROM relation_kinds")}
        missing = [(kind.name, int(kind.directed)) for kind in KINDS if kind.name not in known]
        if missing:
            with self.transaction() as conn:
                conn.executemany(
                    "INSERT INTO relation_kinds (name, directed) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", missing
                )
