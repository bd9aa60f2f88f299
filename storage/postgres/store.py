"""The PostgreSQL store of parsed articles: connecting, migrating and writing; its reads are
``storage.queries``' (the SQLite store's, in PostgreSQL's dialect, with its full-text search).

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

import threading
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

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
from storage.graph import Graph
from storage.installations import Installations
from storage.locations import shown
from storage.notes import Notes
from storage.postgres import search
from storage.postgres.errors import describe_failure
from storage.postgres.locks import ARTICLE_WRITES, MIGRATING
from storage.queries import Queries
from storage.schema import migrations
from storage.store import SaveResult, _sides

if TYPE_CHECKING:
    from bot.extract.model import Extraction

PH = "%s"


MIGRATIONS = migrations("postgres/migrations")
SCHEMA_VERSION = len(MIGRATIONS)

CONNECT_SECONDS = 10


class PostgresStore(Queries):
    """One PostgreSQL database of articles and the facts extracted from them.

    ``read_only`` refuses every write (and the server refuses them too: the connections are
    read-only); ``migrate=False`` leaves the schema as it is.
    """

    shared = True  # replicas on other machines may serve the same app from this store
    dialect = POSTGRES  # the reads (``storage.queries``), in PostgreSQL's words
    fts = search  # and PostgreSQL's full-text search

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
        self.graph = Graph(self, POSTGRES)
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
    def reading(self) -> Iterator[None]:
        """As it is: each statement reads the server's latest state (autocommit)."""
        yield

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """As it is: the server checkpoints on its own schedule."""
        yield

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
        """Store many articles in one transaction, each exactly as ``save_article`` would.

        The transaction plans each statement for its values (``plan_cache_mode``): the checks of
        the foreign keys to ``articles`` (one a sentence, mention, quote...) are planned once a
        session, and a session that began on a small store kept the plan that reads the whole
        table, for every row, however large it grew during a bulk load (bench/README.md,
        "Ingestion on PostgreSQL")."""
        with self.transaction() as conn:
            conn.execute("SET LOCAL plan_cache_mode = force_custom_plan")
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
