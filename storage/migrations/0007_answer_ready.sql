-- Migration 7: answer ready.
--
-- What the answers need, kept ready at write time so that no answer does work in
-- proportion to the store:
--
-- - ``counters``: the number of articles, and a generation of the names (entities and
--   aliases), kept by triggers (``count(*)`` walks a whole table);
-- - ``sentences.rank``: each sentence's place by summary score within its article, so an
--   article's top sentences are read from a small partial index instead of sorted;
-- - ``relation_pairs``: one row per (company, type, other company) with how many relations
--   attest it and the latest one, kept by triggers, so /rivals reads the most attested pairs
--   of a company instead of grouping its relations; the evidence of a pair walks an index;
-- - indexes for the look-ups of names, products and people by organisation (case-insensitive);
-- - ``sentences_fts`` is dropped: no query searches single sentences, and it cost a quarter of
--   the database and of the write time.
--
-- Everything is backfilled from the rows already stored.

DROP TRIGGER IF EXISTS sentences_ai;
DROP TRIGGER IF EXISTS sentences_ad;
DROP TRIGGER IF EXISTS sentences_au;
DROP TABLE IF EXISTS sentences_fts;

CREATE TABLE counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO counters (name, n) VALUES ('articles', (SELECT count(*) FROM articles)), ('names', 0);
CREATE TRIGGER counters_articles_ai AFTER INSERT ON articles BEGIN
    UPDATE counters SET n = n + 1 WHERE name = 'articles';
END;
CREATE TRIGGER counters_articles_ad AFTER DELETE ON articles BEGIN
    UPDATE counters SET n = n - 1 WHERE name = 'articles';
END;
CREATE TRIGGER counters_entities_ai AFTER INSERT ON entities BEGIN
    UPDATE counters SET n = n + 1 WHERE name = 'names';
END;
CREATE TRIGGER counters_entities_au AFTER UPDATE ON entities
WHEN old.name IS NOT new.name OR old.type IS NOT new.type OR old.owner IS NOT new.owner
    OR old.role IS NOT new.role OR old.org IS NOT new.org BEGIN
    UPDATE counters SET n = n + 1 WHERE name = 'names';
END;
CREATE TRIGGER counters_entities_ad AFTER DELETE ON entities BEGIN
    UPDATE counters SET n = n + 1 WHERE name = 'names';
END;
CREATE TRIGGER counters_aliases_ai AFTER INSERT ON aliases BEGIN
    UPDATE counters SET n = n + 1 WHERE name = 'names';
END;
CREATE TRIGGER counters_aliases_ad AFTER DELETE ON aliases BEGIN
    UPDATE counters SET n = n + 1 WHERE name = 'names';
END;

ALTER TABLE sentences ADD COLUMN rank INTEGER;
UPDATE sentences SET rank = ranked.rank FROM (
    SELECT id, row_number() OVER (PARTITION BY article_id ORDER BY score DESC, idx) AS rank FROM sentences
) AS ranked WHERE ranked.id = sentences.id;
CREATE INDEX sentences_top ON sentences(article_id, rank) WHERE rank <= 3;

CREATE TABLE relation_pairs (
    company TEXT NOT NULL COLLATE NOCASE,
    type TEXT NOT NULL,
    other TEXT NOT NULL COLLATE NOCASE,
    n INTEGER NOT NULL,
    last_id INTEGER NOT NULL,
    PRIMARY KEY (company, type, other)
) WITHOUT ROWID;
CREATE INDEX relation_pairs_best ON relation_pairs(company, type, n DESC, last_id DESC);
INSERT INTO relation_pairs (company, type, other, n, last_id)
    SELECT company, type, other, count(*), max(id) FROM (
        SELECT a AS company, type, b AS other, id FROM relations
        UNION ALL SELECT b, type, a, id FROM relations WHERE b <> a COLLATE NOCASE
    ) GROUP BY company COLLATE NOCASE, type, other COLLATE NOCASE;
CREATE TRIGGER relation_pairs_ai AFTER INSERT ON relations BEGIN
    INSERT INTO relation_pairs (company, type, other, n, last_id) VALUES (new.a, new.type, new.b, 1, new.id)
        ON CONFLICT (company, type, other) DO UPDATE SET n = n + 1, last_id = max(last_id, excluded.last_id);
    INSERT INTO relation_pairs (company, type, other, n, last_id)
        SELECT new.b, new.type, new.a, 1, new.id WHERE new.b <> new.a COLLATE NOCASE
        ON CONFLICT (company, type, other) DO UPDATE SET n = n + 1, last_id = max(last_id, excluded.last_id);
END;
CREATE TRIGGER relation_pairs_ad AFTER DELETE ON relations BEGIN
    UPDATE relation_pairs SET n = n - 1, last_id = coalesce((
        SELECT max(id) FROM relations WHERE type = old.type
        AND ((a = old.a COLLATE NOCASE AND b = old.b COLLATE NOCASE)
            OR (a = old.b COLLATE NOCASE AND b = old.a COLLATE NOCASE))), 0)
    WHERE type = old.type AND ((company = old.a AND other = old.b) OR (company = old.b AND other = old.a));
    DELETE FROM relation_pairs WHERE n <= 0 AND type = old.type
        AND ((company = old.a AND other = old.b) OR (company = old.b AND other = old.a));
END;
CREATE INDEX relations_pair ON relations(a COLLATE NOCASE, b COLLATE NOCASE, type, id);

CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX entities_person_org ON entities(org COLLATE NOCASE) WHERE type = 'person';
CREATE INDEX entities_product_owner ON entities(owner COLLATE NOCASE) WHERE type = 'product';
