-- Migration 9: pairs in reading order.
--
-- ``relation_pairs`` laid out in the order /rivals reads it: a company's pairs of one kind,
-- most attested first, then the most recent. The top five pairs, with their evidence, then sit
-- on one or two pages, where they were scattered over a dozen (one per pair, in the order of
-- the other company's name): a dozen reads from the disk when the pages are not in memory.
--
-- The primary key moves when a pair's count or latest relation changes (SQLite moves the row);
-- a unique index on (company, type, other) keeps the upserts of the triggers, which are
-- re-created unchanged. Every row is copied over.

DROP TRIGGER relation_pairs_ai;
DROP TRIGGER relation_pairs_ad;
CREATE TABLE relation_pairs_v9 (
    company TEXT NOT NULL COLLATE NOCASE,
    type TEXT NOT NULL,
    n INTEGER NOT NULL,
    last_id INTEGER NOT NULL,
    other TEXT NOT NULL COLLATE NOCASE,
    evidence TEXT,
    PRIMARY KEY (company, type, n DESC, last_id DESC, other),
    UNIQUE (company, type, other)
) WITHOUT ROWID;
INSERT INTO relation_pairs_v9 (company, type, n, last_id, other, evidence)
    SELECT company, type, n, last_id, other, evidence FROM relation_pairs;
DROP TABLE relation_pairs;
ALTER TABLE relation_pairs_v9 RENAME TO relation_pairs;
CREATE TRIGGER relation_pairs_ai AFTER INSERT ON relations BEGIN
    INSERT INTO relation_pairs (company, type, other, n, last_id) VALUES (new.a, new.type, new.b, 1, new.id)
        ON CONFLICT (company, type, other) DO UPDATE SET n = n + 1, last_id = max(last_id, excluded.last_id);
    INSERT INTO relation_pairs (company, type, other, n, last_id)
        SELECT new.b, new.type, new.a, 1, new.id WHERE new.b <> new.a COLLATE NOCASE
        ON CONFLICT (company, type, other) DO UPDATE SET n = n + 1, last_id = max(last_id, excluded.last_id);
    UPDATE relation_pairs SET evidence = (SELECT json_group_array(json_object('id', r.id, 'sentence', r.evidence, 'article_id', a.id, 'title', a.title, 'url', a.url, 'published', a.published)) FROM (SELECT r.id, r.evidence, r.article_id FROM relations r WHERE r.id IN (SELECT id FROM (SELECT id FROM relations WHERE a = new.a COLLATE NOCASE AND b = new.b COLLATE NOCASE AND type = new.type ORDER BY id DESC LIMIT 3) UNION ALL SELECT id FROM (SELECT id FROM relations WHERE a = new.b COLLATE NOCASE AND b = new.a COLLATE NOCASE AND type = new.type ORDER BY id DESC LIMIT 3)) ORDER BY r.id DESC LIMIT 3) AS r JOIN articles a ON a.id = r.article_id)
        WHERE type = new.type AND ((company = new.a AND other = new.b) OR (company = new.b AND other = new.a));
END;
CREATE TRIGGER relation_pairs_ad AFTER DELETE ON relations BEGIN
    UPDATE relation_pairs SET n = n - 1,
        last_id = max(coalesce((SELECT max(id) FROM relations WHERE a = old.a COLLATE NOCASE AND b = old.b COLLATE NOCASE AND type = old.type), 0), coalesce((SELECT max(id) FROM relations WHERE a = old.b COLLATE NOCASE AND b = old.a COLLATE NOCASE AND type = old.type), 0)),
        evidence = (SELECT json_group_array(json_object('id', r.id, 'sentence', r.evidence, 'article_id', a.id, 'title', a.title, 'url', a.url, 'published', a.published)) FROM (SELECT r.id, r.evidence, r.article_id FROM relations r WHERE r.id IN (SELECT id FROM (SELECT id FROM relations WHERE a = old.a COLLATE NOCASE AND b = old.b COLLATE NOCASE AND type = old.type ORDER BY id DESC LIMIT 3) UNION ALL SELECT id FROM (SELECT id FROM relations WHERE a = old.b COLLATE NOCASE AND b = old.a COLLATE NOCASE AND type = old.type ORDER BY id DESC LIMIT 3)) ORDER BY r.id DESC LIMIT 3) AS r JOIN articles a ON a.id = r.article_id)
    WHERE type = old.type AND ((company = old.a AND other = old.b) OR (company = old.b AND other = old.a));
    DELETE FROM relation_pairs WHERE n <= 0 AND type = old.type AND ((company = old.a AND other = old.b) OR (company = old.b AND other = old.a));
END;
