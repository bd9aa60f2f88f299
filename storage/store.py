"""The SQLite store of parsed articles: its database (``storage.database``: opening, connections,
transactions, migrations), its writes (here), its reads (``storage.queries``) and its parts
(digests, feeds, follows, the graph the map reads). All SQL in the project lives in this
package.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bot.extract.kinds import BY_NAME
from storage import teams
from storage.clock import utcnow
from storage.database import SCHEMA_VERSION, Database
from storage.digests import Digests
from storage.feeds import Feeds
from storage.follows import Follows
from storage.graph import Graph
from storage.installations import Installations
from storage.notes import Notes
from storage.queries import Found, Queries, Span

if TYPE_CHECKING:
    from bot.extract.model import Extraction

__all__ = ["SCHEMA_VERSION", "Found", "SaveResult", "Span", "Store"]


@dataclass(frozen=True)
class SaveResult:
    article_id: int
    status: str  # "added", "replaced" (same source, new content) or "unchanged"
    dated: bool = False  # an unchanged article was given the publication date it lacked (or another)


def _sides(kind: str, a: str, b: str) -> tuple[str, str]:
    """A relation's two sides as stored: in the order they act for a directed kind (a bought
    b), else in name order, so that a pair reads the same whichever way an article put it."""
    known = BY_NAME.get(kind)
    return (a, b) if known is not None and known.directed else tuple(sorted((a, b), key=str.lower))


_ARTICLES = "INSERT INTO articles (source, content_hash, title, body, url, published, ingested_at)"
_QUOTES = (
    "INSERT INTO quotes (article_id, sentence_id, sentence, text, speaker, role, org, title, url, published, dated)"
)


@dataclass
class _Seen:
    """What one storing transaction has read and written of the names so far."""

    entities: dict[tuple[str, str], tuple] = field(default_factory=dict)  # (name, type): (id, owner, role, org)
    aliases: set[tuple[str, int]] = field(default_factory=set)  # (alias, entity id) stored
    common: set[int] = field(default_factory=set)  # entity ids made everyone's


def _insert_rows(conn: sqlite3.Connection, insert: str, rows: list[tuple], returning: str = "") -> list:
    """``rows`` inserted by ``insert`` (``INSERT INTO t (columns)``) in as few statements as
    SQLite's limit on parameters allows, in order; what ``returning`` gives back, of every row."""
    if not rows:
        return []
    width = len(rows[0])
    marks = "(" + ", ".join("?" * width) + ")"
    most = max(1, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width)
    back: list = []
    for start in range(0, len(rows), most):
        chunk = rows[start : start + most]
        sql = f"{insert} VALUES {', '.join([marks] * len(chunk))}{returning}"
        cursor = conn.execute(sql, [value for row in chunk for value in row])
        if returning:
            back += cursor.fetchall()
    return back


class Store(Queries, Database):
    """One SQLite database of articles and the facts extracted from them (see
    :class:`storage.database.Database` for ``read_only`` and ``migrate``)."""

    shared = False  # one machine's processes: what a request leaves for the next can stay in memory

    def __init__(self, path: str | Path, *, read_only: bool = False, migrate: bool = True):
        self.digests = Digests(self)
        self.feeds = Feeds(self)
        self.follows = Follows(self)
        self.graph = Graph(self)
        self.installations = Installations(self)
        self.notes = Notes(self)
        super().__init__(path, read_only=read_only, migrate=migrate)

    # -- writes ------------------------------------------------------------------------------

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
        """Store one article and its facts in one transaction.

        The same content (by hash) is stored once, whatever its source; a source whose content
        changed has its old version, and every fact drawn from it, replaced. ``team``: a
        workspace's article, which only the workspaces that stored it see (``storage.teams``).
        """
        with self._storing() as conn:
            return self._save(
                conn, ex, source=source, content_hash=content_hash, url=url, published=published, team=team
            )

    def save_articles(self, items: Iterable[tuple[Extraction, dict]]) -> list[SaveResult]:
        """Store many articles in one transaction, in order, each as ``save_article`` would (the
        same rows, ids and triggers; the new articles' rows in fewer statements: ``_save_all``):
        ``items`` are ``(extraction, keywords of save_article)``.

        For bulk loads: a commit per article costs more than the article's own writes (every
        page it touched goes to the write-ahead log again). All or none are stored.
        """
        with self._storing() as conn:
            return self._save_all(conn, list(items))

    def _save_all(self, conn: sqlite3.Connection, items: list[tuple[Extraction, dict]]) -> list[SaveResult]:
        """``items`` stored in order: each run of new articles (a content and a source the store
        has not got, for everyone) as :meth:`_save_new` stores them, each of the others alone by
        :meth:`_save`. The rows are those that storing them one by one makes."""
        results: list[SaveResult | None] = [None] * len(items)
        run: list[int] = []  # new articles in waiting
        hashes: dict[str, int] = {}  # their contents: the place of the article of each
        sources: set[str] = set()
        again: list[tuple[int, int]] = []  # (place, its content's place in the run): unchanged

        def store_run() -> None:
            for place, result in zip(run, self._save_new(conn, [items[i] for i in run]), strict=True):
                results[place] = result
            for place, first in again:
                results[place] = SaveResult(results[first].article_id, "unchanged")  # type: ignore[union-attr]
            run.clear(), hashes.clear(), sources.clear(), again.clear()

        for place, (ex, keywords) in enumerate(items):
            content_hash, source, published = keywords["content_hash"], keywords["source"], keywords.get("published")
            first = hashes.get(content_hash)
            if (
                first is not None
                and keywords.get("team") is None
                and published in (None, "", items[first][1].get("published"))
            ):
                again.append((place, first))  # as _save finds it: stored, everyone's, nothing to date
                continue
            if (
                keywords.get("team") is None
                and first is None
                and source not in sources
                and conn.execute(
                    "SELECT 1 FROM articles WHERE content_hash = ? OR source = ?", (content_hash, source)
                ).fetchone()
                is None
            ):
                run.append(place)
                hashes[content_hash] = place
                sources.add(source)
                continue
            store_run()
            results[place] = self._save(conn, ex, **keywords)
        store_run()
        return results  # type: ignore[return-value]

    def _save_new(self, conn: sqlite3.Connection, items: list[tuple[Extraction, dict]]) -> list[SaveResult]:
        """New articles, everyone's, stored as :meth:`_save` would store each in turn, with the
        same ids, but all their rows in one statement, and their quotes (as their other facts)
        in one more: FTS5 writes what a statement indexed to a segment of its own before the
        next statement (3.40), and a segment an article and a segment a quote, merged again as
        they piled up, were half of what storing cost (bench/README.md, issue 21)."""
        if not items:
            return []
        rows = [
            (kw["source"], kw["content_hash"], ex.title, ex.body, kw.get("url"), kw.get("published"), utcnow())
            for ex, kw in items
        ]
        ids = dict(
            _insert_rows(
                conn,
                _ARTICLES,
                rows,
                " RETURNING content_hash, id",
            )
        )
        self._facts(
            conn, [(ex, ids[row[1]], row[4], row[5], row[6]) for (ex, _kw), row in zip(items, rows, strict=True)]
        )
        return [SaveResult(ids[kw["content_hash"]], "added") for _ex, kw in items]

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
        team: str | None = None,
    ) -> SaveResult:
        same = conn.execute("SELECT id, published FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        if same is not None and team is not None:
            # stored already: another workspace's is this one's too; never re-dated for a workspace
            # (the others would read the date it gave)
            return SaveResult(same["id"], "added" if teams.share_with(conn, ex, same["id"], team) else "unchanged")
        if same is not None:
            if teams.make_common(conn, ex, same["id"]):
                self._upsert_entities(conn, ex)
            if published and published != same["published"]:
                self._date(conn, same["id"], published)
                return SaveResult(same["id"], "unchanged", dated=True)
            return SaveResult(same["id"], "unchanged")
        old = conn.execute("SELECT id FROM articles WHERE source = ?", (source,)).fetchone()
        if old is not None and team is not None and teams.holders(conn, old["id"]) != {team}:
            # the source's article is not this workspace's alone: its version is kept apart
            source, old = f"{source}#workspace={team}", None
            old = conn.execute("SELECT id FROM articles WHERE source = ?", (source,)).fetchone()
        if old is not None:
            conn.execute("DELETE FROM articles WHERE id = ?", (old["id"],))
        now = utcnow()
        article_id = conn.execute(
            f"{_ARTICLES} VALUES (?, ?, ?, ?, ?, ?, ?)",
            (source, content_hash, ex.title, ex.body, url, published, now),
        ).lastrowid
        self._facts(conn, [(ex, article_id, url, published, now)], team)
        return SaveResult(article_id, "replaced" if old is not None else "added")

    def _facts(
        self,
        conn: sqlite3.Connection,
        stored: list[tuple[Extraction, int, str | None, str | None, str]],
        team: str | None = None,
    ) -> None:
        """The facts of articles just stored, each ``(extraction, its id, url, published, the
        moment it was stored)``: their sentences, names, mentions, relations and quotes, each
        table's rows in the articles' order (so each row gets the id it got one article at a
        time) and in as few statements as SQLite takes: 1,900 articles' mentions took half the
        CPU in three statements that they took in 1,900 (bench/README.md, issue 21)."""
        if team is not None:
            for _ex, article_id, *_citation in stored:
                teams.own(conn, article_id, team)
        sentence_ids = self._insert_sentences(conn, [(ex, article_id) for ex, article_id, *_citation in stored])
        mentions: list[tuple] = []
        relations: list[tuple] = []
        quotes: list[tuple] = []
        seen = _Seen()
        for ex, article_id, url, published, now in stored:
            if team is None:
                entity_ids = self._upsert_entities(conn, ex, seen)
                # a name made everyone's earlier in the transaction stays everyone's
                teams.names_common(conn, set(entity_ids.values()) - seen.common)
                seen.common.update(entity_ids.values())
            else:
                entity_ids = teams.team_entities(conn, ex, team)
            sentences = sentence_ids[article_id]
            mentions += [
                (article_id, sentences[m.sentence], entity_ids[m.name])
                for m in ex.mentions
                if m.sentence in sentences and m.name in entity_ids
            ]
            relations += [
                (article_id, sentences.get(r.sentence), r.type, *_sides(r.type, r.a, r.b), r.evidence)
                for r in ex.relations
            ]
            said_in = {s.index: s.text for s in ex.sentences}
            # each quote carries its sentence and its article's citation and date (migrations 10, 11, 15)
            quotes += [
                (
                    article_id,
                    sentences.get(q.sentence),
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
            ]
        _insert_rows(conn, "INSERT OR IGNORE INTO mentions (article_id, sentence_id, entity_id)", mentions)
        _insert_rows(conn, "INSERT INTO relations (article_id, sentence_id, type, a, b, evidence)", relations)
        _insert_rows(conn, _QUOTES, quotes)

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
    def _insert_sentences(
        conn: sqlite3.Connection, articles: list[tuple[Extraction, int]]
    ) -> dict[int, dict[int, int]]:
        """The sentences of ``articles`` (``(extraction, id)``), each with its rank by summary
        score within its article (1 is the best); ``{article id: {index: sentence id}}``."""
        rows = []
        for ex, article_id in articles:
            order = sorted(ex.sentences, key=lambda s: (-s.score, s.index))
            rank = {id(s): place for place, s in enumerate(order, start=1)}
            rows += [(article_id, s.index, s.paragraph, s.text, s.score, rank[id(s)]) for s in ex.sentences]
        ids: dict[int, dict[int, int]] = {article_id: {} for _ex, article_id in articles}
        for article_id, index, sentence_id in _insert_rows(
            conn,
            "INSERT INTO sentences (article_id, idx, paragraph, text, score, rank)",
            rows,
            " RETURNING article_id, idx, id",
        ):
            ids[article_id][index] = sentence_id
        return ids

    @staticmethod
    def _upsert_entities(conn: sqlite3.Connection, ex: Extraction, seen: _Seen | None = None) -> dict[str, int]:
        """Entities are shared across articles: known ones keep their id and gain what is new
        (one already known as it is, as most are, is read, not written again). ``seen``: what
        this transaction has read and written of them already (articles stored together name
        the same companies and people), so that each is read once, not once an article."""
        ids: dict[str, int] = {}
        aliases: list[tuple[str, int]] = []
        for e in ex.entities:
            key = (e.name, e.type)
            row = seen.entities.get(key) if seen is not None else None
            if row is None:
                row = conn.execute(
                    "SELECT id, owner, role, org FROM entities WHERE name = ? AND type = ?", key
                ).fetchone()
            if row is None or any(
                new is not None and new != old for new, old in zip((e.owner, e.role, e.org), row[1:], strict=True)
            ):
                new_id = conn.execute(
                    "INSERT INTO entities (name, type, owner, role, org) VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT(name, type) DO UPDATE SET owner = coalesce(excluded.owner, owner),"
                    " role = coalesce(excluded.role, role), org = coalesce(excluded.org, org)"
                    " RETURNING id",
                    (e.name, e.type, e.owner, e.role, e.org),
                ).fetchone()[0]
                # the row as the statement left it
                old = row[1:] if row is not None else (None, None, None)
                row = (new_id, *(o if n is None else n for n, o in zip((e.owner, e.role, e.org), old, strict=True)))
            if seen is not None:
                seen.entities[key] = tuple(row)
            ids.setdefault(e.name, row[0])
            aliases += [(alias.casefold(), row[0]) for alias in {e.name, *e.aliases} if alias.strip()]
        if seen is not None:  # stored already in this transaction: inserting it again would be ignored
            aliases = [pair for pair in aliases if pair not in seen.aliases]
            seen.aliases.update(aliases)
        conn.executemany("INSERT OR IGNORE INTO aliases (alias, entity_id) VALUES (?, ?)", aliases)
        return ids

    def feed_teams(self, feed_id: int) -> list[str]:
        return teams.feed_teams(self.conn, feed_id)

    def holders_of(self, article_ids: list[int]) -> dict[int, set[str]]:
        return teams.holders_of(self.conn, list(article_ids))

    def hidden_new(self, team: str, since: str, until: str) -> int:
        return teams.hidden_new(self.conn, team, since, until)

    def forget_team_articles(self, conn: sqlite3.Connection, team: str) -> int:
        """In ``remove_team``'s transaction: the workspace's articles and names that no other
        holds go (with their facts); those others hold stay theirs. How many articles went."""
        articles, entities = teams.forget(conn, team)
        for article_id in articles:
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        for entity_id in entities:
            conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
        return len(articles)

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
        up and merged on every query. In one, a search for a common word reads one doclist (what
        it saves: bench/README.md). It rewrites the indexes; readers go on meanwhile.
        """
        for table in self.FULL_TEXT:
            with self.transaction():
                self.db[table].optimize()  # sqlite-utils: FTS5's 'optimize' on the index

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
