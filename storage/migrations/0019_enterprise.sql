-- Migration 19: the Enterprise Grid org a digest subscription or a follow was set up in
-- (issue 22).
--
-- subscriptions.enterprise, follows.enterprise: the org (Slack's enterprise id) of the
-- workspace (team) it was set up in; NULL outside an org, and for rows of the single-workspace
-- mode. With it the post finds the org's org-wide installation when the workspace has none of
-- its own, and an org's uninstall finds the rows it covered.
--
-- Rows made before this migration in a workspace that installed the app itself inside an org
-- take that installation's org. An org-wide install's rows cannot be told apart: they stay NULL
-- until set up again.

ALTER TABLE subscriptions ADD COLUMN enterprise TEXT;
ALTER TABLE follows ADD COLUMN enterprise TEXT;

UPDATE subscriptions SET enterprise = (
    SELECT min(i.enterprise_id) FROM installations i WHERE i.team_id = subscriptions.team AND i.enterprise_id <> ''
) WHERE team IS NOT NULL;
UPDATE follows SET enterprise = (
    SELECT min(i.enterprise_id) FROM installations i WHERE i.team_id = follows.team AND i.enterprise_id <> ''
) WHERE team IS NOT NULL;

CREATE INDEX subscriptions_enterprise ON subscriptions(enterprise) WHERE enterprise IS NOT NULL;
CREATE INDEX follows_enterprise ON follows(enterprise) WHERE enterprise IS NOT NULL;
