-- Migration 16: many workspaces (issue 22): Slack installations, OAuth states, and what belongs
-- to which workspace.
--
-- - installations: one row a workspace that installed the app by OAuth (or an org, for an
--   org-wide install: team_id ''), its bot token and, with token rotation, its refresh token and
--   when the token expires (seconds since the epoch). Deleted when the app is uninstalled or its
--   tokens revoked.
-- - oauth_states: the state given to each install begun (/slack/install), consumed once by the
--   redirect that finishes it, whichever process receives it; expired ones are dropped.
-- - follows.team: the workspace a follow was set up in (NULL: before this migration, or the
--   single-workspace mode's).
-- - team_feeds: the workspaces that follow each feed through /digest feeds (see feeds.shared,
--   below).
-- - subscriptions.team (since migration 3) and follows.team are indexed: a workspace's are read,
--   and removed, together.

CREATE TABLE installations (
    enterprise_id TEXT NOT NULL DEFAULT '',
    team_id TEXT NOT NULL DEFAULT '',
    is_enterprise_install INTEGER NOT NULL DEFAULT 0,
    app_id TEXT,
    team_name TEXT,
    enterprise_name TEXT,
    bot_id TEXT,
    bot_user_id TEXT,
    bot_token TEXT NOT NULL,
    bot_scopes TEXT,
    bot_refresh_token TEXT,
    bot_token_expires_at INTEGER,
    installer_user_id TEXT,
    installed_at TEXT NOT NULL,
    PRIMARY KEY (enterprise_id, team_id)
);

CREATE TABLE oauth_states (
    state TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
);

ALTER TABLE follows ADD COLUMN team TEXT;
CREATE INDEX follows_team ON follows(team);
CREATE INDEX subscriptions_team ON subscriptions(team);

CREATE TABLE team_feeds (
    team TEXT NOT NULL,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    added_by TEXT,
    added_at TEXT NOT NULL,
    PRIMARY KEY (team, feed_id)
);
CREATE INDEX team_feeds_feed ON team_feeds(feed_id);

-- feeds.shared: 1 for a feed added from the command line (every workspace's), 0 for one only
-- workspaces added (those in team_feeds); such a feed goes when its last workspace removes it.
ALTER TABLE feeds ADD COLUMN shared INTEGER NOT NULL DEFAULT 1;
