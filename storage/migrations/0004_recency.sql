-- Migration 4: recency.
--
-- Newest-first reads without sorting the whole table: an index on the recency expression
-- the queries order by, and relation/quote look-ups that can walk an index in id order.

CREATE INDEX articles_recency ON articles(coalesce(published, ingested_at) DESC, id DESC);
CREATE INDEX relations_a_id ON relations(a COLLATE NOCASE, id);
CREATE INDEX relations_b_id ON relations(b COLLATE NOCASE, id);
CREATE INDEX quotes_speaker_id ON quotes(speaker COLLATE NOCASE, id);
CREATE INDEX quotes_org_id ON quotes(org COLLATE NOCASE, id);
DROP INDEX relations_a;
DROP INDEX relations_b;
DROP INDEX quotes_speaker;
DROP INDEX quotes_org;
