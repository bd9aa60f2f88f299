"""The SQLite store of parsed articles: opening, migrating, writing and querying.

All SQL in the project lives in this package. Reads return plain ``dict`` rows; the answers
layer turns them into facts. Each thread gets its own connection (the Slack app answers on
worker threads), all in WAL mode with a busy timeout, so reading while another process
ingests never fails with "database is locked".

Opening says what is wrong, and where, rather than letting SQLite's errors out: a file that is
not a database or is cut short, a folder where no store can be made (the file is looked at in
``storage.files``). A store that cannot be written (a read-only file, folder or file system) is
opened read-only: it answers, and each write is refused with the reason. A store whose last
writer stopped without closing it (its write-ahead log left behind) is checked
(``PRAGMA quick_check``) first; a damaged one is read, never written, and the message says how
to recover it.
"""

from __future__ import annotations

import json
import sqlite3
import stat
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.extract.kinds import BY_NAME, KINDS
from storage.clock import utcnow
from storage.digests import Digests
from storage.feeds import Feeds
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
from storage.follows import Follows
from storage.fts import match_expression
from storage.graph import Graph
from storage.notes import Notes
from storage.schema import MIGRATIONS

if TYPE_CHECKING:
    from bot.extract.model import Extraction

BUSY_TIMEOUT_MS = 10_000
PAGE_SIZE = 8192
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class SaveResult:
    article_id: int
    status: str  # "added", "replaced" (same source, new content) or "unchanged"
    dated: bool = False  # an unchanged article was given the publication date it lacked (or another)


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


def _sides(kind: str, a: str, b: str) -> tuple[str, str]:
    """A relation's two sides as stored: in the order they act for a directed kind (a bought
    b), else in name order, so that a pair reads the same whichever way an article put it."""
    known = BY_NAME.get(kind)
    return (a, b) if known is not None and known.directed else tuple(sorted((a, b), key=str.lower))


def _reading_order(evidence: list[dict]) -> list[dict]:
    """A pair's evidence, the latest article's first, and each article's in the order it tells
    them: a story states a rivalry most plainly where it first mentions it."""
    return sorted(evidence, key=lambda item: (-item["article_id"], item["id"]))


@dataclass
class Found:
    """Articles found, the latest first, and how many there are (``capped``: at least that many)."""

    rows: list[dict]
    total: int
    capped: bool = False


@dataclass(frozen=True)
class Span:
    """A time span, as answers bound questions by: from ``start`` (inclusive) until ``end``
    (exclusive), either open. Each bound is written twice: as a day in the asker's calendar,
    in the store's form (``2004``, ``2004-12``, ``2004-12-13``), for dates known to the day or
    less, and as a moment in UTC (``2004-12-13T05:00:00Z``), for dates known to the moment.
    An article's date is its publication date, else the moment it was stored."""

    start: tuple[str, str] | None = None
    end: tuple[str, str] | None = None


_DATE = "coalesce(a.published, a.ingested_at)"  # the expression articles_recency is ordered by
_BARE_DATE = "coalesce(published, ingested_at)"  # the same, on the table itself


def _within(span: Span | None, date: str = _DATE) -> tuple[str, list]:
    """``AND ...`` bounding ``date`` by ``span``, and its parameters: a range of the index on
    ``date`` (from the earlier of a bound's two forms to the later), then each date compared
    with the form of its own precision."""
    if span is None:
        return "", []
    where, params = "", []
    for bound, op, outer in ((span.start, ">=", min), (span.end, "<", max)):
        if bound is None:
            continue
        day, moment = bound
        where += f" AND {date} {op} ? AND (CASE WHEN length({date}) > 10 THEN {date} {op} ? ELSE {date} {op} ? END)"
        params += [outer(day, moment), moment, day]
    return where, params


@dataclass(frozen=True)
class _Dated:
    """A table read latest first by date (articles, quotes): the columns an answer reads, where
    from, the date its rows are ordered by, and a small index keyed by id that holds the date
    (so that ids are put in date order without reading their rows)."""

    select: str  # SELECT ... (the columns, on the alias)
    source: str  # table alias [INDEXED BY ...]
    alias: str
    date: str  # the date, on the alias
    dates: str  # table alias INDEXED BY (an index on id that covers the date)


# what a citation shows (headline, link, dates) is read from this index (migration 10), not
# from the article's row, which carries its whole text: the index is a twentieth of the size,
# so the pages a citation reads stay in memory
_CITED = "INDEXED BY articles_cited"
_ARTICLES = _Dated(
    select="SELECT a.id, a.source, a.title, a.url, a.published, a.ingested_at",
    source=f"articles a {_CITED}",
    alias="a",
    date=_DATE,
    dates=f"articles a {_CITED}",
)
# a quote carries its sentence, its citation and its date (migrations 10, 11 and 15): what an
# answer shows is read from the quote alone, and by speaker or organisation from an index that
# holds all of it in that order (the columns of those covering indexes, in their order)
_QUOTE_CARD = "text, sentence, speaker, role, org, article_id, title, url, published"
_QUOTES = _Dated(
    select=f"SELECT q.id, q.dated, {', '.join(f'q.{c.strip()}' for c in _QUOTE_CARD.split(','))}",
    source="quotes q",
    alias="q",
    date="q.dated",
    dates="quotes q INDEXED BY quotes_dated",
)


class Store:
    """One SQLite database of articles and the facts extracted from them.

    ``read_only`` opens an existing store for reading only; ``migrate=False`` leaves its schema
    as it is (to check a store without changing it).
    """

    shared = False  # one machine's processes: what a request leaves for the next can stay in memory

    def __init__(self, path: str | Path, *, read_only: bool = False, migrate: bool = True):
        self.path = str(path)
        self._local = threading.local()
        self._shared: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self._uri: str | None = None  # how a store that is only read is opened
        self._key: tuple[int, int] | None = None  # the file's (device, inode)
        self.read_only: str | None = "it was opened read-only" if read_only else None  # why
        self.unclean = False  # its last writer stopped without closing it
        self.damage: list[str] = []  # what the check after an unclean stop found
        self.digests = Digests(self)
        self.feeds = Feeds(self)
        self.follows = Follows(self)
        self.graph = Graph(self)
        self.notes = Notes(self)
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
            if self._key is None:  # a store made just now
                info = Path(self.path).stat()
                self._key = (info.st_dev, info.st_ino)
            connected(self._key)
        return conn

    def _close(self, conn: sqlite3.Connection) -> None:
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

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            self._close(conn)
            self._local.conn = None
        if self._shared is not None:
            self._shared.close()
            self._shared = None

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

    # -- writes ------------------------------------------------------------------------------

    def save_article(
        self,
        ex: Extraction,
        *,
        source: str,
        content_hash: str,
        url: str | None = None,
        published: str | None = None,
    ) -> SaveResult:
        """Store one article and its facts in one transaction.

        The same content (by hash) is stored once, whatever its source; a source whose content
        changed has its old version, and every fact drawn from it, replaced.
        """
        with self._storing() as conn:
            return self._save(conn, ex, source=source, content_hash=content_hash, url=url, published=published)

    def save_articles(self, items: Iterable[tuple[Extraction, dict]]) -> list[SaveResult]:
        """Store many articles in one transaction, each exactly as ``save_article`` would (the
        same statements and triggers): ``items`` are ``(extraction, keywords of save_article)``.

        For bulk loads: a commit per article costs more than the article's own writes (every
        page it touched goes to the write-ahead log again). All or none are stored.
        """
        with self._storing() as conn:
            return [self._save(conn, ex, **keywords) for ex, keywords in items]

    @contextmanager
    def _storing(self) -> Iterator[sqlite3.Connection]:
        """A transaction that stores articles, its temporary storage in memory (``PRAGMA
        temp_store``): the journal each of its statements keeps, so that it can be undone alone,
        went to a temporary file past 64 kB, and a fifth of what storing an article wrote
        was such files. Its statements touch a few pages each, so the memory stays small; the
        setting is this connection's default again after (a migration's statements may touch
        every page of a table)."""
        conn = self.conn
        if conn.in_transaction:  # inside another transaction: as it is
            with self.transaction() as conn:
                yield conn
            return
        conn.execute("PRAGMA temp_store = MEMORY")
        try:
            with self.transaction() as conn:
                yield conn
        finally:
            conn.execute("PRAGMA temp_store = DEFAULT")

    def _save(
        self,
        conn: sqlite3.Connection,
        ex: Extraction,
        *,
        source: str,
        content_hash: str,
        url: str | None = None,
        published: str | None = None,
    ) -> SaveResult:
        same = conn.execute("SELECT id, published FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        if same is not None:
            if published and published != same["published"]:
                self._date(conn, same["id"], published)
                return SaveResult(same["id"], "unchanged", dated=True)
            return SaveResult(same["id"], "unchanged")
        old = conn.execute("SELECT id FROM articles WHERE source = ?", (source,)).fetchone()
        if old is not None:
            conn.execute("DELETE FROM articles WHERE id = ?", (old["id"],))
        now = utcnow()
        article_id = conn.execute(
            "INSERT INTO articles (source, content_hash, title, body, url, published, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (source, content_hash, ex.title, ex.body, url, published, now),
        ).lastrowid
        sentence_ids = self._insert_sentences(conn, article_id, ex)
        entity_ids = self._upsert_entities(conn, ex)
        conn.executemany(
            "INSERT OR IGNORE INTO mentions (article_id, sentence_id, entity_id) VALUES (?, ?, ?)",
            [
                (article_id, sentence_ids[m.sentence], entity_ids[m.name])
                for m in ex.mentions
                if m.sentence in sentence_ids and m.name in entity_ids
            ],
        )
        said_in = {s.index: s.text for s in ex.sentences}
        # each quote carries its sentence and its article's citation and date (migrations 10, 11, 15)
        conn.executemany(
            "INSERT INTO quotes (article_id, sentence_id, sentence, text, speaker, role, org, title, url, published,"
            " dated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    sentence_ids.get(q.sentence),
                    said_in.get(q.sentence),
                    q.text,
                    q.speaker,
                    q.role,
                    q.org,
                    ex.title,
                    url,
                    published,
                    published or now,
                )
                for q in ex.quotes
            ],
        )
        conn.executemany(
            "INSERT INTO relations (article_id, sentence_id, type, a, b, evidence) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (article_id, sentence_ids.get(r.sentence), r.type, *_sides(r.type, r.a, r.b), r.evidence)
                for r in ex.relations
            ],
        )
        return SaveResult(article_id, "replaced" if old is not None else "added")

    @staticmethod
    def _date(conn: sqlite3.Connection, article_id: int, published: str | None) -> None:
        """Give a stored article its publication date, with every copy of it: its quotes' and
        the evidence its relations lend their pairs."""
        conn.execute("UPDATE articles SET published = ? WHERE id = ?", (published, article_id))
        conn.execute(
            "UPDATE quotes SET published = ?, dated = coalesce(?, (SELECT ingested_at FROM articles WHERE id = ?))"
            " WHERE article_id = ?",
            (published, published, article_id, article_id),
        )
        # each pair this article lends evidence to: its items from this article re-dated, in place
        conn.execute(
            "UPDATE relation_pairs SET evidence = (SELECT json_group_array(CASE"
            " WHEN json_extract(value, '$.article_id') = :id THEN json_set(value, '$.published', :published)"
            " ELSE json(value) END) FROM json_each(relation_pairs.evidence))"
            " WHERE (company, type, other) IN (SELECT a, type, b FROM relations WHERE article_id = :id"
            " UNION SELECT b, type, a FROM relations WHERE article_id = :id"
            " UNION SELECT b, '~' || type, a FROM relations WHERE article_id = :id)",  # a directed kind's other side
            {"id": article_id, "published": published},
        )

    @staticmethod
    def _insert_sentences(conn: sqlite3.Connection, article_id: int, ex: Extraction) -> dict[int, int]:
        """Each sentence with its rank by summary score within the article (1 is the best), in
        one statement; their ids read back in one more."""
        order = sorted(ex.sentences, key=lambda s: (-s.score, s.index))
        rank = {id(s): place for place, s in enumerate(order, start=1)}
        conn.executemany(
            "INSERT INTO sentences (article_id, idx, paragraph, text, score, rank) VALUES (?, ?, ?, ?, ?, ?)",
            [(article_id, s.index, s.paragraph, s.text, s.score, rank[id(s)]) for s in ex.sentences],
        )
        return dict(conn.execute("SELECT idx, id FROM sentences WHERE article_id = ?", (article_id,)).fetchall())

    @staticmethod
    def _upsert_entities(conn: sqlite3.Connection, ex: Extraction) -> dict[str, int]:
        """Entities are shared across articles: known ones keep their id and gain what is new
        (one already known as it is, as most are, is read, not written again)."""
        ids: dict[str, int] = {}
        aliases: list[tuple[str, int]] = []
        for e in ex.entities:
            row = conn.execute(
                "SELECT id, owner, role, org FROM entities WHERE name = ? AND type = ?", (e.name, e.type)
            ).fetchone()
            if row is None or any(
                new is not None and new != old for new, old in zip((e.owner, e.role, e.org), row[1:], strict=True)
            ):
                row = conn.execute(
                    "INSERT INTO entities (name, type, owner, role, org) VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT(name, type) DO UPDATE SET owner = coalesce(excluded.owner, owner),"
                    " role = coalesce(excluded.role, role), org = coalesce(excluded.org, org)"
                    " RETURNING id",
                    (e.name, e.type, e.owner, e.role, e.org),
                ).fetchone()
            ids.setdefault(e.name, row[0])
            aliases += [(alias.casefold(), row[0]) for alias in {e.name, *e.aliases} if alias.strip()]
        conn.executemany("INSERT OR IGNORE INTO aliases (alias, entity_id) VALUES (?, ?)", aliases)
        return ids

    def delete_article(self, article_id: int) -> bool:
        with self.transaction() as conn:
            return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0

    FULL_TEXT = ("articles_fts", "quotes_fts")
    MERGE_STEP = 256  # pages of full-text index a merge writes in one transaction
    MERGE_PAGES = 4  # pages of merging that a bulk load may spend for each article it stored

    def optimize_search(self) -> None:
        """Merge each full-text index into a single segment (FTS5's ``optimize``), for after a
        bulk load.

        Every write transaction adds a segment to an index, and FTS5 merges them only in
        groups, so a store loaded in batches is searched through a dozen segments, each looked
        up and merged on every query. In one, a search for a common word reads one doclist:
        at 100k articles, a /brief on a topic took 58 us less (of 400, measured as the server
        runs it). It rewrites the indexes (seconds at 100k articles); readers go on meanwhile.
        """
        for table in self.FULL_TEXT:
            with self.transaction() as conn:
                conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")

    def merge_search(self, articles: int) -> None:
        """After a bulk load of ``articles`` articles: merge each full-text index's segments two
        by two, the levels with most segments first (FTS5's incremental ``merge``, with
        ``usermerge`` 2), writing about ``MERGE_PAGES`` pages for each article stored at most.

        A load writes a few small segments (one a transaction, merged by FTS5 in fours as they
        come); merged two by two after each load, the segments stay about one a level, as in a
        binary counter: each page is rewritten once a level, and a search reads a few segments.
        Unlike :meth:`optimize_search`, which rewrites the whole index into one segment (1.5 s
        for each 1,000 articles loaded into a store of 100k), the work follows the load: a merge
        that would take more than its share is left where it stands, and the next load's merging
        (or FTS5's own, as articles are stored) carries it on.
        """
        budget = max(self.MERGE_STEP, self.MERGE_PAGES * articles)
        for table in self.FULL_TEXT:
            with self.transaction() as conn:
                conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('usermerge', 2)")
            for _step in range(0, budget, self.MERGE_STEP):
                with self.transaction() as conn:
                    before = conn.total_changes
                    conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('merge', ?)", (self.MERGE_STEP,))
                    if conn.total_changes - before < 2:  # FTS5's sign that nothing was left to merge
                        break

    # -- reads: articles ---------------------------------------------------------------------

    _ARTICLE_COLUMNS = "a.id, a.source, a.title, a.url, a.published, a.ingested_at"

    def article_count(self) -> int:
        """How many articles are stored (a counter kept by triggers: no table walk)."""
        return self.conn.execute("SELECT n FROM counters WHERE name = 'articles'").fetchone()[0]

    def stats(self) -> dict[str, int]:
        tables = ("articles", "sentences", "entities", "quotes", "relations")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def get_article(self, article_id: int) -> dict | None:
        rows = self.query(f"SELECT {self._ARTICLE_COLUMNS}, a.body FROM articles a WHERE a.id = ?", (article_id,))
        return rows[0] if rows else None

    def latest_articles(self, limit: int = 5, *, since: str | None = None, within: Span | None = None) -> list[dict]:
        """Newest first (by publication date when known, else by ingestion); ``since``: stored
        after that moment; ``within``: dated within that span."""
        where, params = _within(within)
        if since:
            where, params = f"{where} AND a.ingested_at > ?", [*params, since]
        return self.query(
            f"SELECT {self._ARTICLE_COLUMNS} FROM articles a WHERE 1 {where} ORDER BY {_DATE} DESC, a.id DESC LIMIT ?",
            [*params, limit],
        )

    def count_articles(self, *, within: Span | None = None, cap: int = 1000) -> int:
        """How many articles are dated within ``within`` (every article: the counter), up to ``cap``."""
        if within is None:
            return self.article_count()
        where, params = _within(within, _BARE_DATE)
        return self.conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM articles INDEXED BY articles_recency WHERE 1 {where} LIMIT ?)",
            [*params, cap],
        ).fetchone()[0]

    def search_articles(self, text: str, limit: int = 5, *, within: Span | None = None) -> list[dict]:
        """The latest articles matching every word of ``text``; else those matching any word."""
        return self.find_articles(text, limit, within=within).rows

    def find_articles(self, text: str, limit: int = 5, *, within: Span | None = None, cap: int = 100) -> Found:
        """The latest articles (by date, see :meth:`_latest_of`) matching every word of
        ``text``, else any word, and how many match (up to ``cap``)."""
        for any_term in (False, True):
            expr = match_expression(text, any_term=any_term)
            if expr is None:
                break
            found = self._latest_of(
                _ARTICLES,
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT {n}",
                [expr],
                limit=limit,
                within=within,
                cap=cap,
            )
            if found.rows:
                return found
        return Found([], 0)

    def count_search_articles(self, text: str, *, cap: int = 1000) -> int:
        """How many articles match every word of ``text``, counted up to ``cap``."""
        expr = match_expression(text)
        if expr is None:
            return 0
        return self.conn.execute(
            "SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)", (expr, cap)
        ).fetchone()[0]

    def articles_mentioning(self, entity_ids: list[int], limit: int = 5, *, within: Span | None = None) -> list[dict]:
        """The latest articles that mention any of ``entity_ids``."""
        return self.find_mentioning(entity_ids, limit, within=within).rows

    def find_mentioning(
        self, entity_ids: list[int], limit: int = 5, *, within: Span | None = None, cap: int = 100
    ) -> Found:
        """The latest articles (by date, see :meth:`_latest_of`) that mention any of
        ``entity_ids``, and how many do (up to ``cap``)."""
        if not entity_ids:
            return Found([], 0)
        # each entity walks its (entity, article) key from the newest article stored back
        union = " UNION ".join(
            "SELECT article_id FROM (SELECT DISTINCT article_id FROM mentions WHERE entity_id = ?"
            " ORDER BY article_id DESC LIMIT {n})"
            for _ in entity_ids
        )
        return self._latest_of(
            _ARTICLES,
            f"SELECT article_id FROM ({union}) ORDER BY article_id DESC LIMIT {{n}}",
            list(entity_ids),
            limit=limit,
            within=within,
            cap=cap,
        )

    WALK = 2000  # a set bounded by time is looked for among its latest this many

    def _latest_of(
        self, table: _Dated, candidates: str, params: list, *, limit: int, within: Span | None, cap: int
    ) -> Found:
        """The latest rows of ``table`` (by date) of a set, within a span, and how many there are.

        ``candidates`` lists the set's ids, the latest stored first (as FTS5 walks its index, in
        rowid order, and a company's mentions their key), reading ``{n}`` of them. Stored order
        is not date order (an archive stored after this week's feeds), so the latest ``cap``
        stored (:data:`WALK` when bounded by time) are read, and the latest dated of them
        kept: exact for a set of up to that many, and bounded work however large the store
        or the set. Past that the count is a lower bound (``capped``)."""
        read = cap + 1 if within is None else self.WALK
        where, span = _within(within, table.date)
        candidates = candidates.format(n=read)
        # the candidates in date order from an index that holds their dates (read as a subquery:
        # no id passes through Python), then the rows of the few kept: a row of quotes, with its
        # sentence, is a page read of its own
        # bounded by time, how many candidates there were too: all WALK of them, and more may lie beyond
        counted, counted_params = ("", []) if within is None else (f", (SELECT count(*) FROM ({candidates}))", params)
        latest = self.conn.execute(
            f"SELECT {table.alias}.id, count(*) OVER (){counted} FROM {table.dates}"
            f" WHERE {table.alias}.id IN ({candidates}) {where}"
            f" ORDER BY {table.date} DESC, {table.alias}.id DESC LIMIT ?",
            [*counted_params, *params, *span, limit],
        ).fetchall()
        if not latest:
            return Found([], 0)
        found = latest[0][1]
        kept = [row[0] for row in latest]
        by_id = {
            row["id"]: row
            for row in self.query(
                f"{table.select} FROM {table.source} WHERE {table.alias}.id IN ({','.join('?' * len(kept))})", kept
            )
        }
        rows = [by_id[i] for i in kept]
        if within is None:
            return Found(rows, min(found, cap), capped=found > cap)
        return Found(rows, min(found, cap), capped=found > cap or latest[0][2] >= read)

    def stored_at(self, article_ids: list[int]) -> dict[int, str]:
        """When each article was stored, for those given (read from ``articles_cited``)."""
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        return dict(
            self.conn.execute(f"SELECT id, ingested_at FROM articles {_CITED} WHERE id IN ({marks})", article_ids)
        )

    TOP_RANKED = 3  # sentences_top indexes the best three sentences of each article

    def top_sentences(self, article_id: int, k: int = 3) -> list[dict]:
        """The ``k`` best-scored sentences of an article, in article order."""
        return self.top_sentences_of([article_id], k).get(article_id, [])

    def top_sentences_of(self, article_ids: list[int], k: int = 3) -> dict[int, list[dict]]:
        """The ``k`` best-scored sentences of each article, in article order, in one query
        (read by rank from a small index when ``k`` is at most three)."""
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        if k <= self.TOP_RANKED:
            sql = (
                "SELECT article_id, idx, text, score FROM sentences"
                f" WHERE article_id IN ({marks}) AND rank <= 3 AND rank <= ? ORDER BY article_id, idx"
            )
        else:
            sql = (
                "SELECT article_id, idx, text, score FROM (SELECT article_id, idx, text, score,"
                " row_number() OVER (PARTITION BY article_id ORDER BY score DESC, idx) AS place"
                f" FROM sentences WHERE article_id IN ({marks})) WHERE place <= ? ORDER BY article_id, idx"
            )
        found: dict[int, list[dict]] = {}
        for row in self.conn.execute(sql, [*article_ids, k]):
            found.setdefault(row[0], []).append({"idx": row[1], "text": row[2], "score": row[3]})
        return found

    # -- reads: entities ---------------------------------------------------------------------

    def entities_by_alias(self, alias: str) -> list[dict]:
        return self.query(
            "SELECT e.id, e.name, e.type, e.owner, e.role, e.org FROM aliases al"
            " JOIN entities e ON e.id = al.entity_id WHERE al.alias = ? ORDER BY e.type, e.id",
            (alias.casefold(),),
        )

    def entity_generation(self) -> int:
        """Changes whenever an entity or an alias is added, changed or removed (and only
        then: storing an article that names only known entities leaves it as it was)."""
        return self.conn.execute("SELECT n FROM counters WHERE name = 'names'").fetchone()[0]

    def iter_alias_keys(self) -> Iterator[tuple[str, int, str, str, str | None]]:
        """Every alias with its entity's id, name, type and owner, streamed as tuples."""
        cursor = self.conn.cursor()
        cursor.row_factory = None
        yield from cursor.execute(
            "SELECT al.alias, e.id, e.name, e.type, e.owner FROM aliases al JOIN entities e ON e.id = al.entity_id"
        )

    def entities_by_id(self, ids: list[int]) -> dict[int, tuple]:
        """``{id: (name, type, owner, role, org)}`` for the entities ``ids`` name."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        cursor = self.conn.cursor()
        cursor.row_factory = None
        return {
            row[0]: row[1:]
            for row in cursor.execute(
                f"SELECT id, name, type, owner, role, org FROM entities WHERE id IN ({marks})", ids
            )
        }

    def known_entities(self, type: str, limit: int = 10) -> list[dict]:
        """The entities of ``type`` most articles mention, most first (``entities_known``)."""
        return self.query(
            "SELECT id, name, type, owner, role, org, articles FROM entities INDEXED BY entities_known"
            " WHERE type = ? AND articles > 0 ORDER BY articles DESC, id LIMIT ?",
            (type, limit),
        )

    def count_entities(self, type: str, *, cap: int = 1000) -> int:
        """How many entities of ``type`` some article mentions, up to ``cap``."""
        return self.conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM entities INDEXED BY entities_known WHERE type = ? AND articles > 0"
            " LIMIT ?)",
            (type, cap),
        ).fetchone()[0]

    def products_of(self, company: str) -> list[dict]:
        return self.query(
            "SELECT id, name FROM entities WHERE type = 'product' AND owner = ? COLLATE NOCASE", (company,)
        )

    def people(self, *, org: str | None = None) -> list[dict]:
        if org is None:
            return self.query("SELECT id, name, role, org FROM entities WHERE type = 'person'")
        return self.query(
            "SELECT id, name, role, org FROM entities WHERE type = 'person' AND org = ? COLLATE NOCASE", (org,)
        )

    # -- reads: quotes -----------------------------------------------------------------------

    _QUOTE_COLUMNS = f"id, dated, {_QUOTE_CARD}"

    def quotes_by(
        self,
        speakers: Iterable[str] = (),
        orgs: Iterable[str] = (),
        limit: int = 10,
        *,
        within: Span | None = None,
        about: str | None = None,
    ) -> list[dict]:
        """Quotes whose speaker is one of ``speakers`` or whose organisation is one of ``orgs``,
        the latest first (by their article's date); ``within``: dated within that span;
        ``about``: whose words, or whose article's, match every word of ``about``. Each name
        reads its latest quotes, whole, from the covering index of speakers or of
        organisations (a page or two a name)."""
        picks = [("speaker", name) for name in speakers] + [(col, org) for org in orgs for col in ("org", "speaker")]
        if not picks:
            return []
        where, span = _within(within, "dated")
        about_params: list = []
        if about:
            topic = match_expression(about)
            if topic is None:
                return []
            # said about it: in so many words, or in an article about it (the latest WALK of each)
            latest = "SELECT rowid FROM {0}_fts WHERE {0}_fts MATCH ? ORDER BY rowid DESC LIMIT " + str(self.WALK)
            where += f" AND (id IN ({latest.format('quotes')}) OR article_id IN ({latest.format('articles')}))"
            about_params = [topic, topic]
        union = " UNION ".join(
            f"SELECT * FROM (SELECT {self._QUOTE_COLUMNS} FROM quotes WHERE {col} = ? COLLATE NOCASE {where}"
            " ORDER BY dated DESC, id DESC LIMIT ?)"
            for col, _name in picks
        )
        params = [x for _col, name in picks for x in (name, *span, *about_params, limit)]
        return self.query(f"SELECT * FROM ({union}) ORDER BY dated DESC, id DESC LIMIT ?", [*params, limit])

    def count_quotes_by(
        self, speakers: Iterable[str] = (), orgs: Iterable[str] = (), *, within: Span | None = None, cap: int = 100
    ) -> int:
        """How many quotes :meth:`quotes_by` has for these names (without ``about``), up to ``cap``."""
        picks = [("speaker", name) for name in speakers] + [(col, org) for org in orgs for col in ("org", "speaker")]
        if not picks:
            return 0
        where, span = _within(within, "dated")
        part = "SELECT id FROM (SELECT id FROM quotes WHERE {0} = ? COLLATE NOCASE " + where + " LIMIT ?)"
        params = [x for _col, name in picks for x in (name, *span, cap)]
        if len(picks) == 1:  # one name: a range of its index, counted (a union would sort the ids)
            return self.conn.execute(f"SELECT count(*) FROM ({part.format(picks[0][0])})", params).fetchone()[0]
        union = " UNION ".join(part.format(col) for col, _ in picks)
        return self.conn.execute(f"SELECT count(*) FROM ({union} LIMIT ?)", [*params, cap]).fetchone()[0]

    def latest_quotes(self, limit: int = 10, *, within: Span | None = None) -> list[dict]:
        """The latest quotes (by their article's date), within a span."""
        where, span = _within(within, "q.dated")
        return self.query(
            f"{_QUOTES.select} FROM quotes q INDEXED BY quotes_latest WHERE 1 {where}"
            " ORDER BY q.dated DESC, q.id DESC LIMIT ?",
            [*span, limit],
        )

    def search_quotes(self, text: str, limit: int = 10, *, within: Span | None = None) -> list[dict]:
        """The latest quotes whose words, speaker, role or organisation match every word of ``text``."""
        return self.find_quotes(text, limit, within=within).rows

    def find_quotes(
        self,
        text: str | None = None,
        limit: int = 10,
        *,
        roles: Iterable[str] = (),
        about: str | None = None,
        within: Span | None = None,
        cap: int = 100,
    ) -> Found:
        """The latest quotes (by date, see :meth:`_latest_of`) whose words, speaker, role or
        organisation match every word of ``text``, said by someone whose role is one of
        ``roles`` (``analyst``, ``chief executive``), and about ``about`` (in the quote's words
        or its article's), and how many there are (up to ``cap``)."""
        parts = []
        if text:
            expr = match_expression(text)
            if expr is None:
                return Found([], 0)
            parts.append(f"({expr})")
        wanted = [match_expression(role, drop_stopwords=False) for role in roles]
        wanted = [f"({w.replace(' AND ', ' + ')})" for w in wanted if w]  # each role a phrase
        if wanted:
            parts.append("role : (" + " OR ".join(wanted) + ")")
        if not about:
            if not parts:
                return Found([], 0)
            return self._latest_of(
                _QUOTES,
                "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC LIMIT {n}",
                [" AND ".join(parts)],
                limit=limit,
                within=within,
                cap=cap,
            )
        topic = match_expression(about)
        if topic is None:
            return Found([], 0)
        # said about it: in so many words, or in an article about it (each set read whole, up to
        # WALK of its latest, rather than looked up quote by quote)
        latest = "SELECT rowid FROM {0}_fts WHERE {0}_fts MATCH ? ORDER BY rowid DESC LIMIT " + str(self.WALK)
        sets = [f"(id IN ({latest.format('quotes')}) OR article_id IN ({latest.format('articles')}))"]
        params = [topic, topic]
        if parts:
            sets.append(f"id IN ({latest.format('quotes')})")
            params.append(" AND ".join(parts))
        candidates = f"SELECT id FROM quotes WHERE {' AND '.join(sets)} ORDER BY id DESC LIMIT {{n}}"
        return self._latest_of(_QUOTES, candidates, params, limit=limit, within=within, cap=cap)

    def quotes_in_article(self, article_id: int) -> list[dict]:
        return self.query(
            f"SELECT {self._QUOTE_COLUMNS} FROM quotes WHERE article_id = ? ORDER BY id",
            (article_id,),
        )

    # -- reads: relations --------------------------------------------------------------------

    _RELATION_COLUMNS = (
        "r.id, r.type, r.a, r.b, r.evidence, a.id AS article_id, a.title, a.url, a.source, a.published, a.ingested_at"
    )

    def relations(self, company: str | None = None, *, type: str | None = None, limit: int = 50) -> list[dict]:
        """Relations naming ``company`` (either side), or every relation; the latest stored first."""
        kind = "AND r.type = ?" if type is not None else ""
        kinds = [type] if type is not None else []
        if company is None:
            return self.query(
                f"SELECT {self._RELATION_COLUMNS} FROM relations r JOIN articles a ON a.id = r.article_id"
                f" WHERE 1 {kind} ORDER BY r.id DESC LIMIT ?",
                [*kinds, limit],
            )
        # each side walks its own (name, id) index newest first; then the two are merged
        return self.query(
            f"SELECT * FROM (SELECT {self._RELATION_COLUMNS} FROM relations r JOIN articles a ON a.id = r.article_id"
            f" WHERE r.id IN (SELECT id FROM relations WHERE a = ? COLLATE NOCASE ORDER BY id DESC LIMIT ?) {kind}"
            f" UNION SELECT {self._RELATION_COLUMNS} FROM relations r JOIN articles a ON a.id = r.article_id"
            f" WHERE r.id IN (SELECT id FROM relations WHERE b = ? COLLATE NOCASE ORDER BY id DESC LIMIT ?) {kind})"
            " ORDER BY id DESC LIMIT ?",
            [company, limit, *kinds, company, limit, *kinds, limit],
        )

    def relations_within(self, company: str, within: Span, *, other: str | None = None) -> list[dict]:
        """The relations naming ``company`` (either side; with ``other``, that pair) stated in
        articles dated within ``within``, the latest first, among its latest :data:`WALK`
        relations each side (walked by its (name, id) indexes)."""
        where, span = _within(within)
        pick = "AND (r.a = ? COLLATE NOCASE OR r.b = ? COLLATE NOCASE)" if other is not None else ""
        picks = [other, other] if other is not None else []
        side = (
            f"SELECT {self._RELATION_COLUMNS} FROM relations r JOIN articles a ON a.id = r.article_id"
            " WHERE r.id IN (SELECT id FROM relations WHERE {col} = ? COLLATE NOCASE ORDER BY id DESC LIMIT ?)"
            f" {pick} {where}"
        )
        return self.query(
            f"SELECT * FROM ({side.format(col='a')} UNION {side.format(col='b')})"
            " ORDER BY coalesce(published, ingested_at) DESC, id DESC",
            [company, self.WALK, *picks, *span, company, self.WALK, *picks, *span],
        )

    def relation_pairs(
        self,
        company: str,
        *,
        limit: int = 10,
        other: str | None = None,
        evidence: int = 3,
        kinds: Iterable[str] = ("competes", "partners"),
    ) -> list[dict]:
        """The companies ``company`` stands in each of ``kinds`` with (``~acquires``: the
        companies that bought it, see ``bot/extract/kinds.py``), most attested first (then the
        most recent), at most ``limit`` of each kind: ``type``, ``company``, ``other``, ``n``
        (how many relations attest the pair) and ``evidence``: of the latest three relations
        (those kept), ``evidence`` at most, the latest article's first and each article's in
        its own order, each a dict of ``id``, ``sentence``, ``article_id``, ``title``, ``url``
        and ``published``.

        One row per pair, kept up to date at write time (migrations 7 and 8): the work does not
        grow with the number of relations stored. The rows are stored in the order read here
        (migration 9), so a company's top pairs sit together on a page or two. One piece of
        evidence is read from the pair's lead, kept ready (migration 12).
        """
        pick = "AND other = ?" if other is not None else ""
        # one piece of evidence is the pair's lead (migration 12): a third of the JSON, in order
        column = "lead" if evidence == 1 else "evidence"
        kinds = list(kinds)
        sql = " UNION ALL ".join(
            f"SELECT * FROM (SELECT type, company, other, n, {column} FROM relation_pairs"
            f" WHERE company = ? AND type = ? {pick} ORDER BY n DESC, last_id DESC LIMIT ?)"
            for _kind in kinds
        )
        params = [x for kind in kinds for x in (company, kind, *([other] if other is not None else []), limit)]
        rows = self.conn.execute(sql, params).fetchall()
        # every pair's evidence decoded in one go (the JSON joined into one array)
        decoded = json.loads("[" + ",".join(row[4] or "null" for row in rows) + "]")
        if column == "lead":
            decoded = [[lead] if lead else [] for lead in decoded]
        else:
            decoded = [_reading_order(items or [])[:evidence] for items in decoded]
        return [
            {"type": kind, "company": name, "other": other_name, "n": n, "evidence": items}
            for (kind, name, other_name, n, _json), items in zip(rows, decoded, strict=True)
        ]

    def count_pairs(self, company: str, *, cap: int = 100) -> tuple[int, int]:
        """How many companies ``company`` competes and partners with, each counted up to ``cap``
        (two ranges of ``relation_pairs``' key, in one statement)."""
        part = "SELECT count(*) FROM (SELECT 1 FROM relation_pairs WHERE company = ? AND type = '{0}' LIMIT ?)"
        row = self.conn.execute(
            f"SELECT ({part.format('competes')}), ({part.format('partners')})", (company, cap, company, cap)
        ).fetchone()
        return row[0], row[1]

    def relations_in_article(self, article_id: int) -> list[dict]:
        return self.query(
            f"SELECT {self._RELATION_COLUMNS} FROM relations r JOIN articles a ON a.id = r.article_id"
            " WHERE r.article_id = ? ORDER BY r.id",
            (article_id,),
        )
