-- Migration 3: digests.
--
-- Channels subscribed to a daily digest, and the ledger of digest runs.
--
-- The ledger's unique (channel, period) key is what makes a digest post once: a run is
-- claimed (inserted) before posting and marked with the message's ts after.

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
