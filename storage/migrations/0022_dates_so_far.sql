-- Migration 22: the latest date stored so far, by article (issue 21).
--
-- articles_upto holds, for each article, the latest date (publication date, else the moment
-- stored) of it and every article stored before it (a lower id). The latest of a set of
-- articles found by full text or by mention are read from the latest stored down: once the
-- ones read are at least as recent as everything stored before the next, none further down
-- can be more recent, and the rest are only counted (at 100k articles a brief read the dates of
-- the 101 latest stored matches, a hundred pages for a rare name; now about six). The value
-- is an upper bound: a deleted article's leaves the next ones' as they were, a date moved
-- earlier leaves them too (an archive dated after it was stored: nothing is walked); a date
-- moved later, or an article stored under a lower id, raises the ones after it.
--
-- Backfilled from the rows stored.

CREATE TABLE articles_upto (
    id INTEGER PRIMARY KEY,
    upto TEXT NOT NULL
);
INSERT INTO articles_upto (id, upto)
    SELECT id, max(coalesce(published, ingested_at)) OVER (ORDER BY id ROWS UNBOUNDED PRECEDING)
    FROM articles INDEXED BY articles_cited;
CREATE TRIGGER articles_upto_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_upto (id, upto) VALUES (new.id, max(coalesce(new.published, new.ingested_at),
        coalesce((SELECT upto FROM articles_upto WHERE id < new.id ORDER BY id DESC LIMIT 1), '')));
    UPDATE articles_upto SET upto = coalesce(new.published, new.ingested_at)
        WHERE id > new.id AND upto < coalesce(new.published, new.ingested_at);
END;
CREATE TRIGGER articles_upto_au AFTER UPDATE OF published, ingested_at ON articles
WHEN coalesce(new.published, new.ingested_at) > coalesce(old.published, old.ingested_at) BEGIN
    UPDATE articles_upto SET upto = coalesce(new.published, new.ingested_at)
        WHERE id >= new.id AND upto < coalesce(new.published, new.ingested_at);
END;
CREATE TRIGGER articles_upto_ad AFTER DELETE ON articles BEGIN
    DELETE FROM articles_upto WHERE id = old.id;
END;
