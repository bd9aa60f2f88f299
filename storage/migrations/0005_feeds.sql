-- Migration 5: feeds.
--
-- Feeds a team follows, and the entries already seen (by GUID and by canonical link).

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
