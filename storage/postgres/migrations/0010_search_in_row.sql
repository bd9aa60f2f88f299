-- Migration 9: each article's search vector kept in its row (no SQLite counterpart).
--
-- A topic's latest articles are found by walking the articles newest first and testing each
-- row's vector (the planner's choice whenever the words are common: GIN gives its matches in no
-- order). The vector (about 1.8 kB compressed at 100k generated articles) was stored out of
-- line, in TOAST, like any large value: each row tested cost a look-up in the TOAST index and
-- a page of its own, three pages a row, and the walk for a word in one article of twelve
-- about 2.7 ms. Kept in the row (STORAGE MAIN: compressed, out of line only when the row could
-- not fit a page otherwise), a row tested is the page the walk reads anyway (0.6 ms); the
-- article's body moves out of line instead, read only when an article is shown whole.
--
-- SET STORAGE applies to rows written from now on; CLUSTER rewrites the rows stored (in id
-- order, the order the walk reads them) and rebuilds the table's indexes.

ALTER TABLE articles ALTER COLUMN search SET STORAGE MAIN;
CLUSTER articles USING articles_pkey;
ANALYZE articles;
