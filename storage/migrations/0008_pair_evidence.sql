-- Migration 8: pair evidence.
--
-- Each company pair keeps its latest evidence ready (``relation_pairs.evidence``: up to
-- three relations with their sentence and cited article, as JSON), so /rivals reads one row
-- per pair instead of a relation and an article per piece of evidence. One trigger per event
-- now keeps the count and the evidence, in that order. Backfilled for the pairs stored.

ALTER TABLE relation_pairs ADD COLUMN evidence TEXT;
UPDATE relation_pairs SET evidence = (SELECT json_group_array(json_object('id', r.id, 'sentence', r.evidence, 'article_id', a.id, 'title', a.title, 'url', a.url, 'published', a.published)) FROM (SELECT r.id, r.evidence, r.article_id FROM relations r WHERE r.id IN (SELECT id FROM (SELECT id FROM relations WHERE a = relation_pairs.company COLLATE NOCASE AND b = relation_pairs.other COLLATE NOCASE AND type = relation_pairs.type ORDER BY id DESC LIMIT 3) UNION ALL SELECT id FROM (SELECT id FROM relations WHERE a = relation_pairs.other COLLATE NOCASE AND b = relation_pairs.company COLLATE NOCASE AND type = relation_pairs.type ORDER BY id DESC LIMIT 3)) ORDER BY r.id DESC LIMIT 3) AS r JOIN articles a ON a.id = r.article_id);
DROP TRIGGER relation_pairs_ai;
DROP TRIGGER relation_pairs_ad;
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
