-- Migration 18: the articles a workspace added (issue 22).
--
-- An article added from Slack while newsbot serves many workspaces (by OAuth) is that
-- workspace's: a row of article_teams. An article with no row there is every workspace's (the
-- seeds, `newsbot ingest`, the command line's feeds). The same content added by two workspaces
-- is stored once, with a row for each; stored again for everyone, its rows go. A workspace
-- removed loses its rows, and an article no workspace holds any more goes with its facts.
--
-- entity_teams: the names first read in a workspace's articles, which only it may see (a name
-- some article of everyone's holds has no row). The same rules as articles'.

CREATE TABLE article_teams (
    team TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (team, article_id)
) WITHOUT ROWID;
CREATE INDEX article_teams_article ON article_teams(article_id);

CREATE TABLE entity_teams (
    team TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (team, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_teams_entity ON entity_teams(entity_id);
