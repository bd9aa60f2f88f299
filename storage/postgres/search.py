"""PostgreSQL's full-text search for the reads (``storage.queries``), with the functions of
SQLite's (``storage.fts``): user text made a safe ``to_tsquery`` expression, matched against
the ``search`` column (a tsvector kept in each row, GIN-indexed) or the role's own index."""

from __future__ import annotations

from storage.fts import Match, terms


def ts_query(text: str, *, any_term: bool = False) -> str | None:
    """A ``to_tsquery`` expression for ``text`` (every word, or any with ``any_term``), or
    ``None`` when it holds no word. Each word is letters and digits only (``storage.fts.terms``),
    quoted, so nothing the user typed is read as query syntax."""
    words = terms(text)
    if not words:
        return None
    return (" | " if any_term else " & ").join(f"'{word}'" for word in words)


# the tsquery of a ts_query expression, folded as the rows' text is (migration 1)
MATCHES = "to_tsquery('newsbot', newsbot_fold(%s))"


def articles(text: str, *, any_term: bool = False) -> Match | None:
    """The articles matching every word of ``text`` (any word: ``any_term``); ``None``: no word."""
    expr = ts_query(text, any_term=any_term)
    if expr is None:
        return None
    return Match("articles", "id", f"search @@ {MATCHES}", (expr,))


def quotes(text: str | None = None, roles=()) -> Match | None:
    """As ``storage.fts.quotes``: the role's phrases matched in its own index (``quotes_by_role``)."""
    parts, params = [], []
    if text:
        expr = ts_query(text)
        if expr is None:
            return None
        parts.append(f"search @@ {MATCHES}")
        params.append(expr)
    phrases = [terms(role, drop_stopwords=False) for role in roles]
    phrases = ["(" + " <-> ".join(f"'{word}'" for word in words) + ")" for words in phrases if words]
    if phrases:
        parts.append("to_tsvector('newsbot'::regconfig, newsbot_fold(coalesce(role, ''))) @@ " + MATCHES)
        params.append(" | ".join(phrases))
    if not parts:
        return None
    return Match("quotes", "id", " AND ".join(parts), tuple(params))
