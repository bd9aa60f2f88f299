-- Migration 10: citations at hand.
--
-- What a quote or an article's citation needs, without reading the two largest tables:
--
-- - ``quotes.sentence``: the sentence a quote was said in, copied when the quote is stored (a
--   quote read one row of ``sentences``, a table as large as the articles, for it);
-- - ``articles_cited``: an index holding what a citation shows (headline, link, dates), read
--   instead of the article's row, which carries its whole text: 12 MB against 270 MB at 100k
--   articles, so the pages a citation reads stay in memory.
--
-- The quotes' full-text trigger is set aside while the sentences are copied (re-indexing every
-- quote for a column it does not index), then re-created as it was.

DROP TRIGGER quotes_au;
ALTER TABLE quotes ADD COLUMN sentence TEXT;
UPDATE quotes SET sentence = (SELECT text FROM sentences WHERE sentences.id = quotes.sentence_id);
CREATE TRIGGER quotes_au AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker, role, org) VALUES ('delete', old.id, old.text, old.speaker, old.role, old.org);
    INSERT INTO quotes_fts(rowid, text, speaker, role, org) VALUES (new.id, new.text, new.speaker, new.role, new.org);
END;
CREATE INDEX articles_cited ON articles(id, title, url, source, published, ingested_at);
