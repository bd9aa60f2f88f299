"""The store's file, looked at before and around SQLite: what it is (a database, text, a
file cut short, a folder, a pipe), whether it can be written and if not why, whether its last
writer stopped without closing it, what a check finds wrong in it, and what SQLite's errors
about it mean, said with its path."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import sys
import threading
from pathlib import Path
from urllib.parse import quote

SQLITE_MAGIC = b"SQLite format 3\x00"
CHECK_LIMIT = 20  # problems a check reports at most

# SQLite's primary result codes that are about the file, not the statement
_PERM, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 3, 8, 10, 11, 13, 14, 26


class StoreError(Exception):
    """The database cannot be used (for instance: made by a newer release); the message says
    why and names the file."""


class StoreReadOnly(StoreError):
    """A write to a store that can only be read."""


class StoreDamaged(StoreError):
    """The database is malformed: it is read as far as it can be, never written."""


def recovery(path: str | Path) -> str:
    """How to get a sound store back from a damaged one at ``path``."""
    return (
        f"To recover: move {path} aside and build a new store with newsbot ingest (your article files)"
        f" and newsbot feeds add (your feeds: newsbot --db OLD feeds list may still list them); or copy"
        f" what can still be read with an sqlite3 whose .recover works (Debian 12's lacks it):"
        f" sqlite3 {path} .recover | sqlite3 NEW.db, and check it with newsbot --db NEW.db check."
    )


def describe_failure(exc: BaseException, path: str | Path) -> StoreError | None:
    """What SQLite's ``exc`` means for the store at ``path``, as a :class:`StoreError`; None
    when it is not about the file (a constraint, a busy database, a bad statement)."""
    if not isinstance(exc, sqlite3.Error):
        return None
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code == _NOTADB:
        return StoreError(f"{path} is not a newsbot store: it is not an SQLite database ({exc})")
    if code == _CORRUPT:
        return StoreDamaged(f"{path} is damaged ({exc}): nothing is written to it. {recovery(path)}")
    if code in (_READONLY, _PERM):
        return StoreReadOnly(f"cannot write to {path}: it is read-only ({exc})")
    if code == _CANTOPEN:
        return StoreError(f"cannot open {path} ({exc})")
    if code == _FULL:
        return StoreError(f"cannot write to {path}: the disk is full")
    if code == _IOERR:
        return StoreError(f"cannot read or write {path}: {exc}")
    return None


def kind_of(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _on_read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def unwritable_folder(folder: Path) -> str | None:
    """Why SQLite cannot make files in ``folder`` (its -wal and -shm), or None."""
    if _on_read_only_fs(folder):
        return f"its folder {folder} is on a read-only file system"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"its folder {folder} is not writable"
    return None


def why_read_only(path: Path) -> str | None:
    """Why the existing store at ``path`` can only be read, or None."""
    if _on_read_only_fs(path):
        return "it is on a read-only file system"
    if not os.access(path, os.W_OK):
        return "the file is not writable"
    folder = unwritable_folder(path.resolve().parent)
    return f"{folder} (SQLite keeps its -wal and -shm files beside the store)" if folder else None


def sidecar(path: Path, suffix: str) -> Path:
    # SQLite names its -wal and -shm after the file a link points to
    return Path(f"{path.resolve()}{suffix}")


# (device, inode) of each store file this process has connections to, and how many: closing any
# descriptor of a file drops every POSIX lock the process holds on it, SQLite's too, so a -shm
# is only looked at for a store the process does not have open
_OPEN_HERE: dict[tuple[int, int], int] = {}
_OPEN_LOCK = threading.Lock()


def connected(key: tuple[int, int]) -> None:
    """This process has opened one more connection to the file ``key`` (device, inode)."""
    with _OPEN_LOCK:
        _OPEN_HERE[key] = _OPEN_HERE.get(key, 0) + 1


def disconnected(key: tuple[int, int]) -> None:
    """This process has closed a connection to the file ``key``."""
    with _OPEN_LOCK:
        left = _OPEN_HERE.pop(key, 1) - 1
        if left > 0:
            _OPEN_HERE[key] = left


def _shm_in_use(shm: Path) -> bool:
    """Whether a process holds SQLite's "dead man switch" lock on ``shm`` (byte 128, held
    shared by every connection to the store for its life). Linux only; elsewhere, assumed not."""
    if not sys.platform.startswith("linux"):
        return False
    import fcntl
    import struct

    try:
        fd = os.open(shm, os.O_RDONLY)
    except OSError:
        return False
    try:
        layout = "hhqqi"  # struct flock: type, whence, start, length, pid
        asked = struct.pack(layout, fcntl.F_WRLCK, os.SEEK_SET, 128, 1, 0)
        found = struct.unpack(layout, fcntl.fcntl(fd, fcntl.F_GETLK, asked)[: struct.calcsize(layout)])
        return found[0] != fcntl.F_UNLCK
    except OSError:
        return False
    finally:
        os.close(fd)


def stopped_uncleanly(path: Path, key: tuple[int, int]) -> bool:
    """The last process to write the store stopped without closing it: its write-ahead log is
    still there, with content, and no process has the store open (the last connection to close
    folds the log into the store and deletes it)."""
    try:
        if sidecar(path, "-wal").stat().st_size == 0:
            return False
    except OSError:
        return False
    with _OPEN_LOCK:
        if _OPEN_HERE.get(key):
            return False
    return not _shm_in_use(sidecar(path, "-shm"))


_NULL_IN = re.compile(r"NULL value in (\w+)\.(\w+)")


def problems(conn: sqlite3.Connection, pragma: str) -> list[str]:
    """What ``PRAGMA quick_check`` or ``integrity_check`` finds wrong (the first
    ``CHECK_LIMIT`` problems); empty when sound."""
    found: list[str] = []
    unfounded: dict[tuple[str, str], bool] = {}
    try:
        # no limit in SQLite itself: the false reports below would use it up (two a row of
        # ``mentions``) and hide what comes after them
        for (problem,) in conn.execute(f"PRAGMA {pragma}(2147483647)"):
            if problem == "ok" or _unfounded_null(conn, problem, unfounded):
                continue
            found.append(problem)
            if len(found) >= CHECK_LIMIT:
                break
    except sqlite3.DatabaseError as exc:
        found.append(str(exc))
    return found


def _unfounded_null(conn: sqlite3.Connection, problem: str, seen: dict[tuple[str, str], bool]) -> bool:
    """Whether ``problem`` reports NULLs in a NOT NULL column that holds none. SQLite 3.40
    (Debian 12's) checks the wrong column of a WITHOUT ROWID table whose columns are not in
    its key's order (``mentions``), reporting NULLs that are not there: each column so reported
    is looked at once, in the table itself (``NOT INDEXED``: a scan of its own b-tree)."""
    match = _NULL_IN.fullmatch(problem)
    if match is None:
        return False
    key = (match[1], match[2])
    if key not in seen:
        known = conn.execute("SELECT 1 FROM pragma_table_info(?) WHERE name = ?", key).fetchone() is not None
        seen[key] = (
            known
            and conn.execute(f'SELECT 1 FROM "{key[0]}" NOT INDEXED WHERE "{key[1]}" IS NULL LIMIT 1').fetchone()
            is None
        )
    return seen[key]


def check_header(path: Path, size: int) -> None:
    """Refuse a file that is not an SQLite database, or that is shorter than its header says."""
    with path.open("rb") as file:
        head = file.read(100)
    if not head:
        return  # an empty file: SQLite makes a new database in it
    if not head.startswith(SQLITE_MAGIC):
        text = sum(32 <= b < 127 or b in b"\t\r\n" for b in head) > 0.9 * len(head)
        what = "it holds text" if text else "it does not start with SQLite's header"
        raise StoreError(f"{path} is not a newsbot store: it is not an SQLite database ({what})")
    if len(head) < 100:
        raise StoreDamaged(f"{path} is damaged: it is cut short ({size} bytes, less than an SQLite header)")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    counted = head[24:28] == head[92:96]  # the page count is valid only then
    try:
        logged = sidecar(path, "-wal").stat().st_size > 0  # the log may hold the rest
    except OSError:
        logged = False
    if counted and pages and size < pages * page_size and not logged:
        raise StoreDamaged(
            f"{path} is damaged: it is cut short ({size:,} bytes, where its header counts {pages:,} pages"
            f" of {page_size:,} bytes). {recovery(path)}"
        )


def read_only_uri(path: Path) -> str:
    """An SQLite URI that reads ``path`` and never writes it. Reading a store in WAL mode
    makes its -shm (and -wal) beside it; where that cannot be done (a read-only folder or
    file system), the store is opened as immutable: read as the file holds it."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        probe = sqlite3.connect(uri, uri=True)
        try:
            probe.execute("PRAGMA user_version").fetchone()
        finally:
            probe.close()
    except sqlite3.OperationalError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) not in (_CANTOPEN, _READONLY):
            raise
        return uri + "&immutable=1"
    return uri
