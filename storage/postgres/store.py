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
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.rows import dict_row, tuple_row

from bot.extract.kinds import KINDS
from storage.clock import utcnow
from storage.files import StoreDamaged, StoreError, StoreReadOnly
from storage.locations import shown
from storage.postgres.digests import Digests
from storage.postgres.errors import describe_failure
from storage.postgres.feeds import Feeds
from storage.postgres.follows import Follows
from storage.postgres.graph import Graph
from storage.postgres.locks import ARTICLE_WRITES, MIGRATING
from storage.postgres.notes import Notes
from storage.postgres.search import MATCHES, ts_query
from storage.schema import migrations
from storage.store import SaveResult, _reading_order, _sides

if TYPE_CHECKING:
    from bot.extract.model import Extraction

MIGRATIONS = migrations("postgres/migrations")
SCHEMA_VERSION = len(MIGRATIONS)

CONNECT_SECONDS = 10


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
        self.digests = Digests(self)
        self.feeds = Feeds(self)
        self.follows = Follows(self)
        self.graph = Graph(self)
        self.notes = Notes(self)
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
    ) -> SaveResult:
        """Store one article and its facts in one transaction (see ``Store.save_article``)."""
        with self.transaction() as conn:
            return self._save(conn, ex, source=source, content_hash=content_hash, url=url, published=published)

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
    ) -> SaveResult:
        # one article write at a time, from here to the commit: the same content saved by two
        # replicas at once is found the second time, and arrivals keep the order of commits. (The
        # look-ups are a statement of their own: a statement sees what was committed when it
        # began, and this one begins once the lock is ours.)
        conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", ARTICLE_WRITES)
        found = conn.execute(
            "SELECT (SELECT id FROM articles WHERE content_hash = %s) AS same,"
            " (SELECT id FROM articles WHERE source = %s) AS old",
            (content_hash, source),
        ).fetchone()
        if found["same"] is not None:
            return SaveResult(found["same"], "unchanged")
        old = found["old"]
        if old is not None:
            conn.execute("DELETE FROM articles WHERE id = %s", (old,))
        article_id = conn.execute(
            "INSERT INTO articles (source, content_hash, title, body, url, published, ingested_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id",
            (source, content_hash, ex.title, ex.body, url, published, utcnow()),
        ).fetchone()["id"]
        sentence_ids = self._insert_sentences(conn, article_id, ex)
        entity_ids = self._upsert_entities(conn, ex)
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
            # each quote carries its sentence and its article's citation
            conn.execute(
                "INSERT INTO quotes (article_id, title, url, published, sentence_id, sentence, text, speaker, role,"
                " org) SELECT %s, %s, %s, %s, * FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[],"
                " %s::text[], %s::text[])",
                (
                    article_id,
                    ex.title,
                    url,
                    published,
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

    def delete_article(self, article_id: int) -> bool:
        with self.transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", ARTICLE_WRITES)
            return conn.execute("DELETE FROM articles WHERE id = %s", (article_id,)).rowcount > 0

    def optimize_search(self) -> None:
        """After a bulk load: the full-text indexes' pending entries merged and the planner's
        statistics brought up to date (``VACUUM ANALYZE``)."""
        self.require_writable()
        for table in ("articles", "quotes", "sentences", "mentions", "relations", "relation_pairs", "entities"):
            self.conn.execute(f"VACUUM ANALYZE {table}")

    # -- reads: articles -----------------------------------------------------------------------

    _ARTICLE_COLUMNS = "a.id, a.source, a.title, a.url, a.published, a.ingested_at"

    def article_count(self) -> int:
        return self.value("SELECT n FROM counters WHERE name = 'articles'")

    def stats(self) -> dict[str, int]:
        tables = ("articles", "sentences", "entities", "quotes", "relations")
        return {t: self.value(f"SELECT count(*) FROM {t}") for t in tables}

    def get_article(self, article_id: int) -> dict | None:
        rows = self.query(f"SELECT {self._ARTICLE_COLUMNS}, a.body FROM articles a WHERE a.id = %s", (article_id,))
        return rows[0] if rows else None

    def latest_articles(self, limit: int = 5, *, since: str | None = None) -> list[dict]:
        where, params = ("WHERE a.ingested_at > %s", [since]) if since else ("", [])
        return self.query(
            f"SELECT {self._ARTICLE_COLUMNS} FROM articles a {where}"
            " ORDER BY coalesce(a.published, a.ingested_at) DESC, a.id DESC LIMIT %s",
            [*params, limit],
        )

    def search_articles(self, text: str, limit: int = 5) -> list[dict]:
        """The latest articles matching every word of ``text``; else those matching any word.
        Newest first (by id, as the SQLite store), not ranked."""
        for any_term in (False, True):
            expr = ts_query(text, any_term=any_term)
            if expr is None:
                return []
            rows = self.query(
                f"SELECT {self._ARTICLE_COLUMNS} FROM articles a WHERE a.search @@ {MATCHES}"
                " ORDER BY a.id DESC LIMIT %s",
                (expr, limit),
            )
            if rows:
                return rows
        return []

    def count_search_articles(self, text: str, *, cap: int = 1000) -> int:
        expr = ts_query(text)
        if expr is None:
            return 0
        # no column selected: the index's matches are counted on the pages known all-visible
        # without reading them (a bitmap scan's skip-fetch); a column would read every one
        return self.value(
            f"SELECT count(*) FROM (SELECT FROM articles WHERE search @@ {MATCHES} LIMIT %s) found", (expr, cap)
        )

    def articles_mentioning(self, entity_ids: list[int], limit: int = 5) -> list[dict]:
        """The latest stored articles that mention any of ``entity_ids``, newest first: each
        entity walks its (entity, article) key from the newest article back."""
        if not entity_ids:
            return []
        union = " UNION ".join(
            "(SELECT DISTINCT article_id FROM mentions WHERE entity_id = %s ORDER BY article_id DESC LIMIT %s)"
            for _ in entity_ids
        )
        return self.query(
            f"SELECT {self._ARTICLE_COLUMNS} FROM articles a WHERE a.id IN ({union})"
            " ORDER BY coalesce(a.published, a.ingested_at) DESC, a.id DESC LIMIT %s",
            [*(x for entity_id in entity_ids for x in (entity_id, limit)), limit],
        )

    TOP_RANKED = 3

    def top_sentences(self, article_id: int, k: int = 3) -> list[dict]:
        return self.top_sentences_of([article_id], k).get(article_id, [])

    def top_sentences_of(self, article_ids: list[int], k: int = 3) -> dict[int, list[dict]]:
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

    def entities_by_alias(self, alias: str) -> list[dict]:
        return self.query(
            "SELECT e.id, e.name, e.type, e.owner, e.role, e.org FROM aliases al"
            " JOIN entities e ON e.id = al.entity_id WHERE al.alias = %s ORDER BY e.type, e.id",
            (alias.casefold(),),
        )

    def entity_generation(self) -> int:
        return self.value("SELECT last_value + (CASE WHEN is_called THEN 1 ELSE 0 END) FROM names_generation")

    def iter_alias_keys(self) -> Iterator[tuple[str, int, str, str, str | None]]:
        yield from self.rows(
            "SELECT al.alias, e.id, e.name, e.type, e.owner FROM aliases al JOIN entities e ON e.id = al.entity_id"
        )

    def entities_by_id(self, ids: list[int]) -> dict[int, tuple]:
        if not ids:
            return {}
        rows = self.rows("SELECT id, name, type, owner, role, org FROM entities WHERE id = ANY(%s)", (list(ids),))
        return {row[0]: row[1:] for row in rows}

    def products_of(self, company: str) -> list[dict]:
        return self.query(
            "SELECT id, name FROM entities WHERE type = 'product' AND lower(owner) = lower(%s)", (company,)
        )

    def people(self, *, org: str | None = None) -> list[dict]:
        if org is None:
            return self.query("SELECT id, name, role, org FROM entities WHERE type = 'person'")
        return self.query(
            "SELECT id, name, role, org FROM entities WHERE type = 'person' AND lower(org) = lower(%s)", (org,)
        )

    # -- reads: quotes -------------------------------------------------------------------------

    _QUOTE_COLUMNS = "id, text, sentence, speaker, role, org, article_id, title, url, published"

    def quotes_by(self, speakers: Iterable[str] = (), orgs: Iterable[str] = (), limit: int = 10) -> list[dict]:
        picks = [("speaker", name) for name in speakers] + [(col, org) for org in orgs for col in ("org", "speaker")]
        if not picks:
            return []
        union = " UNION ".join(
            f"(SELECT {self._QUOTE_COLUMNS} FROM quotes WHERE lower({col}) = lower(%s) ORDER BY id DESC LIMIT %s)"
            for col, _name in picks
        )
        params = [x for _col, name in picks for x in (name, limit)]
        return self.query(f"SELECT * FROM ({union}) picked ORDER BY id DESC LIMIT %s", [*params, limit])

    def latest_quotes(self, limit: int = 10) -> list[dict]:
        return self.query(f"SELECT {self._QUOTE_COLUMNS} FROM quotes ORDER BY id DESC LIMIT %s", (limit,))

    def search_quotes(self, text: str, limit: int = 10) -> list[dict]:
        expr = ts_query(text)
        if expr is None:
            return []
        return self.query(
            f"SELECT {self._QUOTE_COLUMNS} FROM quotes WHERE search @@ {MATCHES} ORDER BY id DESC LIMIT %s",
            (expr, limit),
        )

    def quotes_in_article(self, article_id: int) -> list[dict]:
        return self.query(f"SELECT {self._QUOTE_COLUMNS} FROM quotes WHERE article_id = %s ORDER BY id", (article_id,))

    # -- reads: relations ----------------------------------------------------------------------

    _RELATION_COLUMNS = (
        "r.id, r.type, r.a, r.b, r.evidence, ar.id AS article_id, ar.title, ar.url, ar.source, ar.published,"
        " ar.ingested_at"
    )

    def relations(self, company: str | None = None, *, type: str | None = None, limit: int = 50) -> list[dict]:
        kind = "AND r.type = %s" if type is not None else ""
        kinds = [type] if type is not None else []
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
    ) -> list[dict]:
        """As ``Store.relation_pairs``: one row per pair, kept at write time (migration 1)."""
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

    def relations_in_article(self, article_id: int) -> list[dict]:
        return self.query(
            f"SELECT {self._RELATION_COLUMNS} FROM relations r JOIN articles ar ON ar.id = r.article_id"
            " WHERE r.article_id = %s ORDER BY r.id",
            (article_id,),
        )
