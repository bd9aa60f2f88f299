-- Migration 6: dates for the answers, and what the store knows most about (the SQLite store's
-- migration 15).
--
-- - quotes.dated: the day a quote's article was published, else the moment it was stored
--   (copied with the quote's citation): a person's latest quotes are the latest published, read
--   newest first from the (name, dated, id) indexes, and a time span is a range of them;
--   quotes_latest orders every quote the same way.
-- - quotes_by_role: a quote's role as a text search of its own, for "what did analysts say"
--   (FTS5's column filter ``role : ...`` in SQLite).
-- - entities.articles: how many articles mention each entity, kept by statement triggers on
--   mentions (an article counts once however many of its sentences name it, and an article's
--   mentions are inserted in one statement), so "which companies do you know?" reads the best
--   known from entities_known, not every mention. Changing it leaves the names' generation as
--   it was (names_entities_au looks at the names' columns only).
--
-- Backfilled from the rows stored.

ALTER TABLE quotes ADD COLUMN dated text COLLATE "C";
UPDATE quotes q SET dated = coalesce(a.published, a.ingested_at) FROM articles a WHERE a.id = q.article_id;
DROP INDEX quotes_by_speaker;
DROP INDEX quotes_by_org;
CREATE INDEX quotes_by_speaker ON quotes (lower(speaker), dated, id);
CREATE INDEX quotes_by_org ON quotes (lower(org), dated, id);
CREATE INDEX quotes_latest ON quotes (dated, id);
CREATE INDEX quotes_by_role ON quotes USING gin (to_tsvector('newsbot'::regconfig, newsbot_fold(coalesce(role, ''))));

ALTER TABLE entities ADD COLUMN articles integer NOT NULL DEFAULT 0;
UPDATE entities e SET articles = m.n
    FROM (SELECT entity_id, count(DISTINCT article_id) AS n FROM mentions GROUP BY entity_id) m
    WHERE m.entity_id = e.id;
CREATE INDEX entities_known ON entities (type, articles DESC, id);

-- the (entity, article) pairs a statement gave their first mention: one article more each
CREATE FUNCTION newsbot_mentions_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE entities e SET articles = e.articles + c.n
    FROM (SELECT p.entity_id, count(*) AS n
          FROM (SELECT entity_id, article_id, count(*) AS k FROM added GROUP BY entity_id, article_id) p
          WHERE (SELECT count(*) FROM mentions m WHERE m.entity_id = p.entity_id AND m.article_id = p.article_id) = p.k
          GROUP BY p.entity_id) c
    WHERE e.id = c.entity_id;
    RETURN NULL;
END
$$;
-- the (entity, article) pairs a statement took the last mention of: one article fewer each
CREATE FUNCTION newsbot_mentions_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE entities e SET articles = e.articles - c.n
    FROM (SELECT p.entity_id, count(*) AS n
          FROM (SELECT DISTINCT entity_id, article_id FROM removed) p
          WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = p.entity_id AND m.article_id = p.article_id)
          GROUP BY p.entity_id) c
    WHERE e.id = c.entity_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER mentions_count_ai AFTER INSERT ON mentions REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION newsbot_mentions_added();
CREATE TRIGGER mentions_count_ad AFTER DELETE ON mentions REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION newsbot_mentions_removed();
