-- Migration 11: a channel's digest, follows and ledgers are each workspace's (the SQLite
-- store's migration 20, issue 22).
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
-- first), else ''.

ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_pkey;
ALTER TABLE subscriptions ALTER COLUMN channel SET NOT NULL;
CREATE UNIQUE INDEX subscriptions_key ON subscriptions (channel, (coalesce(team, '')));

ALTER TABLE follows DROP CONSTRAINT follows_key;
CREATE UNIQUE INDEX follows_key ON follows (channel, (coalesce(team, '')), kind, name_key);

ALTER TABLE digest_runs ADD COLUMN team text NOT NULL DEFAULT '';
UPDATE digest_runs r SET team = s.team FROM subscriptions s WHERE s.channel = r.channel AND s.team IS NOT NULL;
ALTER TABLE digest_runs DROP CONSTRAINT digest_runs_key;
ALTER TABLE digest_runs ADD CONSTRAINT digest_runs_key UNIQUE (channel, team, period);
DROP INDEX digest_runs_latest;
CREATE INDEX digest_runs_latest ON digest_runs (channel, team, claimed_at);

ALTER TABLE follow_batches ADD COLUMN team text NOT NULL DEFAULT '';
UPDATE follow_batches SET team = coalesce(
    (SELECT min(f.team) FROM follows f WHERE f.channel = follow_batches.channel),
    (SELECT s.team FROM subscriptions s WHERE s.channel = follow_batches.channel),
    '');

ALTER TABLE channel_articles ADD COLUMN team text NOT NULL DEFAULT '';
UPDATE channel_articles ca SET team = CASE WHEN ca.via = 'follow' THEN coalesce(
        (SELECT min(f.team) FROM follows f WHERE f.channel = ca.channel),
        (SELECT s.team FROM subscriptions s WHERE s.channel = ca.channel), '')
    ELSE coalesce(
        (SELECT s.team FROM subscriptions s WHERE s.channel = ca.channel),
        (SELECT min(f.team) FROM follows f WHERE f.channel = ca.channel), '') END;
ALTER TABLE channel_articles DROP CONSTRAINT channel_articles_key;
ALTER TABLE channel_articles ADD CONSTRAINT channel_articles_key PRIMARY KEY (channel, team, article_id);
