-- Follows, and the ledger that posts each new article about them once in each channel (issue 19).
-- arrivals: every article stored, in the order stored (a trigger: whatever stored it, in any process).
-- follows: what a channel (or a person, in their DM) follows; after_seq: arrivals before it are not its.
-- follow_progress: how far the arrivals have been matched. follow_batches: one message of a channel's
-- new articles, claimed under a lease like a digest run. channel_articles: each article a channel has
-- had, by a follow or a digest: its key (channel, article) makes an article come once to a channel.
CREATE TABLE arrivals (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    stored_at TEXT NOT NULL
);
CREATE INDEX arrivals_article ON arrivals(article_id);
CREATE TRIGGER arrivals_ai AFTER INSERT ON articles BEGIN
    INSERT INTO arrivals (article_id, stored_at) VALUES (new.id, new.ingested_at);
END;

CREATE TABLE follows (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('company', 'person', 'topic')),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL,
    after_seq INTEGER NOT NULL DEFAULT 0,
    UNIQUE (channel, kind, name_key)
);

CREATE TABLE follow_progress (name TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;

CREATE TABLE follow_batches (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed', 'paused', 'expired', 'empty')),
    claimed_by TEXT,
    claimed_at TEXT NOT NULL,
    lease TEXT,
    unsure INTEGER NOT NULL DEFAULT 0,
    posting_at TEXT,
    posted_channel TEXT,
    finished_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 1,
    ts TEXT,
    error TEXT
);
CREATE INDEX follow_batches_open ON follow_batches(status, claimed_at) WHERE status IN ('claimed', 'failed');

CREATE TABLE channel_articles (
    channel TEXT NOT NULL,
    article_id INTEGER NOT NULL,
    via TEXT NOT NULL CHECK (via IN ('follow', 'digest')),
    batch_id INTEGER,
    follows TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (channel, article_id)
) WITHOUT ROWID;
CREATE INDEX channel_articles_batch ON channel_articles(batch_id) WHERE batch_id IS NOT NULL;
