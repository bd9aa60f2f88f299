-- Migration 12: the Enterprise Grid org of subscriptions and follows set up under an org-wide
-- install before migration 9 (the SQLite store's migration 21, issue 22), where the store can tell it.
--
-- Such a row names its workspace (team) and no org (enterprise NULL), and so found no token:
-- its digests and follows were not posted. A workspace of such a row with no installation of
-- its own was served by an org-wide install: when the store holds exactly one, it is that
-- install's org. (A workspace that installed the app itself inside an org takes that
-- installation's org, as migration 9 did.) Rows that still cannot be told (several org-wide
-- installs, or none) stay NULL: their posts are refused with a reason that says how to set
-- them up again (bot.slack.oauth.WorkspaceClients), never skipped silently.

UPDATE subscriptions SET enterprise = coalesce(
    (SELECT min(i.enterprise_id) FROM installations i WHERE i.team_id = subscriptions.team AND i.enterprise_id <> ''),
    (SELECT min(i.enterprise_id) FROM installations i
        WHERE i.team_id = '' AND i.enterprise_id <> '' AND i.is_enterprise_install = 1
        AND NOT EXISTS (SELECT 1 FROM installations own WHERE own.team_id = subscriptions.team)
        HAVING count(*) = 1)
) WHERE team IS NOT NULL AND enterprise IS NULL;

UPDATE follows SET enterprise = coalesce(
    (SELECT min(i.enterprise_id) FROM installations i WHERE i.team_id = follows.team AND i.enterprise_id <> ''),
    (SELECT min(i.enterprise_id) FROM installations i
        WHERE i.team_id = '' AND i.enterprise_id <> '' AND i.is_enterprise_install = 1
        AND NOT EXISTS (SELECT 1 FROM installations own WHERE own.team_id = follows.team)
        HAVING count(*) = 1)
) WHERE team IS NOT NULL AND enterprise IS NULL;
