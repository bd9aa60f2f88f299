-- Migration 11: quotes by who said them.
--
-- A person's quotes, and a company's, read from one place: each quote carries its
-- citation (the article's headline, link and date, copied when the quote is stored, as its
-- sentence is since migration 10), and two covering indexes hold every quote in the order
-- ``/quotes`` reads them: by speaker, and by organisation, newest first. A person's latest
-- quotes then sit on one or two pages, where they were spread over a dozen (a row of
-- ``quotes`` and an entry of ``articles_cited`` each), each a read from the disk when the
-- machine had not kept it in memory.
--
-- Articles are never changed in place (a new version is a new row, and its quotes new
-- quotes), so the copies cannot go stale. The full-text trigger is set aside while they are
-- made, as in migration 10. The (name, id) indexes of migration 4 are the new indexes' first
-- columns, and go.

DROP TRIGGER quotes_au;
ALTER TABLE quotes ADD COLUMN title TEXT;
ALTER TABLE quotes ADD COLUMN url TEXT;
ALTER TABLE quotes ADD COLUMN published TEXT;
UPDATE quotes SET title = a.title, url = a.url, published = a.published
    FROM articles a WHERE a.id = quotes.article_id;
CREATE TRIGGER quotes_au AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker, role, org) VALUES ('delete', old.id, old.text, old.speaker, old.role, old.org);
    INSERT INTO quotes_fts(rowid, text, speaker, role, org) VALUES (new.id, new.text, new.speaker, new.role, new.org);
END;
DROP INDEX quotes_speaker_id;
DROP INDEX quotes_org_id;
CREATE INDEX quotes_by_speaker ON quotes(speaker COLLATE NOCASE, id, text, sentence, speaker, role, org, article_id, title, url, published);
CREATE INDEX quotes_by_org ON quotes(org COLLATE NOCASE, id, text, sentence, speaker, role, org, article_id, title, url, published);
