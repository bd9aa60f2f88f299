-- Migration 6: digest leases.
--
-- Digest runs that survive crashes and a second process: a lease per claim, the workers' heartbeats.
--
-- - ``digest_runs.lease``: a token fresh at every claim; the run's later writes name it, so a
--   process whose claim was taken over cannot mark, or start posting, anything.
-- - ``digest_runs.unsure``: a post may have reached Slack without its ``ts`` being recorded
--   (set just before chat.postMessage, cleared by its answer or a look at the channel);
--   ``posting_at`` says from when to look. Claims left by an older release count as unsure.
-- - ``digest_runs.attempts``: how many times the run was tried (retries back off).
-- - ``digest_workers``: each running process's last heartbeat; a claim is taken over only
--   when its worker has stopped beating.
-- - ``subscriptions.changed_at``: when the current schedule was set; earlier times are not
--   caught up.

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
