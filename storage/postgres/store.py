"""The PostgreSQL store of parsed articles: connecting, migrating, writing and querying.

The same store as ``storage.store.Store`` (SQLite), for replicas on several machines: the same
reads and writes, the same rows (plain ``dict`` objects), the same ledgers. Each thread has its
own connection (in autocommit mode; a transaction is ``BEGIN`` ... ``COMMIT``, nested ones are
savepoints); a connection found broken (the server restarted) is replaced at the next use.

What SQLite gives by having one writer at a time is given here by locks:

- article writes take a transaction-level advisory lock (``ARTICLE_WRITES``), so the same
  content saved by two replicas at once is stored once, and articles arrive (``arrivals``,
  ``ingested_at``) in the order their transactions commit (migration 4);
- the ledgers' claims lock the row they take (``SELECT ... FOR UPDATE``) and every later write
  names the claim's lease; a follow claim takes ``FOLLOW_CLAIMS`` (one claim at a time, so two
  replicas never wait on each other's rows in turn);
- migrations are applied under ``MIGRATING``: replicas starting together migrate once.
"""

from __future__ import annotations

import json
import threading
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

import psycopg
from psycopg.rows import dict_row, tuple_row

from bot.extract.kinds import KINDS
from storage import teams
from storage.clock import utcnow
from storage.dialect import POSTGRES
from storage.digests import Digests
from storage.feeds import Feeds
from storage.files import StoreDamaged, StoreError, StoreReadOnly
from storage.follows import Follows
from storage.fts import terms
from storage.installations import Installations
from storage.locations import shown
from storage.notes import Notes
from storage.postgres.errors import describe_failure
from storage.postgres.graph import Graph
from storage.postgres.locks import ARTICLE_WRITES, MIGRATING
from storage.postgres.search import MATCHES, ts_query
from storage.queries import Found, Span, _reading_order
from storage.schema import migrations
from storage.store import SaveResult, _sides
from storage.teams import hidden as _hidden_in

if TYPE_CHECKING:
    from bot.extract.model import Extraction

PH = "%s"


def _hidden(team: str | None, column: str, *, entities: bool = False) -> tuple[str, list]:
    return _hidden_in(team, column, entities=entities, ph=PH)


MIGRATIONS = migrations("postgres/migrations")
SCHEMA_VERSION = len(MIGRATIONS)

CONNECT_SECONDS = 10

_DATE = "coalesce(a.published, a.ingested_at)"  # an article's date (articles_recency's key)


def _within(span: Span | None, date: str = _DATE) -> tuple[str, list]:
    """``AND ...`` bounding ``date`` by ``span``, and its parameters, as the SQLite store reads a
    span (``storage.store._within``): a range from the earlier of a bound's two forms to the
    later, then each date compared with the form of its own precision."""
    if span is None:
        return "", []
    where, params = "", []
    for bound, op, outer in ((span.start, ">=", min), (span.end, "<", max)):
        if bound is None:
            continue
        day, moment = bound
        where += f" AND {date} {op} %s AND (CASE WHEN length({date}) > 10 THEN {date} {op} %s ELSE {date} {op} %s END)"
        params += [outer(day, moment), moment, day]
    return where, params


class _Dated(NamedTuple):
    """A table read latest first by date (articles, quotes): the columns an answer reads, the
    table with its alias, the alias, and the date its rows are ordered by."""

    columns: str
    source: str
    alias: str
    date: str


_ARTICLES = _Dated("a.id, a.source, a.title, a.url, a.published, a.ingested_at", "articles a", "a", _DATE)
_QUOTE_COLUMNS = "id, dated, text, sentence, speaker, role, org, article_id, title, url, published"
_QUOTES = _Dated(", ".join(f"q.{c.strip()}" for c in _QUOTE_COLUMNS.split(",")), "quotes q", "q", "q.dated")


class PostgresStore:
    """One PostgreSQL database of articles and the facts extracted from them.

    ``read_only`` refuses every write (and the server refuses them too: the connections are
    read-only); ``migrate=False`` leaves the schema as it is.
    """

    shared = True  # replicas on other machines may serve the same app from this store

    def __init__(self, url: str, *, read_only: bool = False, migrate: bool = True):
        self.url = url
        self.path = shown(url)  # the store as messages name it
        self._local = threading.local()
        self._connections: weakref.WeakSet[psycopg.Connection] = weakref.WeakSet()
        self._lock = threading.Lock()
        self.read_only: str | None = "it was opened read-only" if read_only else None
        self.unclean = False  # SQLite's notion; a server recovers by itself
        self.damage: list[str] = []
        self.digests = Digests(self, POSTGRES)
        self.feeds = Feeds(self, POSTGRES)
        self.follows = Follows(self, POSTGRES)
        self.graph = Graph(self)
        self.notes = Notes(self, POSTGRES)
        self.installations = Installations(self, POSTGRES)
        try:
            self.conn  # noqa: B018 - connect now, so a wrong URL is said at once
            if migrate:
                self.migrate()
        except psycopg.Error as exc:
            self.close()
            raise (describe_failure(exc, self.path) or StoreError(f"cannot use {self.path}: {exc}")) from exc

    # -- connections ---------------------------------------------------------------------------

    def _connect(self) -> psycopg.Connection:
        conn = psycopg.connect(
            self.url, autocommit=True, row_factory=dict_row, connect_timeout=CONNECT_SECONDS, application_name="newsbot"
        )
        if self.read_only:
            conn.execute("SET default_transaction_read_only = on")
        with self._lock:
            self._connections.add(conn)
        # closed when its thread is gone (a pool's threads come and go: the follows' posting
        # pool is made for each round), not left open until the server's limit is reached
        weakref.finalize(threading.current_thread(), conn.close)
        return conn

    @property
    def conn(self) -> psycopg.Connection:
        """This thread's connection (a new one when the last was closed or broken)."""
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed or conn.broken:
            if conn is not None:
                conn.close()
            conn = self._local.conn = self._connect()
        return conn

    def fold_log(self) -> None:
        """Nothing to do: the server keeps its own write-ahead log, whoever stops."""

    def close_thread(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def close(self) -> None:
        """Close every connection this store opened, on any thread (the store is done with)."""
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            conn.close()
        self._local = threading.local()

    @property
    def writable(self) -> bool:
        return not self.read_only

    def require_writable(self) -> None:
        if self.damage:
            raise StoreDamaged(f"{self.path} is damaged ({self.damage[0]}): nothing is written to it.")
        if self.read_only:
            raise StoreReadOnly(f"cannot write to {self.path}: {self.read_only}")

    def check(self, *, full: bool = False) -> list[str]:
        """What is wrong with the store as newsbot sees it: a schema other than this release's.
        (The server keeps its own files sound; ``full`` changes nothing here.)"""
        version = self.version
        if version != SCHEMA_VERSION:
            return [f"schema {version}, where this release needs {SCHEMA_VERSION}"]
        return []

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Connection]:
        """``BEGIN`` ... ``COMMIT``, rolled back on any error; inside another transaction of this
        thread, a savepoint. A store that cannot be written refuses first."""
        self.require_writable()
        conn = self.conn
        try:
            with conn.transaction():
                yield conn
        except psycopg.Error as exc:
            failure = describe_failure(exc, self.path)
            if failure is None:
                raise
            raise failure from exc

    def query(self, sql: str, params: Iterable[Any] | dict = ()) -> list[dict]:
        with self.conn.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall() if cursor.description is not None else []

    def value(self, sql: str, params: Iterable[Any] | dict = ()) -> Any:
        """The first column of the first row (``None`` when there is no row)."""
        with self.conn.cursor(row_factory=tuple_row) as cursor:
            row = cursor.execute(sql, params).fetchone()
        return row[0] if row is not None else None

    def rows(self, sql: str, params: Iterable[Any] | dict = ()) -> list[tuple]:
        with self.conn.cursor(row_factory=tuple_row) as cursor:
            return cursor.execute(sql, params).fetchall()

    # -- schema --------------------------------------------------------------------------------

    @property
    def version(self) -> int:
        if self.value("SELECT to_regclass('newsbot_schema') IS NOT NULL") is not True:
            return 0
        return self.value("SELECT version FROM newsbot_schema") or 0

    def migrate(self) -> int:
        """Apply the migrations this database lacks, each in its own transaction under an
        advisory lock (another replica may be migrating it now); returns the version reached."""
        version = self.version
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was made by a newer newsbot (schema {version}, this release knows "
                f"{SCHEMA_VERSION}); upgrade newsbot or point NEWSBOT_DB at another database"
            )
        if version == 0 and self.value(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'newsbot_schema'"
        ):
            raise StoreError(
                f"{self.path} is a PostgreSQL database but not a newsbot store (it has tables of its own):"
                " point --db or NEWSBOT_DB at another database"
            )
        if version < SCHEMA_VERSION and self.read_only:
            what = (
                "empty"
                if version == 0
                else f"from an older newsbot (schema {version}; this one needs {SCHEMA_VERSION})"
            )
            raise StoreReadOnly(f"{self.path} is {what} and cannot be brought up to date: {self.read_only}")
        for number, migration in enumerate(MIGRATIONS, start=1):
            if version >= number:
                continue
            with self.transaction() as conn:
                conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", MIGRATING)
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS newsbot_schema"
                    " (one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL)"
                )
                done = conn.execute("SELECT version FROM newsbot_schema").fetchone()
                if done is not None and done["version"] >= number:
                    version = done["version"]
                    continue  # another replica applied it while this one waited
                conn.execute(migration)
                conn.execute(
                    "INSERT INTO newsbot_schema (version) VALUES (%s)"
                    " ON CONFLICT (one) DO UPDATE SET version = excluded.version",
                    (number,),
                )
                version = number
        if self.writable:
            self._know_kinds()
        return self.version

    def _know_kinds(self) -> None:
        """Add the relation kinds this release knows that the store lacks."""
        known = {row[0] for row in self.rows("SELECT name FROM relation_kinds")}
        missing = [(kind.name, int(kind.directed)) for kind in KINDS if kind.name not in known]
        if missing:
            with self.transaction() as conn, conn.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO relation_kinds (name, directed) VALUES (%s, %s) ON CONFLICT (name) DO NOTHING", missing
                )

    # -- writes --------------------------------------------------------------------------------

    def save_article(
        self,
        ex: Extraction,
        *,
        source: str,
        content_hash: str,
        url: str | None = None,
        published: str | None = None,
        team: str | None = None,
    ) -> SaveResult:
        """Store one article and its facts in one transaction (see ``Store.save_article``)."""
        with self.transaction() as conn:
            return self._save(
                conn, ex, source=source, content_hash=content_hash, url=url, published=published, team=team
            )

    def save_articles(self, items: Iterable[tuple[Extraction, dict]]) -> list[SaveResult]:
        """Store many articles in one transaction, each exactly as ``save_article`` would."""
        with self.transaction() as conn:
            return [self._save(conn, ex, **keywords) for ex, keywords in items]

    def _save(
        self,
        conn: psycopg.Connection,
        ex: Extraction,
        *,
        source: str,
        content_hash: str,
        url: str | None = None,
        published: str | None = None,
        team: str | None = None,
    ) -> SaveResult:
        # one article write at a time, from here to the commit: the same content saved by two
        # replicas at once is found the second time, and arrivals keep the order of commits. (The
        # look-ups are a statement of their own: a statement sees what was committed when it
        # began, and this one begins once the lock is ours.)
        conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", ARTICLE_WRITES)
        found = conn.execute(
            "SELECT (SELECT id FROM articles WHERE content_hash = %s) AS same,"
            " (SELECT published FROM articles WHERE content_hash = %s) AS published,"
            " (SELECT id FROM articles WHERE source = %s) AS old",
            (content_hash, content_hash, source),
        ).fetchone()
        if found["same"] is not None and team is not None:
            # stored already: another workspace's is this one's too (never re-dated for a workspace)
            shared = teams.share_with(conn, ex, found["same"], team, PH)
            return SaveResult(found["same"], "added" if shared else "unchanged")
        if found["same"] is not None:
            if teams.make_common(conn, ex, found["same"], PH):
                self._upsert_entities(conn, ex)
            if published and published != found["published"]:
                self._date(conn, found["same"], published)
                return SaveResult(found["same"], "unchanged", dated=True)
            return SaveResult(found["same"], "unchanged")
        old = found["old"]
        if old is not None and team is not None and teams.holders(conn, old, PH) != {team}:
            # the source's article is not this workspace's alone: its version is kept apart
            source = f"{source}#workspace={team}"
            old = conn.execute("SELECT id FROM articles WHERE source = %s", (source,)).fetchone()
            old = old["id"] if old else None
        if old is not None:
            conn.execute("DELETE FROM articles WHERE id = %s", (old,))
        now = utcnow()
        article_id = conn.execute(
            "INSERT INTO articles (source, content_hash, title, body, url, published, ingested_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id",
            (source, content_hash, ex.title, ex.body, url, published, now),
        ).fetchone()["id"]
        if team is not None:
            teams.own(conn, article_id, team, PH)
        sentence_ids = self._insert_sentences(conn, article_id, ex)
        if team is None:
            entity_ids = self._upsert_entities(conn, ex)
            teams.names_common(conn, entity_ids.values(), PH)
        else:
            entity_ids = teams.team_entities(conn, ex, team, PH)
        said_in = {s.index: s.text for s in ex.sentences}
        mentions = sorted(
            {
                (sentence_ids[m.sentence], entity_ids[m.name])
                for m in ex.mentions
                if m.sentence in sentence_ids and m.name in entity_ids
            }
        )
        if mentions:
            conn.execute(
                "INSERT INTO mentions (article_id, sentence_id, entity_id)"
                " SELECT %s, * FROM unnest(%s::bigint[], %s::bigint[]) ON CONFLICT DO NOTHING",
                (article_id, [m[0] for m in mentions], [m[1] for m in mentions]),
            )
        if ex.quotes:
            # each quote carries its sentence and its article's citation and date
            conn.execute(
                "INSERT INTO quotes (article_id, title, url, published, dated, sentence_id, sentence, text, speaker,"
                " role, org) SELECT %s, %s, %s, %s, %s, * FROM unnest(%s::bigint[], %s::text[], %s::text[],"
                " %s::text[], %s::text[], %s::text[])",
                (
                    article_id,
                    ex.title,
                    url,
                    published,
                    published or now,
                    [sentence_ids.get(q.sentence) for q in ex.quotes],
                    [said_in.get(q.sentence) for q in ex.quotes],
                    [q.text for q in ex.quotes],
                    [q.speaker for q in ex.quotes],
                    [q.role for q in ex.quotes],
                    [q.org for q in ex.quotes],
                ),
            )
        if ex.relations:
            sides = [_sides(r.type, r.a, r.b) for r in ex.relations]
            # in the extraction's order: the pairs' triggers see them as SQLite's do
            conn.execute(
                "INSERT INTO relations (article_id, sentence_id, type, a, b, evidence)"
                " SELECT %s, sentence_id, type, a, b, evidence FROM unnest(%s::bigint[], %s::text[], %s::text[],"
                " %s::text[], %s::text[]) WITH ORDINALITY AS r(sentence_id, type, a, b, evidence, place)"
                " ORDER BY place",
                (
                    article_id,
                    [sentence_ids.get(r.sentence) for r in ex.relations],
                    [r.type for r in ex.relations],
                    [a for a, _b in sides],
                    [b for _a, b in sides],
                    [r.evidence for r in ex.relations],
                ),
            )
        return SaveResult(article_id, "replaced" if old is not None else "added")

    @staticmethod
    def _date(conn: psycopg.Connection, article_id: int, published: str | None) -> None:
        """Give a stored article its publication date, with every copy of it: its quotes' and
        the evidence (and lead) its relations lend their pairs."""
        conn.execute("UPDATE articles SET published = %s WHERE id = %s", (published, article_id))
        conn.execute(
            "UPDATE quotes SET published = %(p)s, dated = coalesce(%(p)s, (SELECT ingested_at FROM articles"
            " WHERE id = %(id)s)) WHERE article_id = %(id)s",
            {"p": published, "id": article_id},
        )
        # each pair this article lends evidence to (a directed kind's other side too): its
        # items from this article re-dated in place, and its lead read again from them
        conn.execute(
            "UPDATE relation_pairs p SET evidence = (SELECT jsonb_agg(CASE WHEN (e ->> 'article_id')::bigint = %(id)s"
            " THEN jsonb_set(e, '{published}', coalesce(to_jsonb(%(p)s::text), 'null'::jsonb)) ELSE e END"
            " ORDER BY place) FROM jsonb_array_elements(p.evidence) WITH ORDINALITY AS x(e, place))"
            " WHERE (lower(company), type, lower(other)) IN (SELECT lower(a), type, lower(b) FROM relations"
            " WHERE article_id = %(id)s UNION SELECT lower(b), type, lower(a) FROM relations WHERE article_id = %(id)s"
            " UNION SELECT lower(b), '~' || type, lower(a) FROM relations WHERE article_id = %(id)s)",
            {"p": published, "id": article_id},
        )
        conn.execute(
            "UPDATE relation_pairs p SET lead = newsbot_pair_lead(evidence)"
            " WHERE (lower(company), type, lower(other)) IN (SELECT lower(a), type, lower(b) FROM relations"
            " WHERE article_id = %(id)s UNION SELECT lower(b), type, lower(a) FROM relations WHERE article_id = %(id)s"
            " UNION SELECT lower(b), '~' || type, lower(a) FROM relations WHERE article_id = %(id)s)",
            {"id": article_id},
        )

    @staticmethod
    def _insert_sentences(conn: psycopg.Connection, article_id: int, ex: Extraction) -> dict[int, int]:
        """Each sentence with its rank by summary score within the article (1 is the best)."""
        if not ex.sentences:
            return {}
        order = sorted(ex.sentences, key=lambda s: (-s.score, s.index))
        rank = {id(s): place for place, s in enumerate(order, start=1)}
        rows = conn.execute(
            "INSERT INTO sentences (article_id, idx, paragraph, text, score, rank)"
            " SELECT %s, * FROM unnest(%s::integer[], %s::integer[], %s::text[], %s::float8[], %s::integer[])"
            " RETURNING idx, id",
            (
                article_id,
                [s.index for s in ex.sentences],
                [s.paragraph for s in ex.sentences],
                [s.text for s in ex.sentences],
                [s.score for s in ex.sentences],
                [rank[id(s)] for s in ex.sentences],
            ),
        ).fetchall()
        return {row["idx"]: row["id"] for row in rows}

    @staticmethod
    def _upsert_entities(conn: psycopg.Connection, ex: Extraction) -> dict[str, int]:
        """Entities are shared across articles: known ones keep their id and gain what is new
        (what a later mention says wins, as one upsert after another would have it)."""
        if not ex.entities:
            return {}
        merged: dict[tuple[str, str], list] = {}
        for e in ex.entities:
            known = merged.setdefault((e.name, e.type), [None, None, None])
            for i, value in enumerate((e.owner, e.role, e.org)):
                if value is not None:
                    known[i] = value
        keys = list(merged)
        rows = conn.execute(
            "INSERT INTO entities AS e (name, type, owner, role, org)"
            " SELECT * FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[])"
            " ON CONFLICT (name, type) DO UPDATE SET owner = coalesce(excluded.owner, e.owner),"
            " role = coalesce(excluded.role, e.role), org = coalesce(excluded.org, e.org)"
            " RETURNING id, name, type",
            (
                [name for name, _type in keys],
                [kind for _name, kind in keys],
                *([merged[key][i] for key in keys] for i in range(3)),
            ),
        ).fetchall()
        by_key = {(row["name"], row["type"]): row["id"] for row in rows}
        ids: dict[str, int] = {}
        aliases: set[tuple[str, int]] = set()
        for e in ex.entities:
            entity_id = by_key[(e.name, e.type)]
            ids.setdefault(e.name, entity_id)
            aliases |= {(alias.casefold(), entity_id) for alias in {e.name, *e.aliases} if alias.strip()}
        if aliases:
            ordered = sorted(aliases)
            conn.execute(
                "INSERT INTO aliases (alias, entity_id) SELECT * FROM unnest(%s::text[], %s::bigint[])"
                " ON CONFLICT DO NOTHING",
                ([a for a, _id in ordered], [i for _a, i in ordered]),
            )
        return ids

    def feed_teams(self, feed_id: int) -> list[str]:
        return teams.feed_teams(self.conn, feed_id, PH)

    def holders_of(self, article_ids: list[int]) -> dict[int, set[str]]:
        return teams.holders_of(self.conn, list(article_ids), PH)

    def hidden_new(self, team: str, since: str, until: str) -> int:
        return teams.hidden_new(self.conn, team, since, until, PH)

    def forget_team_articles(self, conn: psycopg.Connection, team: str) -> int:
        """In ``remove_team``'s transaction: the workspace's articles and names that no other
        holds go (with their facts); those others hold stay theirs. How many articles went."""
        conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", ARTICLE_WRITES)
        articles, entities = teams.forget(conn, team, PH)
        if articles:
            conn.execute("DELETE FROM articles WHERE id = ANY(%s)", (articles,))
        if entities:
            conn.execute("DELETE FROM entities WHERE id = ANY(%s)", (entities,))
        return len(articles)

    def delete_article(self, article_id: int) -> bool:
        with self.transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", ARTICLE_WRITES)
            return conn.execute("DELETE FROM articles WHERE id = %s", (article_id,)).rowcount > 0

    SEARCH_INDEXES = ("articles_search", "quotes_search", "quotes_by_role")  # GIN, migrations 1 and 6
    LOADED_TABLES = ("articles", "quotes", "sentences", "mentions", "relations", "relation_pairs", "entities")

    def optimize_search(self) -> None:
        """After a store is built: the full-text indexes' pending entries merged and the
        planner's statistics brought up to date (``VACUUM ANALYZE``, which visits each table
        whole; PostgreSQL's GIN indexes have no segments to rewrite into one, as FTS5's do)."""
        self.require_writable()
        for table in self.LOADED_TABLES:
            self.conn.execute(f"VACUUM ANALYZE {table}")

    def merge_search(self, articles: int) -> None:
        """After a bulk load of ``articles`` articles: what PostgreSQL's own upkeep of the
        full-text indexes needs, in proportion to the load. A GIN index takes new rows into a
        pending list that every search reads whole, merged into the index when it outgrows
        ``gin_pending_list_limit`` or at the next (auto)vacuum: it is merged now
        (``gin_clean_pending_list``: the load's entries only), and the planner's statistics are
        read again (``ANALYZE``: a sample of fixed size, whatever the table's) once a load adds a
        tenth of the store. Nothing is rewritten whole: that is :meth:`optimize_search`."""
        self.require_writable()
        if articles <= 0:
            return
        for index in self.SEARCH_INDEXES:
            self.value("SELECT gin_clean_pending_list(%s::regclass)", (index,))
        if articles * 10 >= (self.article_count() or 0):
            for table in self.LOADED_TABLES:
                self.conn.execute(f"ANALYZE {table}")

    # -- reads: articles -----------------------------------------------------------------------

    _ARTICLE_COLUMNS = "a.id, a.source, a.title, a.url, a.published, a.ingested_at"

    def article_count(self, *, team: str | None = None) -> int:
        n = self.value("SELECT n FROM counters WHERE name = 'articles'")
        return n if team is None else n - teams.hidden_count(self.conn, team, PH)

    def stats(self) -> dict[str, int]:
        tables = ("articles", "sentences", "entities", "quotes", "relations")
        return {t: self.value(f"SELECT count(*) FROM {t}") for t in tables}

    def get_article(self, article_id: int, *, team: str | None = None) -> dict | None:
        hide, hidden = _hidden(team, "a.id")
        rows = self.query(
            f"SELECT {self._ARTICLE_COLUMNS}, a.body FROM articles a WHERE a.id = %s{hide}", (article_id, *hidden)
        )
        return rows[0] if rows else None

    def latest_articles(
        self, limit: int = 5, *, since: str | None = None, within: Span | None = None, team: str | None = None
    ) -> list[dict]:
        """Newest first (by publication date when known, else by ingestion); ``since``: stored
        after that moment; ``within``: dated within that span."""
        where, params = _within(within)
        if since:
            where, params = f"{where} AND a.ingested_at > %s", [*params, since]
        hide, hidden = _hidden(team, "a.id")
        where, params = where + hide, [*params, *hidden]
        return self.query(
            f"SELECT {self._ARTICLE_COLUMNS} FROM articles a WHERE TRUE {where} ORDER BY {_DATE} DESC, a.id DESC"
            " LIMIT %s",
            [*params, limit],
        )

    def count_articles(self, *, within: Span | None = None, cap: int = 1000, team: str | None = None) -> int:
        """How many articles are dated within ``within`` (every article: the counter), up to ``cap``."""
        if within is None:
            return self.article_count(team=team)
        where, params = _within(within)
        hide, hidden = _hidden(team, "a.id")
        where, params = where + hide, [*params, *hidden]
        return self.value(
            f"SELECT count(*) FROM (SELECT FROM articles a WHERE TRUE {where} LIMIT %s) found", [*params, cap]
        )

    def search_articles(
        self, text: str, limit: int = 5, *, within: Span | None = None, team: str | None = None
    ) -> list[dict]:
        """The latest articles matching every word of ``text``; else those matching any word."""
        return self.find_articles(text, limit, within=within, team=team).rows

    def find_articles(
        self, text: str, limit: int = 5, *, within: Span | None = None, cap: int = 100, team: str | None = None
    ) -> Found:
        """The latest articles (by date, see :meth:`_latest_of`) matching every word of
        ``text``, else any word, and how many match (up to ``cap``)."""
        for any_term in (False, True):
            expr = ts_query(text, any_term=any_term)
            if expr is None:
                break
            found = self._latest_of(
                _ARTICLES,
                f"SELECT id FROM articles WHERE search @@ {MATCHES} ORDER BY id DESC LIMIT {{n}}",
                [expr],
                limit=limit,
                within=within,
                cap=cap,
                team=team,
            )
            if found.rows:
                return found
        return Found([], 0)

    def count_search_articles(self, text: str, *, cap: int = 1000, team: str | None = None) -> int:
        expr = ts_query(text)
        if expr is None:
            return 0
        if team is not None:
            hide, hidden = _hidden(team, "id")
            return self.value(
                f"SELECT count(*) FROM (SELECT FROM articles WHERE search @@ {MATCHES}{hide} LIMIT %s) found",
                (expr, *hidden, cap),
            )
        # no column selected: the index's matches are counted on the pages known all-visible
        # without reading them (a bitmap scan's skip-fetch); a column would read every one
        return self.value(
            f"SELECT count(*) FROM (SELECT FROM articles WHERE search @@ {MATCHES} LIMIT %s) found", (expr, cap)
        )

    def articles_mentioning(
        self, entity_ids: list[int], limit: int = 5, *, within: Span | None = None, team: str | None = None
    ) -> list[dict]:
        """The latest articles that mention any of ``entity_ids``."""
        return self.find_mentioning(entity_ids, limit, within=within, team=team).rows

    def find_mentioning(
        self,
        entity_ids: list[int],
        limit: int = 5,
        *,
        within: Span | None = None,
        cap: int = 100,
        team: str | None = None,
    ) -> Found:
        """The latest articles (by date, see :meth:`_latest_of`) that mention any of
        ``entity_ids``, and how many do (up to ``cap``)."""
        if not entity_ids:
            return Found([], 0)
        # each entity walks its (entity, article) key from the newest article stored back
        union = " UNION ".join(
            "(SELECT DISTINCT article_id FROM mentions WHERE entity_id = %s ORDER BY article_id DESC LIMIT {n})"
            for _ in entity_ids
        )
        return self._latest_of(
            _ARTICLES,
            f"SELECT article_id FROM ({union}) mentioned ORDER BY article_id DESC LIMIT {{n}}",
            list(entity_ids),
            limit=limit,
            within=within,
            cap=cap,
            team=team,
        )

    WALK = 2000  # a set bounded by time is looked for among its latest this many (as in SQLite)

    def _latest_of(
        self,
        table: _Dated,
        candidates: str,
        params: list,
        *,
        limit: int,
        within: Span | None,
        cap: int,
        team: str | None = None,
    ) -> Found:
        """The latest rows of ``table`` (by date) of a set, within a span, and how many there
        are: as ``Store._latest_of``, the same candidates (the set's latest ``cap`` stored, or
        :data:`WALK` when bounded by time) and the same counts, so both stores give the same
        answers. ``candidates`` lists the set's ids, the latest stored first, reading ``{n}``."""
        alias, date = table.alias, table.date
        read = cap + 1 if within is None else self.WALK
        where, span = _within(within, date)
        if team is not None:  # as many more candidates read as the workspace may not see
            read += teams.hidden_count(self.conn, team, PH)
            hide, hidden = _hidden(team, f"{alias}.{'id' if table is _ARTICLES else 'article_id'}")
            where, span = where + hide, [*span, *hidden]
        candidates = candidates.format(n=read)
        counted, counted_params = ("", []) if within is None else (f", (SELECT count(*) FROM ({candidates}) c)", params)
        latest = self.rows(
            f"SELECT {alias}.id, count(*) OVER (){counted} FROM {table.source}"
            f" WHERE {alias}.id IN ({candidates}) {where} ORDER BY {date} DESC, {alias}.id DESC LIMIT %s",
            [*counted_params, *params, *span, limit],
        )
        if not latest:
            return Found([], 0)
        found = latest[0][1]
        kept = [row[0] for row in latest]
        picked = f"SELECT {table.columns} FROM {table.source} WHERE {alias}.id = ANY(%s)"
        by_id = {row["id"]: row for row in self.query(picked, (kept,))}
        rows = [by_id[i] for i in kept]
        if within is None:
            return Found(rows, min(found, cap), capped=found > cap)
        return Found(rows, min(found, cap), capped=found > cap or latest[0][2] >= read)

    def stored_at(self, article_ids: list[int], *, team: str | None = None) -> dict[int, str]:
        """When each article was stored, for those given."""
        if not article_ids:
            return {}
        hide, hidden = _hidden(team, "id")
        return dict(
            self.rows(f"SELECT id, ingested_at FROM articles WHERE id = ANY(%s){hide}", (list(article_ids), *hidden))
        )

    TOP_RANKED = 3

    def top_sentences(self, article_id: int, k: int = 3, *, team: str | None = None) -> list[dict]:
        return self.top_sentences_of([article_id], k, team=team).get(article_id, [])

    def top_sentences_of(self, article_ids: list[int], k: int = 3, *, team: str | None = None) -> dict[int, list[dict]]:
        if team is not None:
            article_ids = list(self.stored_at(article_ids, team=team))
        if not article_ids:
            return {}
        if k <= self.TOP_RANKED:
            sql = (
                "SELECT article_id, idx, text, score FROM sentences"
                " WHERE article_id = ANY(%s) AND rank <= 3 AND rank <= %s ORDER BY article_id, idx"
            )
        else:
            sql = (
                "SELECT article_id, idx, text, score FROM (SELECT article_id, idx, text, score,"
                " row_number() OVER (PARTITION BY article_id ORDER BY score DESC, idx) AS place"
                " FROM sentences WHERE article_id = ANY(%s)) ranked WHERE place <= %s ORDER BY article_id, idx"
            )
        found: dict[int, list[dict]] = {}
        for row in self.rows(sql, (list(article_ids), k)):
            found.setdefault(row[0], []).append({"idx": row[1], "text": row[2], "score": row[3]})
        return found

    # -- reads: entities -----------------------------------------------------------------------

    def entities_by_alias(self, alias: str, *, team: str | None = None) -> list[dict]:
        hide, hidden = _hidden(team, "e.id", entities=True)
        return self.query(
            "SELECT e.id, e.name, e.type, e.owner, e.role, e.org FROM aliases al"
            f" JOIN entities e ON e.id = al.entity_id WHERE al.alias = %s{hide} ORDER BY e.type, e.id",
            (alias.casefold(), *hidden),
        )

    def hidden_entities(self, team: str) -> set[int]:
        return {
            row[0] for row in self.rows(f"SELECT entity_id FROM {teams.sql(teams.HIDDEN_ENTITIES, PH)} h", (team, team))
        }

    def entity_generation(self) -> int:
        return self.value("SELECT last_value + (CASE WHEN is_called THEN 1 ELSE 0 END) FROM names_generation")

    def iter_alias_keys(self) -> Iterator[tuple[str, int, str, str, str | None]]:
        yield from self.rows(
            "SELECT al.alias, e.id, e.name, e.type, e.owner FROM aliases al JOIN entities e ON e.id = al.entity_id"
        )

    def entities_by_id(self, ids: list[int], *, team: str | None = None) -> dict[int, tuple]:
        if not ids:
            return {}
        hide, hidden = _hidden(team, "id", entities=True)
        rows = self.rows(
            f"SELECT id, name, type, owner, role, org FROM entities WHERE id = ANY(%s){hide}", (list(ids), *hidden)
        )
        return {row[0]: row[1:] for row in rows}

    def known_entities(self, type: str, limit: int = 10, *, team: str | None = None) -> list[dict]:
        """The entities of ``type`` most articles mention, most first (``entities_known``);
        ``team``: counted in the articles it sees (as ``Store.known_entities``)."""
        unseen = teams.hidden_mentions(self.conn, team, type, PH) if team is not None else {}
        rows = self.query(
            "SELECT id, name, type, owner, role, org, articles FROM entities"
            " WHERE type = %s AND articles > 0 ORDER BY articles DESC, id LIMIT %s",
            (type, limit + len(unseen)),
        )
        if not unseen:
            return rows
        for row in rows:
            row["articles"] -= unseen.get(row["id"], (0, 0))[1]
        rows = [row for row in rows if row["articles"] > 0]
        return sorted(rows, key=lambda row: (-row["articles"], row["id"]))[:limit]

    def count_entities(self, type: str, *, cap: int = 1000, team: str | None = None) -> int:
        """How many entities of ``type`` some article mentions, up to ``cap``."""
        unseen = teams.hidden_mentions(self.conn, team, type, PH) if team is not None else {}
        gone = sum(1 for articles, hidden in unseen.values() if hidden >= articles)
        n = self.value(
            "SELECT count(*) FROM (SELECT FROM entities WHERE type = %s AND articles > 0 LIMIT %s) known",
            (type, cap + gone),
        )
        return min(cap, n - gone)

    def products_of(self, company: str, *, team: str | None = None) -> list[dict]:
        hide, hidden = _hidden(team, "id", entities=True)
        return self.query(
            f"SELECT id, name FROM entities WHERE type = 'product' AND lower(owner) = lower(%s){hide}",
            (company, *hidden),
        )

    def people(self, *, org: str | None = None, team: str | None = None) -> list[dict]:
        hide, hidden = _hidden(team, "id", entities=True)
        if org is None:
            return self.query(f"SELECT id, name, role, org FROM entities WHERE type = 'person'{hide}", hidden)
        return self.query(
            f"SELECT id, name, role, org FROM entities WHERE type = 'person' AND lower(org) = lower(%s){hide}",
            (org, *hidden),
        )

    # -- reads: quotes -------------------------------------------------------------------------

    _QUOTE_COLUMNS = _QUOTE_COLUMNS

    def _about(self, about: str) -> tuple[str, list] | None:
        """``(ids, params)``: the quotes said about ``about``, in so many words or in an article
        about it (the latest :data:`WALK` of each, read whole rather than quote by quote);
        ``None`` when ``about`` holds no word."""
        topic = ts_query(about)
        if topic is None:
            return None
        latest = "SELECT id FROM {0} WHERE search @@ " + MATCHES + " ORDER BY id DESC LIMIT " + str(self.WALK)
        return (
            f"(id IN ({latest.format('quotes')}) OR article_id IN ({latest.format('articles')}))",
            [topic, topic],
        )

    def quotes_by(
        self,
        speakers: Iterable[str] = (),
        orgs: Iterable[str] = (),
        limit: int = 10,
        *,
        within: Span | None = None,
        about: str | None = None,
        team: str | None = None,
    ) -> list[dict]:
        """Quotes whose speaker is one of ``speakers`` or whose organisation is one of ``orgs``,
        the latest first (by their article's date); ``within``: dated within that span;
        ``about``: whose words, or whose article's, match every word of ``about``. Each name
        reads its latest from its (name, dated, id) index, backwards."""
        picks = [("speaker", name) for name in speakers] + [(col, org) for org in orgs for col in ("org", "speaker")]
        if not picks:
            return []
        where, span = _within(within, "dated")
        about_params: list = []
        if about:
            said = self._about(about)
            if said is None:
                return []
            where += f" AND {said[0]}"
            about_params = said[1]
        hide, hidden = _hidden(team, "article_id")
        where, about_params = where + hide, [*about_params, *hidden]
        union = " UNION ".join(
            f"(SELECT {self._QUOTE_COLUMNS} FROM quotes WHERE lower({col}) = lower(%s) {where}"
            " ORDER BY dated DESC, id DESC LIMIT %s)"
            for col, _name in picks
        )
        params = [x for _col, name in picks for x in (name, *span, *about_params, limit)]
        return self.query(f"SELECT * FROM ({union}) picked ORDER BY dated DESC, id DESC LIMIT %s", [*params, limit])

    def count_quotes_by(
        self,
        speakers: Iterable[str] = (),
        orgs: Iterable[str] = (),
        *,
        within: Span | None = None,
        cap: int = 100,
        team: str | None = None,
    ) -> int:
        """How many quotes :meth:`quotes_by` has for these names (without ``about``), up to ``cap``."""
        picks = [("speaker", name) for name in speakers] + [(col, org) for org in orgs for col in ("org", "speaker")]
        if not picks:
            return 0
        where, span = _within(within, "dated")
        hide, hidden = _hidden(team, "article_id")
        where, span = where + hide, [*span, *hidden]
        union = " UNION ".join(
            f"(SELECT id FROM quotes WHERE lower({col}) = lower(%s) {where} LIMIT %s)" for col, _name in picks
        )
        params = [x for _col, name in picks for x in (name, *span, cap)]
        return self.value(f"SELECT count(*) FROM (SELECT id FROM ({union}) u LIMIT %s) c", [*params, cap])

    def latest_quotes(self, limit: int = 10, *, within: Span | None = None, team: str | None = None) -> list[dict]:
        """The latest quotes (by their article's date), within a span (``quotes_latest``)."""
        where, span = _within(within, "q.dated")
        hide, hidden = _hidden(team, "q.article_id")
        where, span = where + hide, [*span, *hidden]
        return self.query(
            f"SELECT {_QUOTES.columns} FROM quotes q WHERE TRUE {where} ORDER BY q.dated DESC, q.id DESC LIMIT %s",
            [*span, limit],
        )

    def search_quotes(
        self, text: str, limit: int = 10, *, within: Span | None = None, team: str | None = None
    ) -> list[dict]:
        """The latest quotes whose words, speaker, role or organisation match every word of ``text``."""
        return self.find_quotes(text, limit, within=within, team=team).rows

    def find_quotes(
        self,
        text: str | None = None,
        limit: int = 10,
        *,
        roles: Iterable[str] = (),
        about: str | None = None,
        within: Span | None = None,
        cap: int = 100,
        team: str | None = None,
    ) -> Found:
        """The latest quotes (by date, see :meth:`_latest_of`) whose words, speaker, role or
        organisation match every word of ``text``, said by someone whose role is one of
        ``roles`` (each a phrase in the role: ``quotes_by_role``), and about ``about`` (in the
        quote's words or its article's), and how many there are (up to ``cap``)."""
        parts, params = [], []
        if text:
            expr = ts_query(text)
            if expr is None:
                return Found([], 0)
            parts.append(f"search @@ {MATCHES}")
            params.append(expr)
        phrases = [terms(role, drop_stopwords=False) for role in roles]
        phrases = ["(" + " <-> ".join(f"'{word}'" for word in words) + ")" for words in phrases if words]
        if phrases:
            parts.append("to_tsvector('newsbot'::regconfig, newsbot_fold(coalesce(role, ''))) @@ " + MATCHES)
            params.append(" | ".join(phrases))
        if not about:
            if not parts:
                return Found([], 0)
            return self._latest_of(
                _QUOTES,
                f"SELECT id FROM quotes WHERE {' AND '.join(parts)} ORDER BY id DESC LIMIT {{n}}",
                params,
                limit=limit,
                within=within,
                cap=cap,
                team=team,
            )
        said = self._about(about)
        if said is None:
            return Found([], 0)
        sets, set_params = [said[0]], list(said[1])
        if parts:
            sets.append(f"id IN (SELECT id FROM quotes WHERE {' AND '.join(parts)} ORDER BY id DESC LIMIT {self.WALK})")
            set_params += params
        candidates = f"SELECT id FROM quotes WHERE {' AND '.join(sets)} ORDER BY id DESC LIMIT {{n}}"
        return self._latest_of(_QUOTES, candidates, set_params, limit=limit, within=within, cap=cap, team=team)

    def quotes_in_article(self, article_id: int, *, team: str | None = None) -> list[dict]:
        hide, hidden = _hidden(team, "article_id")
        return self.query(
            f"SELECT {self._QUOTE_COLUMNS} FROM quotes WHERE article_id = %s{hide} ORDER BY id", (article_id, *hidden)
        )

    # -- reads: relations ----------------------------------------------------------------------

    _RELATION_COLUMNS = (
        "r.id, r.type, r.a, r.b, r.evidence, ar.id AS article_id, ar.title, ar.url, ar.source, ar.published,"
        " ar.ingested_at"
    )

    def relations(
        self, company: str | None = None, *, type: str | None = None, limit: int = 50, team: str | None = None
    ) -> list[dict]:
        kind = "AND r.type = %s" if type is not None else ""
        kinds = [type] if type is not None else []
        hide, hidden = _hidden(team, "r.article_id")
        kind, kinds = kind + hide, [*kinds, *hidden]
        joined = f"SELECT {self._RELATION_COLUMNS} FROM relations r JOIN articles ar ON ar.id = r.article_id"
        if company is None:
            return self.query(f"{joined} WHERE TRUE {kind} ORDER BY r.id DESC LIMIT %s", [*kinds, limit])
        # each side walks its own (name, id) index newest first; then the two are merged
        return self.query(
            f"SELECT * FROM (({joined} WHERE r.id IN (SELECT id FROM relations WHERE lower(a) = lower(%s)"
            f" ORDER BY id DESC LIMIT %s) {kind})"
            f" UNION ({joined} WHERE r.id IN (SELECT id FROM relations WHERE lower(b) = lower(%s)"
            f" ORDER BY id DESC LIMIT %s) {kind})) found ORDER BY id DESC LIMIT %s",
            [company, limit, *kinds, company, limit, *kinds, limit],
        )

    def relation_pairs(
        self,
        company: str,
        *,
        limit: int = 10,
        other: str | None = None,
        evidence: int = 3,
        kinds: Iterable[str] = ("competes", "partners"),
        team: str | None = None,
    ) -> list[dict]:
        """As ``Store.relation_pairs``: one row per pair, kept at write time (migration 1)."""
        if team is not None and teams.hidden_count(self.conn, team, PH):
            pairs = self._team_pairs(company, team, limit=limit, other=other, evidence=evidence, kinds=kinds)
            return [{key: p[key] for key in ("type", "company", "other", "n", "evidence")} for p in pairs]
        pick = "AND lower(other) = lower(%s)" if other is not None else ""
        column = "lead" if evidence == 1 else "evidence"
        kinds = list(kinds)
        if not kinds:
            return []
        sql = " UNION ALL ".join(
            f"(SELECT type, company, other, n, {column} FROM relation_pairs"
            f" WHERE lower(company) = lower(%s) AND type = %s {pick} ORDER BY n DESC, last_id DESC LIMIT %s)"
            for _kind in kinds
        )
        params = [x for kind in kinds for x in (company, kind, *([other] if other is not None else []), limit)]
        found = []
        for kind, name, other_name, n, kept in self.rows(sql, params):
            if isinstance(kept, str):  # jsonb comes decoded; text would not
                kept = json.loads(kept)
            items = ([kept] if kept else []) if column == "lead" else _reading_order(kept or [])[:evidence]
            found.append({"type": kind, "company": name, "other": other_name, "n": n, "evidence": items})
        return found

    def _team_pairs(
        self, company: str, team: str, *, limit: int, other: str | None, evidence: int, kinds: Iterable[str]
    ) -> list[dict]:
        """As ``Store._team_pairs``: the pairs as kept, those that relations ``team`` may not see
        attest counted again from the relations it sees."""
        kinds = list(kinds)
        hide, hidden = _hidden(team, "r.article_id")
        unseen = self.query(
            f"SELECT r.id, r.type, r.a, r.b FROM relations r WHERE r.article_id IN"
            f" {teams.sql(teams.HIDDEN_ARTICLES, PH)} AND (lower(r.a) = lower(%s) OR lower(r.b) = lower(%s))",
            (team, team, company, company),
        )
        skip = teams.affected(unseen, company)
        if other is not None:
            skip = {key: n for key, n in skip.items() if key[1] == other.casefold()}
        pick = "AND lower(other) = lower(%s)" if other is not None else ""
        kept = []
        for kind in kinds:
            more = sum(1 for key in skip if key[0] == kind)
            for row in self.query(
                "SELECT type, company, other, n, last_id, evidence FROM relation_pairs"
                f" WHERE lower(company) = lower(%s) AND type = %s {pick} ORDER BY n DESC, last_id DESC LIMIT %s",
                [company, kind, *([other] if other is not None else []), limit + more],
            ):
                kept_evidence = row["evidence"]
                if isinstance(kept_evidence, str):
                    kept_evidence = json.loads(kept_evidence)
                kept.append({**row, "evidence": kept_evidence or []})
        # a pair that is not among the kept cannot rise among them by losing relations: only the
        # kept ones are counted again, by their latest relations the workspace sees (an index walk)
        recounted = []
        for row in kept:
            key = (row["type"], row["other"].casefold())
            if key not in skip:
                continue
            base = row["type"].lstrip("~")
            rows = self.query(
                "SELECT r.id, r.type, r.a, r.b, r.evidence, r.article_id, ar.title, ar.url, ar.published"
                " FROM relations r JOIN articles ar ON ar.id = r.article_id WHERE r.id IN ("
                "(SELECT r.id FROM relations r WHERE lower(r.a) = lower(%s) AND lower(r.b) = lower(%s)"
                f" AND r.type = %s{hide} ORDER BY r.id DESC LIMIT 3) UNION (SELECT r.id FROM relations r"
                f" WHERE lower(r.a) = lower(%s) AND lower(r.b) = lower(%s) AND r.type = %s{hide}"
                " ORDER BY r.id DESC LIMIT 3))",
                (row["company"], row["other"], base, *hidden, row["other"], row["company"], base, *hidden),
            )
            again = teams.recount(row, rows, company, skip[key])
            if again is not None:
                recounted.append(again)
        return teams.corrected(kept, recounted, skip, kinds, limit, evidence)

    def relations_within(
        self, company: str, within: Span, *, other: str | None = None, team: str | None = None
    ) -> list[dict]:
        """The relations naming ``company`` (either side; with ``other``, that pair) stated in
        articles dated within ``within``, the latest first, among its latest :data:`WALK`
        relations each side (walked by its (name, id) indexes)."""
        where, span = _within(within, "coalesce(ar.published, ar.ingested_at)")
        hide, hidden = _hidden(team, "r.article_id")
        where, span = where + hide, [*span, *hidden]
        pick = "AND (lower(r.a) = lower(%s) OR lower(r.b) = lower(%s))" if other is not None else ""
        picks = [other, other] if other is not None else []
        side = (
            f"(SELECT {self._RELATION_COLUMNS} FROM relations r JOIN articles ar ON ar.id = r.article_id"
            " WHERE r.id IN (SELECT id FROM relations WHERE lower({col}) = lower(%s) ORDER BY id DESC LIMIT %s)"
            f" {pick} {where})"
        )
        return self.query(
            f"SELECT * FROM ({side.format(col='a')} UNION {side.format(col='b')}) found"
            " ORDER BY coalesce(published, ingested_at) DESC, id DESC",
            [company, self.WALK, *picks, *span, company, self.WALK, *picks, *span],
        )

    def count_pairs(
        self,
        company: str,
        *,
        cap: int = 100,
        kinds: Iterable[str] = ("competes", "partners"),
        team: str | None = None,
    ) -> tuple[int, ...]:
        """How many companies ``company`` stands in each of ``kinds`` with (``~acquires``: how
        many bought it), each counted up to ``cap``, in the order of ``kinds`` (ranges of
        ``relation_pairs_best``, in one statement)."""
        kinds = list(kinds)
        if not kinds:
            return ()
        if team is not None and teams.hidden_count(self.conn, team, PH):
            pairs = self._team_pairs(company, team, limit=cap, other=None, evidence=0, kinds=kinds)
            return tuple(sum(1 for p in pairs if p["type"] == kind) for kind in kinds)
        part = (
            "(SELECT count(*) FROM (SELECT FROM relation_pairs WHERE lower(company) = lower(%s) AND type = %s"
            " LIMIT %s) p)"
        )
        row = self.rows("SELECT " + ", ".join(part for _kind in kinds), [x for k in kinds for x in (company, k, cap)])
        return tuple(row[0])

    def relations_in_article(self, article_id: int, *, team: str | None = None) -> list[dict]:
        hide, hidden = _hidden(team, "r.article_id")
        return self.query(
            f"SELECT {self._RELATION_COLUMNS} FROM relations r JOIN articles ar ON ar.id = r.article_id"
            f" WHERE r.article_id = %s{hide} ORDER BY r.id",
            (article_id, *hidden),
        )
