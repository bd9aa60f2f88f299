-- Migration 20: a channel's digest, follows and ledgers are each workspace's (issue 22).
--
-- A Slack Connect channel is shared by two (or more) workspaces: one channel id, and requests
-- from each with its own team id. Each workspace subscribes it, follows in it, and is posted to
-- in it on its own, so every table keyed by channel is keyed by (channel, workspace):
--
-- - subscriptions, follows: their keys are (channel, coalesce(team, '')): team stays NULL for
--   the single-workspace mode's rows, read as '' by the keys.
-- - digest_runs, follow_batches, channel_articles: a column team ('' for the single-workspace
--   mode), in the keys of digest_runs (channel, team, period) and channel_articles (channel,
--   team, article_id).
--
-- Rows kept: before this migration a channel had one subscription, so a run, a batch or a
-- ledger row takes the workspace of its channel's subscription (a follow's rows: its follows'
-- first), else ''. SQLite cannot change a table's key in place: the four tables are built anew
-- and their rows copied, ids kept.

CREATE TABLE subscriptions_new (
    channel TEXT NOT NULL,
    team TEXT,
    schedule TEXT NOT NULL CHECK (schedule IN ('daily', 'weekdays')),
    at TEXT NOT NULL,
    zone TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL,
    paused_reason TEXT,
    changed_at TEXT,
    enterprise TEXT
);
INSERT INTO subscriptions_new (channel, team, schedule, at, zone, created_by, created_at, paused_reason, changed_at,
    enterprise)
    SELECT channel, team, schedule, at, zone, created_by, created_at, paused_reason, changed_at, enterprise
    FROM subscriptions;

CREATE TABLE follows_new (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('company', 'person', 'topic')),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL,
    after_seq INTEGER NOT NULL DEFAULT 0,
    team TEXT,
    enterprise TEXT
);
INSERT INTO follows_new (id, channel, kind, name, name_key, created_by, created_at, after_seq, team, enterprise)
    SELECT id, channel, kind, name, name_key, created_by, created_at, after_seq, team, enterprise FROM follows;

CREATE TABLE digest_runs_new (
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
    lease TEXT,
    unsure INTEGER NOT NULL DEFAULT 0,
    posting_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    team TEXT NOT NULL DEFAULT '',
    UNIQUE (channel, team, period)
);
INSERT INTO digest_runs_new (id, channel, period, status, claimed_by, claimed_at, finished_at, ts, error, articles,
    until, lease, unsure, posting_at, attempts, team)
    SELECT r.id, r.channel, r.period, r.status, r.claimed_by, r.claimed_at, r.finished_at, r.ts, r.error, r.articles,
        r.until, r.lease, r.unsure, r.posting_at, r.attempts,
        coalesce((SELECT s.team FROM subscriptions s WHERE s.channel = r.channel), '')
    FROM digest_runs r;

ALTER TABLE follow_batches ADD COLUMN team TEXT NOT NULL DEFAULT '';
UPDATE follow_batches SET team = coalesce(
    (SELECT min(f.team) FROM follows f WHERE f.channel = follow_batches.channel),
    (SELECT s.team FROM subscriptions s WHERE s.channel = follow_batches.channel),
    '');

CREATE TABLE channel_articles_new (
    channel TEXT NOT NULL,
    team TEXT NOT NULL DEFAULT '',
    article_id INTEGER NOT NULL,
    via TEXT NOT NULL CHECK (via IN ('follow', 'digest')),
    batch_id INTEGER,
    follows TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (channel, team, article_id)
) WITHOUT ROWID;
INSERT INTO channel_articles_new (channel, team, article_id, via, batch_id, follows, at)
    SELECT ca.channel,
        CASE WHEN ca.via = 'follow' THEN coalesce(
            (SELECT min(f.team) FROM follows f WHERE f.channel = ca.channel),
            (SELECT s.team FROM subscriptions s WHERE s.channel = ca.channel), '')
        ELSE coalesce(
            (SELECT s.team FROM subscriptions s WHERE s.channel = ca.channel),
            (SELECT min(f.team) FROM follows f WHERE f.channel = ca.channel), '') END,
        ca.article_id, ca.via, ca.batch_id, ca.follows, ca.at
    FROM channel_articles ca;

DROP TABLE subscriptions;
ALTER TABLE subscriptions_new RENAME TO subscriptions;
CREATE UNIQUE INDEX subscriptions_key ON subscriptions(channel, coalesce(team, ''));
CREATE INDEX subscriptions_team ON subscriptions(team);
CREATE INDEX subscriptions_enterprise ON subscriptions(enterprise) WHERE enterprise IS NOT NULL;

DROP TABLE follows;
ALTER TABLE follows_new RENAME TO follows;
CREATE UNIQUE INDEX follows_key ON follows(channel, coalesce(team, ''), kind, name_key);
CREATE INDEX follows_team ON follows(team);
CREATE INDEX follows_enterprise ON follows(enterprise) WHERE enterprise IS NOT NULL;

DROP TABLE digest_runs;
ALTER TABLE digest_runs_new RENAME TO digest_runs;
CREATE INDEX digest_runs_latest ON digest_runs(channel, team, claimed_at);
CREATE INDEX digest_runs_claimed ON digest_runs(claimed_by) WHERE status = 'claimed';

DROP TABLE channel_articles;
ALTER TABLE channel_articles_new RENAME TO channel_articles;
CREATE INDEX channel_articles_batch ON channel_articles(batch_id) WHERE batch_id IS NOT NULL;
