"""A store's reads: articles, sentences, names, quotes and relations, as plain ``dict`` rows (a
few return tuples, and say so), for the answers layer to turn into facts. Each read is bounded
however much is stored: most walk an index newest first and stop.

Both stores read through :class:`Queries`: its SQL is written once, with SQLite's ``?``, and the
store's dialect (``storage.dialect``) gives what differs in a word (placeholders, names matched
whatever their case, SQLite's index hints, arrays). Full-text search differs in substance (FTS5
tables walked by rowid on SQLite, a tsvector column and GIN indexes on PostgreSQL): each store's
is a small module of its own (``storage.fts``, ``storage.postgres.search``) giving the matches as
a :class:`storage.fts.Match`, and :class:`Queries` reads them alike. Where a statement differs
in more than that, the two are written out side by side."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from storage import fts as fts5
from storage import teams
from storage.dialect import SQLITE, Dialect
from storage.fts import terms


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
    """A table read latest first by date (articles, quotes): the columns an answer reads, the
    table and its alias, the date its rows are ordered by, the column naming the article, and
    on SQLite the indexes to read through: for the rows (``cited``), and a small index keyed
    by id that holds the date (``dates``: ids put in date order without reading their rows)."""

    select: str  # SELECT ... (the columns, on the alias)
    table: str
    alias: str
    date: str  # the date, on the alias
    article: str  # the column naming the article
    cited: str | None
    dates: str | None

    def source(self, d: Dialect) -> str:
        return f"{self.table} {self.alias}{d.indexed(self.cited)}"

    def by_date(self, d: Dialect) -> str:
        return f"{self.table} {self.alias}{d.indexed(self.dates)}"


# what a citation shows (headline, link, dates) is read from this index (migration 10), not
# from the article's row, which carries its whole text: the index is a twentieth of the size,
# so the pages a citation reads stay in memory
_CITED = "articles_cited"
_ARTICLES = _Dated(
    select="SELECT a.id, a.source, a.title, a.url, a.published, a.ingested_at",
    table="articles",
    alias="a",
    date=_DATE,
    article="id",
    cited=_CITED,
    dates=_CITED,
)
# a quote carries its sentence, its citation and its date (migrations 10, 11 and 15): what an
# answer shows is read from the quote alone, and by speaker or organisation from an index that
# holds all of it in that order (the columns of those covering indexes, in their order)
_QUOTE_CARD = "text, sentence, speaker, role, org, article_id, title, url, published"
_QUOTES = _Dated(
    select=f"SELECT q.id, q.dated, {', '.join(f'q.{c.strip()}' for c in _QUOTE_CARD.split(','))}",
    table="quotes",
    alias="q",
    date="q.dated",
    article="article_id",
    cited=None,
    dates="quotes_dated",
)


def _decoded(values: list) -> list:
    """JSON columns decoded: SQLite's text all in one go (joined into one array), PostgreSQL's
    jsonb as it comes."""
    if all(value is None or isinstance(value, str) for value in values):
        return json.loads("[" + ",".join(value or "null" for value in values) + "]")
    return values


class Queries:
    """The reads of both stores (``storage.store.Store``, ``storage.postgres.PostgresStore``),
    on the store's ``conn`` and ``query``, in its ``dialect``, searching with its ``fts``."""

    dialect: Dialect = SQLITE
    fts = fts5  # the store's full-text search (``storage.fts`` or ``storage.postgres.search``)

    def _query(self, sql: str, params: Iterable = ()) -> list[dict]:
        return self.query(self.dialect.sql(sql), params)

    def _rows(self, sql: str, params: Iterable = ()) -> Iterable[tuple]:
        return self.dialect.rows(self.conn, sql, params)

    def _value(self, sql: str, params: Iterable = ()):
        return self.dialect.value(self.conn, sql, params)

    def _hidden_count(self, team: str) -> int:
        return teams.hidden_count(self.conn, team, self.dialect.ph)

    # -- reads: articles ---------------------------------------------------------------------

    _ARTICLE_COLUMNS = "a.id, a.source, a.title, a.url, a.published, a.ingested_at"

    def article_count(self, *, team: str | None = None) -> int:
        """How many articles are stored (a counter kept by triggers: no table walk); ``team``:
        that workspace sees (the counter, less what it may not see)."""
        n = self._value("SELECT n FROM counters WHERE name = 'articles'")
        return n if team is None else n - self._hidden_count(team)

    def stats(self) -> dict[str, int]:
        tables = ("articles", "sentences", "entities", "quotes", "relations")
        return {t: self._value(f"SELECT count(*) FROM {t}") for t in tables}

    def get_article(self, article_id: int, *, team: str | None = None) -> dict | None:
        hide, hidden = teams.hidden(team, "a.id")
        rows = self._query(
            f"SELECT {self._ARTICLE_COLUMNS}, a.body FROM articles a WHERE a.id = ?{hide}", (article_id, *hidden)
        )
        return rows[0] if rows else None

    def latest_articles(
        self, limit: int = 5, *, since: str | None = None, within: Span | None = None, team: str | None = None
    ) -> list[dict]:
        """Newest first (by publication date when known, else by ingestion); ``since``: stored
        after that moment; ``within``: dated within that span; ``team``: those it may see."""
        where, params = _within(within)
        if since:
            where, params = f"{where} AND a.ingested_at > ?", [*params, since]
        hide, hidden = teams.hidden(team, "a.id")
        where, params = where + hide, [*params, *hidden]
        return self._query(
            f"SELECT {self._ARTICLE_COLUMNS} FROM articles a WHERE TRUE {where}"
            f" ORDER BY {_DATE} DESC, a.id DESC LIMIT ?",
            [*params, limit],
        )

    def count_articles(self, *, within: Span | None = None, cap: int = 1000, team: str | None = None) -> int:
        """How many articles are dated within ``within`` (every article: the counter), up to ``cap``."""
        if within is None:
            return self.article_count(team=team)
        where, params = _within(within, _BARE_DATE)
        hide, hidden = teams.hidden(team, "id")
        where, params = where + hide, [*params, *hidden]
        return self._value(
            f"SELECT count(*) FROM (SELECT {self.dialect.no_columns} FROM articles"
            f"{self.dialect.indexed('articles_recency')} WHERE TRUE {where} LIMIT ?) found",
            [*params, cap],
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
            match = self.fts.articles(text, any_term=any_term)
            if match is None:
                break
            found = self._latest_of(
                _ARTICLES,
                match.latest("{n}"),
                list(match.params),
                limit=limit,
                within=within,
                cap=cap,
                team=team,
                some=match.some("{n}"),
            )
            if found.rows:
                return found
        return Found([], 0)

    def count_search_articles(self, text: str, *, cap: int = 1000, team: str | None = None) -> int:
        """How many articles match every word of ``text``, counted up to ``cap`` (no column
        selected on PostgreSQL: the index's matches are counted on the pages known all-visible
        without reading them, a bitmap scan's skip-fetch)."""
        match = self.fts.articles(text)
        if match is None:
            return 0
        hide, hidden = teams.hidden(team, match.key)
        return self._value(
            f"SELECT count(*) FROM (SELECT {self.dialect.no_columns} FROM {match.source}"
            f" WHERE {match.where}{hide} LIMIT ?) found",
            (*match.params, *hidden, cap),
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
            "SELECT article_id FROM (SELECT DISTINCT article_id FROM mentions WHERE entity_id = ?"
            " ORDER BY article_id DESC LIMIT {n}) m"
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

    WALK = 2000  # a set bounded by time is looked for among its latest this many

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
        some: str | None = None,
    ) -> Found:
        """The latest rows of ``table`` (by date) of a set, within a span, and how many there are.

        ``candidates`` lists the set's ids, the latest stored first (as a full-text index walks
        its ids, and a company's mentions their key), reading ``{n}`` of them. Stored order is
        not date order (an archive stored after this week's feeds), so the latest ``cap``
        stored (:data:`WALK` when bounded by time) are read, and the latest dated of them
        kept: exact for a set of up to that many, and bounded work however large the store
        or the set. Past that the count is a lower bound (``capped``). Both stores read the
        same candidates, so they give the same answers. ``some``: the same set in the order it
        is cheapest to read (for counting it), reading ``{n}``."""
        d = self.dialect
        if table is _ARTICLES and within is None and team is None and not d.postgres:
            found = self._latest_stored_first(candidates, some or candidates, params, limit=limit, cap=cap)
            if found is not None:
                return found
        alias = table.alias
        read = cap + 1 if within is None else self.WALK
        where, span = _within(within, table.date)
        if team is not None:
            # what the workspace may not see is left out after the candidates are read: read as
            # many more, so that as many it sees are counted
            read += self._hidden_count(team)
            hide, hidden = teams.hidden(team, f"{alias}.{table.article}")
            where, span = where + hide, [*span, *hidden]
        candidates = candidates.format(n=read)
        # the candidates in date order from an index that holds their dates (read as a subquery:
        # no id passes through Python), then the rows of the few kept: a row of quotes, with its
        # sentence, is a page read of its own
        # bounded by time, how many candidates there were too: all WALK of them, and more may lie beyond
        counted, counted_params = ("", []) if within is None else (f", (SELECT count(*) FROM ({candidates}) c)", params)
        latest = list(
            self._rows(
                f"SELECT {alias}.id, count(*) OVER (){counted} FROM {table.by_date(d)}"
                f" WHERE {alias}.id IN ({candidates}) {where}"
                f" ORDER BY {table.date} DESC, {alias}.id DESC LIMIT ?",
                [*counted_params, *params, *span, limit],
            )
        )
        if not latest:
            return Found([], 0)
        found = latest[0][1]
        kept = [row[0] for row in latest]
        among, ids = d.among(f"{alias}.id", kept)
        by_id = {row["id"]: row for row in self._query(f"{table.select} FROM {table.source(d)} WHERE {among}", ids)}
        rows = [by_id[i] for i in kept]
        if within is None:
            return Found(rows, min(found, cap), capped=found > cap)
        return Found(rows, min(found, cap), capped=found > cap or latest[0][2] >= read)

    _CITATION = ("id", "source", "title", "url", "published", "ingested_at")

    def _latest_stored_first(self, latest: str, some: str, params: list, *, limit: int, cap: int) -> Found | None:
        """What :meth:`_latest_of` finds among articles, read from the latest stored down
        (SQLite, every date, every workspace): the ids of the ``limit + 1`` latest stored
        candidates (``latest``), the citations of the first ``limit`` and the latest date
        stored up to the next (``articles_upto``, migration 22); when that date is no later
        than theirs, no candidate further down can be more recent, and the rest are only
        counted, in whatever order the set is cheapest to read (``some``: a full-text index
        forwards). A brief on a rare name reads six citations, not a hundred and one. ``None``
        when that does not hold (articles stored out of date order): the caller reads every
        candidate's date."""
        ids = [row[0] for row in self._rows(latest.format(n=limit + 1), params)]
        if not ids:
            return Found([], 0)
        among, values = self.dialect.among("a.id", ids)
        rows = {
            row[0]: row
            for row in self._rows(
                f"SELECT a.id, a.source, a.title, a.url, a.published, a.ingested_at,"
                f" (SELECT upto FROM articles_upto u WHERE u.id = a.id) FROM articles a{self.dialect.indexed(_CITED)}"
                f" WHERE {among}",
                values,
            )
        }
        if len(rows) < len(ids):
            return None
        date = lambda i: rows[i][5] if rows[i][4] is None else rows[i][4]  # noqa: E731
        kept = sorted(ids[:limit], key=lambda i: (date(i), i), reverse=True)
        found = len(ids)
        if found > limit:
            bound = rows[ids[limit]][6]
            if bound is None or bound > date(kept[-1]):
                return None
            found = self._value(f"SELECT count(*) FROM ({some.format(n=cap + 1)}) found", params)
        return Found([dict(zip(self._CITATION, rows[i][:6], strict=True)) for i in kept], min(found, cap), found > cap)

    def stored_at(self, article_ids: list[int], *, team: str | None = None) -> dict[int, str]:
        """When each article was stored, for those given (read from ``articles_cited``)."""
        if not article_ids:
            return {}
        among, ids = self.dialect.among("id", article_ids)
        hide, hidden = teams.hidden(team, "id")
        return dict(
            self._rows(
                f"SELECT id, ingested_at FROM articles{self.dialect.indexed(_CITED)} WHERE {among}{hide}",
                [*ids, *hidden],
            )
        )

    TOP_RANKED = 3  # sentences_top indexes the best three sentences of each article

    def top_sentences(self, article_id: int, k: int = 3, *, team: str | None = None) -> list[dict]:
        """The ``k`` best-scored sentences of an article, in article order."""
        return self.top_sentences_of([article_id], k, team=team).get(article_id, [])

    def top_sentences_of(self, article_ids: list[int], k: int = 3, *, team: str | None = None) -> dict[int, list[dict]]:
        """The ``k`` best-scored sentences of each article, in article order, in one query
        (read by rank from a small index when ``k`` is at most three)."""
        if not article_ids:
            return {}
        if team is not None:
            article_ids = list(self.stored_at(article_ids, team=team))
            if not article_ids:
                return {}
        among, ids = self.dialect.among("article_id", article_ids)
        if k <= self.TOP_RANKED:
            sql = (
                "SELECT article_id, idx, text, score FROM sentences"
                f" WHERE {among} AND rank <= 3 AND rank <= ? ORDER BY article_id, idx"
            )
        else:
            sql = (
                "SELECT article_id, idx, text, score FROM (SELECT article_id, idx, text, score,"
                " row_number() OVER (PARTITION BY article_id ORDER BY score DESC, idx) AS place"
                f" FROM sentences WHERE {among}) ranked WHERE place <= ? ORDER BY article_id, idx"
            )
        found: dict[int, list[dict]] = {}
        for row in self._rows(sql, [*ids, k]):
            found.setdefault(row[0], []).append({"idx": row[1], "text": row[2], "score": row[3]})
        return found

    # -- reads: entities ---------------------------------------------------------------------

    def entities_by_alias(self, alias: str, *, team: str | None = None) -> list[dict]:
        hide, hidden = teams.hidden(team, "e.id", entities=True)
        return self._query(
            "SELECT e.id, e.name, e.type, e.owner, e.role, e.org FROM aliases al"
            f" JOIN entities e ON e.id = al.entity_id WHERE al.alias = ?{hide} ORDER BY e.type, e.id",
            (alias.casefold(), *hidden),
        )

    def hidden_entities(self, team: str) -> set[int]:
        """The names ``team`` may not see (read in other workspaces' articles only)."""
        return {row[0] for row in self._rows(f"SELECT entity_id FROM {teams.HIDDEN_ENTITIES} h", (team, team))}

    def entity_generation(self) -> int:
        """Changes whenever an entity or an alias is added, changed or removed (and only
        then: storing an article that names only known entities leaves it as it was). Kept
        by triggers: on SQLite a counter, on PostgreSQL a sequence (no row that every
        writer would wait on)."""
        if self.dialect.postgres:
            return self._value("SELECT last_value + (CASE WHEN is_called THEN 1 ELSE 0 END) FROM names_generation")
        return self._value("SELECT n FROM counters WHERE name = 'names'")

    def iter_alias_keys(self) -> Iterator[tuple[str, int, str, str, str | None]]:
        """Every alias with its entity's id, name, type and owner, as tuples."""
        yield from self._rows(
            "SELECT al.alias, e.id, e.name, e.type, e.owner FROM aliases al JOIN entities e ON e.id = al.entity_id"
        )

    def entities_by_id(self, ids: list[int], *, team: str | None = None) -> dict[int, tuple]:
        """``{id: (name, type, owner, role, org)}`` for the entities ``ids`` name."""
        if not ids:
            return {}
        among, values = self.dialect.among("id", ids)
        hide, hidden = teams.hidden(team, "id", entities=True)
        return {
            row[0]: row[1:]
            for row in self._rows(
                f"SELECT id, name, type, owner, role, org FROM entities WHERE {among}{hide}", [*values, *hidden]
            )
        }

    def known_entities(self, type: str, limit: int = 10, *, team: str | None = None) -> list[dict]:
        """The entities of ``type`` most articles mention, most first (``entities_known``);
        ``team``: counted in the articles it sees."""
        unseen = teams.hidden_mentions(self.conn, team, type, self.dialect.ph) if team is not None else {}
        rows = self._query(
            f"SELECT id, name, type, owner, role, org, articles FROM entities{self.dialect.indexed('entities_known')}"
            " WHERE type = ? AND articles > 0 ORDER BY articles DESC, id LIMIT ?",
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
        unseen = teams.hidden_mentions(self.conn, team, type, self.dialect.ph) if team is not None else {}
        gone = sum(1 for articles, hidden in unseen.values() if hidden >= articles)
        n = self._value(
            f"SELECT count(*) FROM (SELECT {self.dialect.no_columns} FROM entities"
            f"{self.dialect.indexed('entities_known')} WHERE type = ? AND articles > 0 LIMIT ?) known",
            (type, cap + gone),
        )
        return min(cap, n - gone)

    def products_of(self, company: str, *, team: str | None = None) -> list[dict]:
        hide, hidden = teams.hidden(team, "id", entities=True)
        return self._query(
            f"SELECT id, name FROM entities WHERE type = 'product' AND {self.dialect.same('owner')}{hide}",
            (company, *hidden),
        )

    def people(self, *, org: str | None = None, team: str | None = None) -> list[dict]:
        hide, hidden = teams.hidden(team, "id", entities=True)
        if org is None:
            return self._query(f"SELECT id, name, role, org FROM entities WHERE type = 'person'{hide}", hidden)
        return self._query(
            f"SELECT id, name, role, org FROM entities WHERE type = 'person' AND {self.dialect.same('org')}{hide}",
            (org, *hidden),
        )

    # -- reads: quotes -----------------------------------------------------------------------

    _QUOTE_COLUMNS = f"id, dated, {_QUOTE_CARD}"

    def _about(self, about: str) -> tuple[str, list] | None:
        """``(condition, params)``: the quotes said about ``about``, in so many words or in an
        article about it (the latest :data:`WALK` of each, read whole rather than looked up
        quote by quote); ``None`` when ``about`` holds no word."""
        said, articles = self.fts.quotes(about), self.fts.articles(about)
        if said is None or articles is None:
            return None
        return (
            f"(id IN ({said.latest(self.WALK)}) OR article_id IN ({articles.latest(self.WALK)}))",
            [*said.params, *articles.params],
        )

    def _picks(self, speakers: Iterable[str], orgs: Iterable[str]) -> list[tuple[str, str]]:
        """The (column, name) pairs a quote by these names is looked up by."""
        return [("speaker", name) for name in speakers] + [(col, org) for org in orgs for col in ("org", "speaker")]

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
        reads its latest quotes, whole, from the covering index of speakers or of
        organisations (a page or two a name)."""
        picks = self._picks(speakers, orgs)
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
        hide, hidden = teams.hidden(team, "article_id")
        where, about_params = where + hide, [*about_params, *hidden]
        if len(picks) == 1:  # one name (a person's quotes): its latest, read as they are, no union to sort again
            (col, name), order = picks[0], "ORDER BY dated DESC, id DESC LIMIT ?"
            return self._query(
                f"SELECT {self._QUOTE_COLUMNS} FROM quotes WHERE {self.dialect.same(col)} {where} {order}",
                [name, *span, *about_params, limit],
            )
        union = " UNION ".join(
            f"SELECT * FROM (SELECT {self._QUOTE_COLUMNS} FROM quotes WHERE {self.dialect.same(col)} {where}"
            " ORDER BY dated DESC, id DESC LIMIT ?) q"
            for col, _name in picks
        )
        params = [x for _col, name in picks for x in (name, *span, *about_params, limit)]
        return self._query(f"SELECT * FROM ({union}) picked ORDER BY dated DESC, id DESC LIMIT ?", [*params, limit])

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
        picks = self._picks(speakers, orgs)
        if not picks:
            return 0
        where, span = _within(within, "dated")
        hide, hidden = teams.hidden(team, "article_id")
        where, span = where + hide, [*span, *hidden]
        part = "SELECT id FROM (SELECT id FROM quotes WHERE {0} " + where + " LIMIT ?) q"
        params = [x for _col, name in picks for x in (name, *span, cap)]
        if len(picks) == 1:  # one name: a range of its index, counted (a union would sort the ids)
            return self._value(f"SELECT count(*) FROM ({part.format(self.dialect.same(picks[0][0]))}) c", params)
        union = " UNION ".join(part.format(self.dialect.same(col)) for col, _ in picks)
        return self._value(f"SELECT count(*) FROM ({union} LIMIT ?) c", [*params, cap])

    def latest_quotes(self, limit: int = 10, *, within: Span | None = None, team: str | None = None) -> list[dict]:
        """The latest quotes (by their article's date), within a span (``quotes_latest``)."""
        where, span = _within(within, "q.dated")
        hide, hidden = teams.hidden(team, "q.article_id")
        where, span = where + hide, [*span, *hidden]
        return self._query(
            f"{_QUOTES.select} FROM quotes q{self.dialect.indexed('quotes_latest')} WHERE TRUE {where}"
            " ORDER BY q.dated DESC, q.id DESC LIMIT ?",
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
        ``roles`` (``analyst``, ``chief executive``: each a phrase in the role), and about
        ``about`` (in the quote's words or its article's), and how many there are (up to ``cap``)."""
        if text and not terms(text):
            return Found([], 0)
        match = self.fts.quotes(text, roles)
        if not about:
            if match is None:
                return Found([], 0)
            return self._latest_of(
                _QUOTES, match.latest("{n}"), list(match.params), limit=limit, within=within, cap=cap, team=team
            )
        said = self._about(about)
        if said is None:
            return Found([], 0)
        # said about it, and (with words or roles) matching them: each set read whole, up to
        # WALK of its latest, rather than looked up quote by quote
        sets, params = [said[0]], list(said[1])
        if match is not None:
            sets.append(f"id IN ({match.latest(self.WALK)})")
            params += match.params
        candidates = f"SELECT id FROM quotes WHERE {' AND '.join(sets)} ORDER BY id DESC LIMIT {{n}}"
        return self._latest_of(_QUOTES, candidates, params, limit=limit, within=within, cap=cap, team=team)

    def quotes_in_article(self, article_id: int, *, team: str | None = None) -> list[dict]:
        hide, hidden = teams.hidden(team, "article_id")
        return self._query(
            f"SELECT {self._QUOTE_COLUMNS} FROM quotes WHERE article_id = ?{hide} ORDER BY id",
            (article_id, *hidden),
        )

    # -- reads: relations --------------------------------------------------------------------

    _RELATION_COLUMNS = (
        "r.id, r.type, r.a, r.b, r.evidence, ar.id AS article_id, ar.title, ar.url, ar.source, ar.published,"
        " ar.ingested_at"
    )
    _RELATIONS = f"SELECT {_RELATION_COLUMNS} FROM relations r JOIN articles ar ON ar.id = r.article_id"

    def _latest_naming(self, column: str) -> str:
        """The ids of the relations whose ``column`` names a company, the latest ``?`` (its
        (name, id) index walked newest first)."""
        return f"SELECT id FROM relations WHERE {self.dialect.same(column)} ORDER BY id DESC LIMIT ?"

    def relations(
        self, company: str | None = None, *, type: str | None = None, limit: int = 50, team: str | None = None
    ) -> list[dict]:
        """Relations naming ``company`` (either side), or every relation; the latest stored first."""
        kind = "AND r.type = ?" if type is not None else ""
        kinds = [type] if type is not None else []
        hide, hidden = teams.hidden(team, "r.article_id")
        kind, kinds = kind + hide, [*kinds, *hidden]
        if company is None:
            return self._query(f"{self._RELATIONS} WHERE TRUE {kind} ORDER BY r.id DESC LIMIT ?", [*kinds, limit])
        # each side walks its own (name, id) index newest first; then the two are merged
        return self._query(
            f"SELECT * FROM ({self._RELATIONS} WHERE r.id IN ({self._latest_naming('a')}) {kind}"
            f" UNION {self._RELATIONS} WHERE r.id IN ({self._latest_naming('b')}) {kind}) found"
            " ORDER BY id DESC LIMIT ?",
            [company, limit, *kinds, company, limit, *kinds, limit],
        )

    def relations_within(
        self, company: str, within: Span, *, other: str | None = None, team: str | None = None
    ) -> list[dict]:
        """The relations naming ``company`` (either side; with ``other``, that pair) stated in
        articles dated within ``within``, the latest first, among its latest :data:`WALK`
        relations each side (walked by its (name, id) indexes)."""
        where, span = _within(within, "coalesce(ar.published, ar.ingested_at)")
        hide, hidden = teams.hidden(team, "r.article_id")
        where, span = where + hide, [*span, *hidden]
        same = self.dialect.same
        pick = f"AND ({same('r.a')} OR {same('r.b')})" if other is not None else ""
        picks = [other, other] if other is not None else []
        side = f"{self._RELATIONS} WHERE r.id IN ({{0}}) {pick} {where}"
        return self._query(
            f"SELECT * FROM ({side.format(self._latest_naming('a'))} UNION {side.format(self._latest_naming('b'))})"
            " found ORDER BY coalesce(published, ingested_at) DESC, id DESC",
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
        team: str | None = None,
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
        kinds = list(kinds)
        if not kinds:
            return []
        if team is not None and self._hidden_count(team):
            pairs = self._team_pairs(company, team, limit=limit, other=other, evidence=evidence, kinds=kinds)
            return [{key: p[key] for key in ("type", "company", "other", "n", "evidence")} for p in pairs]
        pick = f"AND {self.dialect.same('other')}" if other is not None else ""
        # one piece of evidence is the pair's lead (migration 12): a third of the JSON, in order
        column = "lead" if evidence == 1 else "evidence"
        sql = " UNION ALL ".join(
            f"SELECT * FROM (SELECT type, company, other, n, {column} FROM relation_pairs"
            f" WHERE {self.dialect.same('company')} AND type = ? {pick} ORDER BY n DESC, last_id DESC LIMIT ?) p"
            for _kind in kinds
        )
        params = [x for kind in kinds for x in (company, kind, *([other] if other is not None else []), limit)]
        rows = list(self._rows(sql, params))
        decoded = _decoded([row[4] for row in rows])
        if column == "lead":
            decoded = [[lead] if lead else [] for lead in decoded]
        else:
            decoded = [_reading_order(items or [])[:evidence] for items in decoded]
        return [
            {"type": kind, "company": name, "other": other_name, "n": n, "evidence": items}
            for (kind, name, other_name, n, _json), items in zip(rows, decoded, strict=True)
        ]

    def _team_pairs(
        self, company: str, team: str, *, limit: int, other: str | None, evidence: int, kinds: Iterable[str]
    ) -> list[dict]:
        """``relation_pairs`` for a workspace that may not see some articles: the pairs as kept,
        but those that relations it may not see attest counted again from the relations it sees
        (work in proportion to those pairs' relations, found from the relations it may not see)."""
        kinds = list(kinds)
        same = self.dialect.same
        hide, hidden = teams.hidden(team, "r.article_id")
        unseen = self._query(
            # from the relations of the articles it may not see (few), not the company's (many)
            f"SELECT r.id, r.type, r.a, r.b FROM relations r{self.dialect.indexed('relations_article')}"
            f" WHERE r.article_id IN {teams.HIDDEN_ARTICLES} AND ({same('r.a')} OR {same('r.b')})",
            (team, team, company, company),
        )
        skip = teams.affected(unseen, company)
        if other is not None:
            skip = {key: n for key, n in skip.items() if key[1] == other.casefold()}
        pick = f"AND {same('other')}" if other is not None else ""
        kept = []
        for kind in kinds:
            more = sum(1 for key in skip if key[0] == kind)
            rows = list(
                self._rows(
                    f"SELECT type, company, other, n, last_id, evidence FROM relation_pairs WHERE {same('company')}"
                    f" AND type = ? {pick} ORDER BY n DESC, last_id DESC LIMIT ?",
                    [company, kind, *([other] if other is not None else []), limit + more],
                )
            )
            for row, items in zip(rows, _decoded([row[5] for row in rows]), strict=True):
                kept.append(dict(zip(("type", "company", "other", "n", "last_id"), row[:5], strict=True)))
                kept[-1]["evidence"] = items or []
        # a pair that is not among the kept cannot rise among them by losing relations: only the
        # kept ones are counted again, by their latest relations the workspace sees (an index walk)
        recounted = []
        for row in kept:
            key = (row["type"], row["other"].casefold())
            if key not in skip:
                continue
            base = row["type"].lstrip("~")
            latest = (
                f"SELECT * FROM (SELECT r.id FROM relations r WHERE {same('r.a')} AND {same('r.b')}"
                f" AND r.type = ?{hide} ORDER BY r.id DESC LIMIT 3) latest"
            )
            rows = self._query(
                "SELECT r.id, r.type, r.a, r.b, r.evidence, r.article_id, ar.title, ar.url, ar.published"
                f" FROM relations r JOIN articles ar ON ar.id = r.article_id WHERE r.id IN ({latest} UNION {latest})",
                (row["company"], row["other"], base, *hidden, row["other"], row["company"], base, *hidden),
            )
            again = teams.recount(row, rows, company, skip[key])
            if again is not None:
                recounted.append(again)
        return teams.corrected(kept, recounted, skip, kinds, limit, evidence)

    def count_pairs(
        self,
        company: str,
        *,
        cap: int = 100,
        kinds: Iterable[str] = ("competes", "partners"),
        team: str | None = None,
    ) -> tuple[int, ...]:
        """How many companies ``company`` stands in each of ``kinds`` with (``~acquires``: how
        many bought it), each counted up to ``cap`` (ranges of ``relation_pairs``' key, in one
        statement)."""
        kinds = list(kinds)
        if not kinds:
            return ()
        if team is not None and self._hidden_count(team):
            pairs = self._team_pairs(company, team, limit=cap, other=None, evidence=0, kinds=kinds)
            return tuple(sum(1 for p in pairs if p["type"] == kind) for kind in kinds)
        part = (
            f"(SELECT count(*) FROM (SELECT {self.dialect.no_columns} FROM relation_pairs"
            f" WHERE {self.dialect.same('company')} AND type = ? LIMIT ?) p)"
        )
        rows = self._rows(
            "SELECT " + ", ".join(part for _kind in kinds), [x for kind in kinds for x in (company, kind, cap)]
        )
        return tuple(next(iter(rows)))

    def relations_in_article(self, article_id: int, *, team: str | None = None) -> list[dict]:
        hide, hidden = teams.hidden(team, "r.article_id")
        return self._query(f"{self._RELATIONS} WHERE r.article_id = ?{hide} ORDER BY r.id", (article_id, *hidden))
