-- Migration 1: articles.

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
