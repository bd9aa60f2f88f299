-- Migration 12: pair leads.
--
-- Each pair's lead (``relation_pairs.lead``): the one piece of its evidence a company's
-- list of pairs shows, the latest article's first sentence of those kept (a story states a
-- rivalry most plainly where it first mentions it), as JSON. A trigger sets it whenever the
-- pair's evidence changes. /rivals then reads a third of the JSON it read, and sorts none.
-- Backfilled from the evidence stored.

ALTER TABLE relation_pairs ADD COLUMN lead TEXT;
UPDATE relation_pairs SET lead = (SELECT value FROM json_each(relation_pairs.evidence) ORDER BY json_extract(value, '$.article_id') DESC, json_extract(value, '$.id') LIMIT 1);
CREATE TRIGGER relation_pairs_lead AFTER UPDATE OF evidence ON relation_pairs BEGIN
    UPDATE relation_pairs SET lead = (SELECT value FROM json_each(new.evidence) ORDER BY json_extract(value, '$.article_id') DESC, json_extract(value, '$.id') LIMIT 1)
        WHERE company = new.company AND type = new.type AND other = new.other;
END;
