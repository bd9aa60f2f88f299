"""The schema, as an ordered list of migrations (each a function returning its SQL).

The database's ``PRAGMA user_version`` is the number of migrations applied. Opening a
database made by an older release applies the missing ones in order, each in its own
transaction; a database made by a newer release than this one is refused rather than
misread. Append new migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable

Migration = Callable[[], str]


def _v1_articles() -> str:
    return """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            url TEXT,
            published TEXT,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_ingested ON articles(ingested_at);

        CREATE TABLE sentences (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            paragraph INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL,
            score REAL NOT NULL DEFAULT 0,
            UNIQUE(article_id, idx)
        );

        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL CHECK (type IN ('company', 'product', 'person')),
            owner TEXT,
            role TEXT,
            org TEXT,
            UNIQUE(name, type)
        );

        CREATE TABLE aliases (
            alias TEXT NOT NULL,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            PRIMARY KEY (alias, entity_id)
        ) WITHOUT ROWID;

        CREATE TABLE mentions (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            PRIMARY KEY (entity_id, article_id, sentence_id)
        ) WITHOUT ROWID;
        CREATE INDEX mentions_article ON mentions(article_id);

        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            sentence_id INTEGER REFERENCES sentences(id) ON DELETE SET NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            role TEXT,
            org TEXT
        );
        CREATE INDEX quotes_article ON quotes(article_id);
        CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);
        CREATE INDEX quotes_org ON quotes(org COLLATE NOCASE);

        CREATE TABLE relations (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            sentence_id INTEGER REFERENCES sentences(id) ON DELETE SET NULL,
            type TEXT NOT NULL CHECK (type IN ('competes', 'partners')),
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            evidence TEXT NOT NULL
        );
        CREATE INDEX relations_a ON relations(a COLLATE NOCASE, type);
        CREATE INDEX relations_b ON relations(b COLLATE NOCASE, type);
        CREATE INDEX relations_article ON relations(article_id);
        """


def _fts_table(table: str, columns: list[str]) -> str:
    """An external-content FTS5 index over ``table``, kept in step by triggers.

    The index is rebuilt once when created, so rows stored by an older release are found too.
    """
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return f"""
        CREATE VIRTUAL TABLE {table}_fts USING fts5(
            {cols}, content='{table}', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
            INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.id, {new});
        END;
        CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
            INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.id, {old});
        END;
{_fts_update_trigger(table, columns)}
        INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild');
        """


def _fts_update_trigger(table: str, columns: list[str]) -> str:
    """The trigger that re-indexes a row of ``table`` when it changes (see :func:`_fts_table`)."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return f"""        CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN
            INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.id, {old});
            INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.id, {new});
        END;"""


QUOTE_FTS_COLUMNS = ["text", "speaker", "role", "org"]


def _v2_full_text() -> str:
    return (
        _fts_table("articles", ["title", "body"])
        + _fts_table("sentences", ["text"])
        + _fts_table("quotes", QUOTE_FTS_COLUMNS)
    )


def _v3_digests() -> str:
    """Channels subscribed to a daily digest, and the ledger of digest runs.

    The ledger's unique (channel, period) key is what makes a digest post once: a run is
    claimed (inserted) before posting and marked with the message's ts after.
    """
    return """
        CREATE TABLE subscriptions (
            channel TEXT PRIMARY KEY,
            team TEXT,
            schedule TEXT NOT NULL CHECK (schedule IN ('daily', 'weekdays')),
            at TEXT NOT NULL,
            zone TEXT NOT NULL,
            created_by TEXT,
            created_at TEXT NOT NULL,
            paused_reason TEXT
        );

        CREATE TABLE digest_runs (
            id INTEGER PRIMARY KEY,
            channel TEXT NOT NULL,
            period TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'empty', 'failed', 'paused', 'missed')),
            claimed_by TEXT,
            claimed_at TEXT NOT NULL,
            finished_at TEXT,
            ts TEXT,
            error TEXT,
            articles INTEGER,
            until TEXT,
            UNIQUE (channel, period)
        );
        CREATE INDEX digest_runs_latest ON digest_runs(channel, claimed_at);
        """


def _v4_recency() -> str:
    """Newest-first reads without sorting the whole table: an index on the recency expression
    the queries order by, and relation/quote look-ups that can walk an index in id order."""
    return """
        CREATE INDEX articles_recency ON articles(coalesce(published, ingested_at) DESC, id DESC);
        CREATE INDEX relations_a_id ON relations(a COLLATE NOCASE, id);
        CREATE INDEX relations_b_id ON relations(b COLLATE NOCASE, id);
        CREATE INDEX quotes_speaker_id ON quotes(speaker COLLATE NOCASE, id);
        CREATE INDEX quotes_org_id ON quotes(org COLLATE NOCASE, id);
        DROP INDEX relations_a;
        DROP INDEX relations_b;
        DROP INDEX quotes_speaker;
        DROP INDEX quotes_org;
        """


def _v5_feeds() -> str:
    """Feeds a team follows, and the entries already seen (by GUID and by canonical link)."""
    return """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT,
            etag TEXT,
            last_modified TEXT,
            added_at TEXT NOT NULL,
            added_by TEXT,
            last_polled_at TEXT,
            last_status TEXT,
            last_error TEXT
        );

        CREATE TABLE feed_entries (
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            guid TEXT NOT NULL,
            link TEXT NOT NULL,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (feed_id, guid)
        );
        CREATE INDEX feed_entries_link ON feed_entries(link);
        CREATE INDEX articles_url ON articles(url);
        """


def _v6_digest_leases() -> str:
    """Digest runs that survive crashes and a second process: a lease per claim, the workers' heartbeats.

    - ``digest_runs.lease``: a token fresh at every claim; the run's later writes name it, so a
      process whose claim was taken over cannot mark, or start posting, anything.
    - ``digest_runs.unsure``: a post may have reached Slack without its ``ts`` being recorded
      (set just before chat.postMessage, cleared by its answer or a look at the channel);
      ``posting_at`` says from when to look. Claims left by an older release count as unsure.
    - ``digest_runs.attempts``: how many times the run was tried (retries back off).
    - ``digest_workers``: each running process's last heartbeat; a claim is taken over only
      when its worker has stopped beating.
    - ``subscriptions.changed_at``: when the current schedule was set; earlier times are not
      caught up.
    """
    return """
        ALTER TABLE subscriptions ADD COLUMN changed_at TEXT;
        UPDATE subscriptions SET changed_at = created_at;
        ALTER TABLE digest_runs ADD COLUMN lease TEXT;
        ALTER TABLE digest_runs ADD COLUMN unsure INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE digest_runs ADD COLUMN posting_at TEXT;
        ALTER TABLE digest_runs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        UPDATE digest_runs SET unsure = 1, posting_at = claimed_at
            WHERE status = 'claimed' OR (status = 'failed' AND error = 'history_unavailable');
        CREATE INDEX digest_runs_claimed ON digest_runs(claimed_by) WHERE status = 'claimed';
        CREATE TABLE digest_workers (worker TEXT PRIMARY KEY, beat_at TEXT NOT NULL) WITHOUT ROWID;
        """


# a new relation counts for its pair both ways round (once when a company is paired with itself);
# kept by migration 7's insert trigger and by migration 8's, which re-creates it
_COUNT_NEW_PAIR = """\
            INSERT INTO relation_pairs (company, type, other, n, last_id) VALUES (new.a, new.type, new.b, 1, new.id)
                ON CONFLICT (company, type, other) DO UPDATE SET n = n + 1, last_id = max(last_id, excluded.last_id);
            INSERT INTO relation_pairs (company, type, other, n, last_id)
                SELECT new.b, new.type, new.a, 1, new.id WHERE new.b <> new.a COLLATE NOCASE
                ON CONFLICT (company, type, other) DO UPDATE SET n = n + 1, last_id = max(last_id, excluded.last_id);"""


def _v7_answer_ready() -> str:
    """What the answers need, kept ready at write time so that no answer does work in
    proportion to the store:

    - ``counters``: the number of articles, and a generation of the names (entities and
      aliases), kept by triggers (``count(*)`` walks a whole table);
    - ``sentences.rank``: each sentence's place by summary score within its article, so an
      article's top sentences are read from a small partial index instead of sorted;
    - ``relation_pairs``: one row per (company, type, other company) with how many relations
      attest it and the latest one, kept by triggers, so /rivals reads the most attested pairs
      of a company instead of grouping its relations; the evidence of a pair walks an index;
    - indexes for the look-ups of names, products and people by organisation (case-insensitive);
    - ``sentences_fts`` is dropped: no query searches single sentences, and it cost a quarter of
      the database and of the write time.

    Everything is backfilled from the rows already stored.
    """
    return f"""
        DROP TRIGGER IF EXISTS sentences_ai;
        DROP TRIGGER IF EXISTS sentences_ad;
        DROP TRIGGER IF EXISTS sentences_au;
        DROP TABLE IF EXISTS sentences_fts;

        CREATE TABLE counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO counters (name, n) VALUES ('articles', (SELECT count(*) FROM articles)), ('names', 0);
        CREATE TRIGGER counters_articles_ai AFTER INSERT ON articles BEGIN
            UPDATE counters SET n = n + 1 WHERE name = 'articles';
        END;
        CREATE TRIGGER counters_articles_ad AFTER DELETE ON articles BEGIN
            UPDATE counters SET n = n - 1 WHERE name = 'articles';
        END;
        CREATE TRIGGER counters_entities_ai AFTER INSERT ON entities BEGIN
            UPDATE counters SET n = n + 1 WHERE name = 'names';
        END;
        CREATE TRIGGER counters_entities_au AFTER UPDATE ON entities
        WHEN old.name IS NOT new.name OR old.type IS NOT new.type OR old.owner IS NOT new.owner
            OR old.role IS NOT new.role OR old.org IS NOT new.org BEGIN
            UPDATE counters SET n = n + 1 WHERE name = 'names';
        END;
        CREATE TRIGGER counters_entities_ad AFTER DELETE ON entities BEGIN
            UPDATE counters SET n = n + 1 WHERE name = 'names';
        END;
        CREATE TRIGGER counters_aliases_ai AFTER INSERT ON aliases BEGIN
            UPDATE counters SET n = n + 1 WHERE name = 'names';
        END;
        CREATE TRIGGER counters_aliases_ad AFTER DELETE ON aliases BEGIN
            UPDATE counters SET n = n + 1 WHERE name = 'names';
        END;

        ALTER TABLE sentences ADD COLUMN rank INTEGER;
        UPDATE sentences SET rank = ranked.rank FROM (
            SELECT id, row_number() OVER (PARTITION BY article_id ORDER BY score DESC, idx) AS rank FROM sentences
        ) AS ranked WHERE ranked.id = sentences.id;
        CREATE INDEX sentences_top ON sentences(article_id, rank) WHERE rank <= 3;

        CREATE TABLE relation_pairs (
            company TEXT NOT NULL COLLATE NOCASE,
            type TEXT NOT NULL,
            other TEXT NOT NULL COLLATE NOCASE,
            n INTEGER NOT NULL,
            last_id INTEGER NOT NULL,
            PRIMARY KEY (company, type, other)
        ) WITHOUT ROWID;
        CREATE INDEX relation_pairs_best ON relation_pairs(company, type, n DESC, last_id DESC);
        INSERT INTO relation_pairs (company, type, other, n, last_id)
            SELECT company, type, other, count(*), max(id) FROM (
                SELECT a AS company, type, b AS other, id FROM relations
                UNION ALL SELECT b, type, a, id FROM relations WHERE b <> a COLLATE NOCASE
            ) GROUP BY company COLLATE NOCASE, type, other COLLATE NOCASE;
        CREATE TRIGGER relation_pairs_ai AFTER INSERT ON relations BEGIN
{_COUNT_NEW_PAIR}
        END;
        CREATE TRIGGER relation_pairs_ad AFTER DELETE ON relations BEGIN
            UPDATE relation_pairs SET n = n - 1, last_id = coalesce((
                SELECT max(id) FROM relations WHERE type = old.type
                AND ((a = old.a COLLATE NOCASE AND b = old.b COLLATE NOCASE)
                    OR (a = old.b COLLATE NOCASE AND b = old.a COLLATE NOCASE))), 0)
            WHERE type = old.type AND ((company = old.a AND other = old.b) OR (company = old.b AND other = old.a));
            DELETE FROM relation_pairs WHERE n <= 0 AND type = old.type
                AND ((company = old.a AND other = old.b) OR (company = old.b AND other = old.a));
        END;
        CREATE INDEX relations_pair ON relations(a COLLATE NOCASE, b COLLATE NOCASE, type, id);

        CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
        CREATE INDEX entities_person_org ON entities(org COLLATE NOCASE) WHERE type = 'person';
        CREATE INDEX entities_product_owner ON entities(owner COLLATE NOCASE) WHERE type = 'product';
        """


def _pair_evidence(company: str, type_: str, other: str) -> str:
    """A scalar subquery: the latest three relations of a pair (either way round), each with the
    sentence and the article that cites it, as a JSON array, newest first. Walks the
    (a, b, type, id) index from the newest end: bounded however often the pair is attested."""
    side = (
        "SELECT id FROM (SELECT id FROM relations WHERE a = {0} COLLATE NOCASE AND b = {1} COLLATE NOCASE"
        " AND type = {2} ORDER BY id DESC LIMIT 3)"
    )
    return (
        "(SELECT json_group_array(json_object('id', r.id, 'sentence', r.evidence, 'article_id', a.id,"
        " 'title', a.title, 'url', a.url, 'published', a.published))"
        " FROM (SELECT r.id, r.evidence, r.article_id FROM relations r WHERE r.id IN ("
        f"{side.format(company, other, type_)} UNION ALL {side.format(other, company, type_)})"
        " ORDER BY r.id DESC LIMIT 3) AS r JOIN articles a ON a.id = r.article_id)"
    )


def _pair_triggers() -> str:
    """The triggers on ``relations`` that keep each pair's count and latest evidence (created by
    migration 8; migration 9 re-creates them over its re-laid table)."""
    same_pair = "((company = {0} AND other = {1}) OR (company = {1} AND other = {0}))"
    evidence_of_new = _pair_evidence("new.a", "new.type", "new.b")
    evidence_of_old = _pair_evidence("old.a", "old.type", "old.b")
    latest = (
        "coalesce((SELECT max(id) FROM relations"
        " WHERE a = {0} COLLATE NOCASE AND b = {1} COLLATE NOCASE AND type = old.type), 0)"
    )
    return f"""
        CREATE TRIGGER relation_pairs_ai AFTER INSERT ON relations BEGIN
{_COUNT_NEW_PAIR}
            UPDATE relation_pairs SET evidence = {evidence_of_new}
                WHERE type = new.type AND {same_pair.format("new.a", "new.b")};
        END;
        CREATE TRIGGER relation_pairs_ad AFTER DELETE ON relations BEGIN
            UPDATE relation_pairs SET n = n - 1,
                last_id = max({latest.format("old.a", "old.b")}, {latest.format("old.b", "old.a")}),
                evidence = {evidence_of_old}
            WHERE type = old.type AND {same_pair.format("old.a", "old.b")};
            DELETE FROM relation_pairs WHERE n <= 0 AND type = old.type AND {same_pair.format("old.a", "old.b")};
        END;
        """


def _v8_pair_evidence() -> str:
    """Each company pair keeps its latest evidence ready (``relation_pairs.evidence``: up to
    three relations with their sentence and cited article, as JSON), so /rivals reads one row
    per pair instead of a relation and an article per piece of evidence. One trigger per event
    now keeps the count and the evidence, in that order. Backfilled for the pairs stored."""
    backfill = _pair_evidence("relation_pairs.company", "relation_pairs.type", "relation_pairs.other")
    return f"""
        ALTER TABLE relation_pairs ADD COLUMN evidence TEXT;
        UPDATE relation_pairs SET evidence = {backfill};
        DROP TRIGGER relation_pairs_ai;
        DROP TRIGGER relation_pairs_ad;{_pair_triggers()}"""


def _v9_pairs_in_reading_order() -> str:
    """``relation_pairs`` laid out in the order /rivals reads it: a company's pairs of one kind,
    most attested first, then the most recent. The top five pairs, with their evidence, then sit
    on one or two pages, where they were scattered over a dozen (one per pair, in the order of
    the other company's name): a dozen reads from the disk when the pages are not in memory.

    The primary key moves when a pair's count or latest relation changes (SQLite moves the row);
    a unique index on (company, type, other) keeps the upserts of the triggers, which are
    re-created unchanged. Every row is copied over.
    """
    return f"""
        DROP TRIGGER relation_pairs_ai;
        DROP TRIGGER relation_pairs_ad;
        CREATE TABLE relation_pairs_v9 (
            company TEXT NOT NULL COLLATE NOCASE,
            type TEXT NOT NULL,
            n INTEGER NOT NULL,
            last_id INTEGER NOT NULL,
            other TEXT NOT NULL COLLATE NOCASE,
            evidence TEXT,
            PRIMARY KEY (company, type, n DESC, last_id DESC, other),
            UNIQUE (company, type, other)
        ) WITHOUT ROWID;
        INSERT INTO relation_pairs_v9 (company, type, n, last_id, other, evidence)
            SELECT company, type, n, last_id, other, evidence FROM relation_pairs;
        DROP TABLE relation_pairs;
        ALTER TABLE relation_pairs_v9 RENAME TO relation_pairs;{_pair_triggers()}"""


def _v10_citations_at_hand() -> str:
    """What a quote or an article's citation needs, without reading the two largest tables:

    - ``quotes.sentence``: the sentence a quote was said in, copied when the quote is stored (a
      quote read one row of ``sentences``, a table as large as the articles, for it);
    - ``articles_cited``: an index holding what a citation shows (headline, link, dates), read
      instead of the article's row, which carries its whole text: 12 MB against 270 MB at 100k
      articles, so the pages a citation reads stay in memory.

    The quotes' full-text trigger is set aside while the sentences are copied (re-indexing every
    quote for a column it does not index), then re-created as it was.
    """
    return f"""
        DROP TRIGGER quotes_au;
        ALTER TABLE quotes ADD COLUMN sentence TEXT;
        UPDATE quotes SET sentence = (SELECT text FROM sentences WHERE sentences.id = quotes.sentence_id);
{_fts_update_trigger("quotes", QUOTE_FTS_COLUMNS)}
        CREATE INDEX articles_cited ON articles(id, title, url, source, published, ingested_at);
        """


# what a quote answer shows, in the order of the indexes that hold it (migration 11)
QUOTE_CARD = "text, sentence, speaker, role, org, article_id, title, url, published"


def _v11_quotes_by_who_said_them() -> str:
    """A person's quotes, and a company's, read from one place: each quote carries its
    citation (the article's headline, link and date, copied when the quote is stored, as its
    sentence is since migration 10), and two covering indexes hold every quote in the order
    ``/quotes`` reads them: by speaker, and by organisation, newest first. A person's latest
    quotes then sit on one or two pages, where they were spread over a dozen (a row of
    ``quotes`` and an entry of ``articles_cited`` each), each a read from the disk when the
    machine had not kept it in memory.

    Articles are never changed in place (a new version is a new row, and its quotes new
    quotes), so the copies cannot go stale. The full-text trigger is set aside while they are
    made, as in migration 10. The (name, id) indexes of migration 4 are the new indexes' first
    columns, and go.
    """
    return f"""
        DROP TRIGGER quotes_au;
        ALTER TABLE quotes ADD COLUMN title TEXT;
        ALTER TABLE quotes ADD COLUMN url TEXT;
        ALTER TABLE quotes ADD COLUMN published TEXT;
        UPDATE quotes SET title = a.title, url = a.url, published = a.published
            FROM articles a WHERE a.id = quotes.article_id;
{_fts_update_trigger("quotes", QUOTE_FTS_COLUMNS)}
        DROP INDEX quotes_speaker_id;
        DROP INDEX quotes_org_id;
        CREATE INDEX quotes_by_speaker ON quotes(speaker COLLATE NOCASE, id, {QUOTE_CARD});
        CREATE INDEX quotes_by_org ON quotes(org COLLATE NOCASE, id, {QUOTE_CARD});
        """


# a pair's lead: of the evidence kept (its latest three relations), the latest article's first
_PAIR_LEAD = (
    "(SELECT value FROM json_each({0})"
    " ORDER BY json_extract(value, '$.article_id') DESC, json_extract(value, '$.id') LIMIT 1)"
)


def _v12_pair_leads() -> str:
    """Each pair's lead (``relation_pairs.lead``): the one piece of its evidence a company's
    list of pairs shows, the latest article's first sentence of those kept (a story states a
    rivalry most plainly where it first mentions it), as JSON. A trigger sets it whenever the
    pair's evidence changes. /rivals then reads a third of the JSON it read, and sorts none.
    Backfilled from the evidence stored.
    """
    return f"""
        ALTER TABLE relation_pairs ADD COLUMN lead TEXT;
        UPDATE relation_pairs SET lead = {_PAIR_LEAD.format("relation_pairs.evidence")};
        CREATE TRIGGER relation_pairs_lead AFTER UPDATE OF evidence ON relation_pairs BEGIN
            UPDATE relation_pairs SET lead = {_PAIR_LEAD.format("new.evidence")}
                WHERE company = new.company AND type = new.type AND other = new.other;
        END;
        """


MIGRATIONS: list[Migration] = [
    _v1_articles,
    _v2_full_text,
    _v3_digests,
    _v4_recency,
    _v5_feeds,
    _v6_digest_leases,
    _v7_answer_ready,
    _v8_pair_evidence,
    _v9_pairs_in_reading_order,
    _v10_citations_at_hand,
    _v11_quotes_by_who_said_them,
    _v12_pair_leads,
]
