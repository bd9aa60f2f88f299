-- Migration 15: dates for the answers, and what the store knows most about (issue 18).
--
-- - quotes.dated: the day a quote's article was published, else the moment it was stored
--   (copied with the quote's citation, as its published is since migration 11): the quote
--   indexes hold it before the id, so a person's latest quotes are the latest published, read
--   newest first from the same covering indexes, and a time span is a range of them;
--   quotes_latest orders every quote the same way, and quotes_dated gives a quote's date by its
--   id (the latest of those found by full text are put in order from it, without reading their
--   rows, each a page of its own).
-- - entities.articles: how many articles mention each entity, kept by triggers on mentions (an
--   article counts once however many of its sentences name it), so "which companies do you
--   know?" reads the best known from entities_known, not every mention.
-- - The full-text triggers on articles and quotes re-index a row only when a column they index
--   changes: a date given later (newsbot ingest --date) re-indexes nothing.
--
-- Backfilled from the rows stored.

DROP TRIGGER articles_au;
CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

DROP TRIGGER quotes_au;
ALTER TABLE quotes ADD COLUMN dated TEXT;
UPDATE quotes SET dated = coalesce(a.published, a.ingested_at) FROM articles a WHERE a.id = quotes.article_id;
CREATE TRIGGER quotes_au AFTER UPDATE OF text, speaker, role, org ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker, role, org) VALUES ('delete', old.id, old.text, old.speaker, old.role, old.org);
    INSERT INTO quotes_fts(rowid, text, speaker, role, org) VALUES (new.id, new.text, new.speaker, new.role, new.org);
END;
DROP INDEX quotes_by_speaker;
DROP INDEX quotes_by_org;
CREATE INDEX quotes_by_speaker ON quotes(speaker COLLATE NOCASE, dated, id, text, sentence, speaker, role, org, article_id, title, url, published);
CREATE INDEX quotes_by_org ON quotes(org COLLATE NOCASE, dated, id, text, sentence, speaker, role, org, article_id, title, url, published);
CREATE INDEX quotes_latest ON quotes(dated, id);
CREATE INDEX quotes_dated ON quotes(id, dated);

ALTER TABLE entities ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
UPDATE entities SET articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE entity_id = entities.id);
CREATE TRIGGER mentions_count_ai AFTER INSERT ON mentions
WHEN NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = new.entity_id AND article_id = new.article_id
    AND sentence_id <> new.sentence_id) BEGIN
    UPDATE entities SET articles = articles + 1 WHERE id = new.entity_id;
END;
CREATE TRIGGER mentions_count_ad AFTER DELETE ON mentions
WHEN NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = old.entity_id AND article_id = old.article_id) BEGIN
    UPDATE entities SET articles = articles - 1 WHERE id = old.entity_id;
END;
CREATE INDEX entities_known ON entities(type, articles DESC);
