"""Turning user text into a safe PostgreSQL full-text query (as ``storage.fts`` does for FTS5)."""

from __future__ import annotations

from storage.fts import terms


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
