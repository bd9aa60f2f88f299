-- Migration 13: relation kinds.
--
-- Relation kinds are data (bot/extract/kinds.py), and a kind may be directed (a bought b):
--
-- - ``relation_kinds``: each kind's name and whether it is directed. The store adds the kinds
--   the running release knows when it opens (a new kind needs no migration); ``relations.type``
--   must name one of them (the CHECK that allowed two kinds goes: ``relations`` is rebuilt,
--   its rows, indexes and triggers as they were).
-- - ``relation_pairs`` keeps a directed kind's direction: a relation (a, acquires, b) counts for
--   a as (a, 'acquires', b) and for b as (b, '~acquires', a) ("bought by"), where an undirected
--   one counts for both sides under its own name, as before. The pair's evidence is the
--   relations of that direction only.

CREATE TABLE relation_kinds (
    name TEXT PRIMARY KEY,
    directed INTEGER NOT NULL DEFAULT 0 CHECK (directed IN (0, 1))
) WITHOUT ROWID;
INSERT INTO relation_kinds (name, directed) VALUES ('competes', 0), ('partners', 0), ('acquires', 1);

DROP TRIGGER relation_pairs_ai;
DROP TRIGGER relation_pairs_ad;
CREATE TABLE relations_v13 (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_id INTEGER REFERENCES sentences(id) ON DELETE SET NULL,
    type TEXT NOT NULL REFERENCES relation_kinds(name),
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    evidence TEXT NOT NULL
);
INSERT INTO relations_v13 (id, article_id, sentence_id, type, a, b, evidence)
    SELECT id, article_id, sentence_id, type, a, b, evidence FROM relations;
DROP TABLE relations;
ALTER TABLE relations_v13 RENAME TO relations;
CREATE INDEX relations_article ON relations(article_id);
CREATE INDEX relations_a_id ON relations(a COLLATE NOCASE, id);
CREATE INDEX relations_b_id ON relations(b COLLATE NOCASE, id);
CREATE INDEX relations_pair ON relations(a COLLATE NOCASE, b COLLATE NOCASE, type, id);

-- an undirected relation: both sides, under the kind's name, with the evidence of either order
CREATE TRIGGER relation_pairs_ai AFTER INSERT ON relations
WHEN NOT (SELECT directed FROM relation_kinds WHERE name = new.type) BEGIN
    INSERT INTO relation_pairs (company, type, other, n, last_id) VALUES (new.a, new.type, new.b, 1, new.id)
        ON CONFLICT (company, type, other) DO UPDATE SET n = n + 1, last_id = max(last_id, excluded.last_id);
    INSERT INTO relation_pairs (company, type, other, n, last_id)
        SELECT new.b, new.type, new.a, 1, new.id WHERE new.b <> new.a COLLATE NOCASE
        ON CONFLICT (company, type, other) DO UPDATE SET n = n + 1, last_id = max(last_id, excluded.last_id);
    UPDATE relation_pairs SET evidence = (SELECT json_group_array(json_object('id', r.id, 'sentence', r.evidence, 'article_id', a.id, 'title', a.title, 'url', a.url, 'published', a.published)) FROM (SELECT r.id, r.evidence, r.article_id FROM relations r WHERE r.id IN (SELECT id FROM (SELECT id FROM relations WHERE a = new.a COLLATE NOCASE AND b = new.b COLLATE NOCASE AND type = new.type ORDER BY id DESC LIMIT 3) UNION ALL SELECT id FROM (SELECT id FROM relations WHERE a = new.b COLLATE NOCASE AND b = new.a COLLATE NOCASE AND type = new.type ORDER BY id DESC LIMIT 3)) ORDER BY r.id DESC LIMIT 3) AS r JOIN articles a ON a.id = r.article_id)
        WHERE type = new.type AND ((company = new.a AND other = new.b) OR (company = new.b AND other = new.a));
END;
CREATE TRIGGER relation_pairs_ad AFTER DELETE ON relations
WHEN NOT (SELECT directed FROM relation_kinds WHERE name = old.type) BEGIN
    UPDATE relation_pairs SET n = n - 1,
        last_id = max(coalesce((SELECT max(id) FROM relations WHERE a = old.a COLLATE NOCASE AND b = old.b COLLATE NOCASE AND type = old.type), 0), coalesce((SELECT max(id) FROM relations WHERE a = old.b COLLATE NOCASE AND b = old.a COLLATE NOCASE AND type = old.type), 0)),
        evidence = (SELECT json_group_array(json_object('id', r.id, 'sentence', r.evidence, 'article_id', a.id, 'title', a.title, 'url', a.url, 'published', a.published)) FROM (SELECT r.id, r.evidence, r.article_id FROM relations r WHERE r.id IN (SELECT id FROM (SELECT id FROM relations WHERE a = old.a COLLATE NOCASE AND b = old.b COLLATE NOCASE AND type = old.type ORDER BY id DESC LIMIT 3) UNION ALL SELECT id FROM (SELECT id FROM relations WHERE a = old.b COLLATE NOCASE AND b = old.a COLLATE NOCASE AND type = old.type ORDER BY id DESC LIMIT 3)) ORDER BY r.id DESC LIMIT 3) AS r JOIN articles a ON a.id = r.article_id)
    WHERE type = old.type AND ((company = old.a AND other = old.b) OR (company = old.b AND other = old.a));
    DELETE FROM relation_pairs WHERE n <= 0 AND type = old.type AND ((company = old.a AND other = old.b) OR (company = old.b AND other = old.a));
END;

-- a directed relation: the doer under the kind's name, the other side under '~' and the name,
-- each with the evidence of this order only
CREATE TRIGGER relation_pairs_directed_ai AFTER INSERT ON relations
WHEN (SELECT directed FROM relation_kinds WHERE name = new.type) AND new.a <> new.b COLLATE NOCASE BEGIN
    INSERT INTO relation_pairs (company, type, other, n, last_id) VALUES (new.a, new.type, new.b, 1, new.id)
        ON CONFLICT (company, type, other) DO UPDATE SET n = n + 1, last_id = max(last_id, excluded.last_id);
    INSERT INTO relation_pairs (company, type, other, n, last_id) VALUES (new.b, '~' || new.type, new.a, 1, new.id)
        ON CONFLICT (company, type, other) DO UPDATE SET n = n + 1, last_id = max(last_id, excluded.last_id);
    UPDATE relation_pairs SET evidence = (SELECT json_group_array(json_object('id', r.id, 'sentence', r.evidence, 'article_id', a.id, 'title', a.title, 'url', a.url, 'published', a.published)) FROM (SELECT r.id, r.evidence, r.article_id FROM relations r WHERE r.id IN (SELECT id FROM relations WHERE a = new.a COLLATE NOCASE AND b = new.b COLLATE NOCASE AND type = new.type ORDER BY id DESC LIMIT 3) ORDER BY r.id DESC) AS r JOIN articles a ON a.id = r.article_id)
        WHERE (company = new.a AND type = new.type AND other = new.b) OR (company = new.b AND type = '~' || new.type AND other = new.a);
END;
CREATE TRIGGER relation_pairs_directed_ad AFTER DELETE ON relations
WHEN (SELECT directed FROM relation_kinds WHERE name = old.type) AND old.a <> old.b COLLATE NOCASE BEGIN
    UPDATE relation_pairs SET n = n - 1,
        last_id = coalesce((SELECT max(id) FROM relations WHERE a = old.a COLLATE NOCASE AND b = old.b COLLATE NOCASE AND type = old.type), 0),
        evidence = (SELECT json_group_array(json_object('id', r.id, 'sentence', r.evidence, 'article_id', a.id, 'title', a.title, 'url', a.url, 'published', a.published)) FROM (SELECT r.id, r.evidence, r.article_id FROM relations r WHERE r.id IN (SELECT id FROM relations WHERE a = old.a COLLATE NOCASE AND b = old.b COLLATE NOCASE AND type = old.type ORDER BY id DESC LIMIT 3) ORDER BY r.id DESC) AS r JOIN articles a ON a.id = r.article_id)
    WHERE (company = old.a AND type = old.type AND other = old.b) OR (company = old.b AND type = '~' || old.type AND other = old.a);
    DELETE FROM relation_pairs WHERE n <= 0
        AND ((company = old.a AND type = old.type AND other = old.b) OR (company = old.b AND type = '~' || old.type AND other = old.a));
END;
