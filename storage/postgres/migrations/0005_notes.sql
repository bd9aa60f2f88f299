-- Migration 5: notes.
--
-- What a process leaves for the next request, which another replica may answer: the Slack
-- events already answered (a retried event is answered once, whichever replica it reaches)
-- and the answers behind buttons (Show more, Share). Each note is kept for a while and then
-- forgotten.

CREATE TABLE notes (
    key text PRIMARY KEY,
    value text,
    at text COLLATE "C" NOT NULL
);
CREATE INDEX notes_at ON notes (at);
