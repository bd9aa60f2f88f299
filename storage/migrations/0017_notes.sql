-- Migration 17: notes.
--
-- What a process leaves for the next request, which another process may answer: the Slack
-- events already answered and the answers behind buttons (Show more, Share), each kept for a
-- while and then forgotten. One process on SQLite keeps them in memory; the table is there so
-- the store is the same whatever the database.

CREATE TABLE notes (
    key TEXT PRIMARY KEY,
    value TEXT,
    at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX notes_at ON notes(at);
