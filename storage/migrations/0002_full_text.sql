-- Migration 2: full text.

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker, role, org, content='quotes', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker, role, org) VALUES (new.id, new.text, new.speaker, new.role, new.org);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker, role, org) VALUES ('delete', old.id, old.text, old.speaker, old.role, old.org);
END;
CREATE TRIGGER quotes_au AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker, role, org) VALUES ('delete', old.id, old.text, old.speaker, old.role, old.org);
    INSERT INTO quotes_fts(rowid, text, speaker, role, org) VALUES (new.id, new.text, new.speaker, new.role, new.org);
END;
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
