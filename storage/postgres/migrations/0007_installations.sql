-- Migration 7: many workspaces (the SQLite store's migration 16): Slack installations, OAuth
-- states, and what belongs to which workspace.
--
-- - installations: one row a workspace that installed the app by OAuth (or an org, for an
--   org-wide install: team_id ''), its bot token and, with token rotation, its refresh token and
--   when the token expires (seconds since the epoch).
-- - oauth_states: the state given to each install begun, consumed once by the redirect that
--   finishes it, whichever replica receives it; expired ones are dropped.
-- - follows.team: the workspace a follow was set up in (NULL: the single-workspace mode's).
-- - team_feeds: the workspaces that follow each feed through /digest feeds; feeds.shared is 1
--   for a feed added from the command line (every workspace's), 0 for one only workspaces added
--   (it goes when its last workspace removes it).
-- - subscriptions.team and follows.team are indexed: a workspace's are read, and removed, together.

CREATE TABLE installations (
    enterprise_id text NOT NULL DEFAULT '',
    team_id text NOT NULL DEFAULT '',
    is_enterprise_install integer NOT NULL DEFAULT 0,
    app_id text,
    team_name text,
    enterprise_name text,
    bot_id text,
    bot_user_id text,
    bot_token text NOT NULL,
    bot_scopes text,
    bot_refresh_token text,
    bot_token_expires_at bigint,
    installer_user_id text,
    installed_at text COLLATE "C" NOT NULL,
    PRIMARY KEY (enterprise_id, team_id)
);

CREATE TABLE oauth_states (
    state text PRIMARY KEY,
    expires_at text COLLATE "C" NOT NULL
);

ALTER TABLE follows ADD COLUMN team text;
CREATE INDEX follows_team ON follows (team);
CREATE INDEX subscriptions_team ON subscriptions (team);

CREATE TABLE team_feeds (
    team text NOT NULL,
    feed_id bigint NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    added_by text,
    added_at text COLLATE "C" NOT NULL,
    PRIMARY KEY (team, feed_id)
);
CREATE INDEX team_feeds_feed ON team_feeds (feed_id);

ALTER TABLE feeds ADD COLUMN shared integer NOT NULL DEFAULT 1;
