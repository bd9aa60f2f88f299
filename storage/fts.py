"""Turning user text into a safe FTS5 query, and SQLite's full-text search for the reads
(``storage.queries``; PostgreSQL's is ``storage.postgres.search``, with the same functions).

User text never reaches ``MATCH`` as syntax: it is cut into words (letters and digits in any
script), each word is wrapped in double quotes, so ``"``, ``*``, ``NEAR(``, ``AND``, ``OR``,
``NOT``, a lone ``-``, ``^`` and column filters (``title:``) are searched as the words they
contain, never interpreted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)

# Words too common to narrow a search; a query made only of these keeps them.
STOPWORDS = frozenset(
    """
    a an and any are as at be been but by did do does for from had has have he her his how i in
    into is it its me my no not of on or our say said says she so than that the their them then
    there these they this to tell us was we were what when where which who whom why will with
    you your about news latest
    """.split()
)

MAX_TERMS = 12


def terms(text: str, *, drop_stopwords: bool = True) -> list[str]:
    """The searchable words of ``text``, lower-cased, de-duplicated, in order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        if word.replace("_", ""):
            seen.setdefault(word.strip("_") or word, None)
    words = list(seen)
    if drop_stopwords:
        kept = [w for w in words if w not in STOPWORDS]
        words = kept or words
    return words[:MAX_TERMS]


def match_expression(text: str, *, any_term: bool = False, drop_stopwords: bool = True) -> str | None:
    """An FTS5 ``MATCH`` expression for ``text``, or ``None`` when it holds no word.

    Every term is a quoted string, so nothing the user typed is read as FTS5 syntax. Terms are
    joined with AND (all must occur) unless ``any_term`` asks for OR.
    """
    words = terms(text, drop_stopwords=drop_stopwords)
    if not words:
        return None
    joiner = " OR " if any_term else " AND "
    return joiner.join(f'"{w}"' for w in words)


@dataclass(frozen=True)
class Match:
    """The rows of a table whose words match a query, as a store's full-text search finds them:
    read from ``source``, where ``where`` holds (with ``params``), each row's id its ``key``
    there."""

    source: str
    key: str
    where: str
    params: tuple

    def latest(self, n: int | str) -> str:
        """The ids of the latest ``n`` matches stored, the latest first (an index walk)."""
        return f"SELECT {self.key} FROM {self.source} WHERE {self.where} ORDER BY {self.key} DESC LIMIT {n}"

    def some(self, n: int | str) -> str:
        """The ids of ``n`` matches, in the order the index holds them (the cheapest to count)."""
        return f"SELECT {self.key} FROM {self.source} WHERE {self.where} LIMIT {n}"


# SQLite's full-text search: FTS5 tables beside the articles and the quotes, walked by rowid


def articles(text: str, *, any_term: bool = False) -> Match | None:
    """The articles matching every word of ``text`` (any word: ``any_term``); ``None``: no word."""
    expr = match_expression(text, any_term=any_term)
    if expr is None:
        return None
    return Match("articles_fts", "rowid", "articles_fts MATCH ?", (expr,))


def quotes(text: str | None = None, roles=()) -> Match | None:
    """The quotes whose words, speaker, role or organisation match every word of ``text``, said
    by someone whose role is one of ``roles`` (each a phrase of the role column); ``None``: no
    word to match."""
    parts = []
    if text:
        expr = match_expression(text)
        if expr is None:
            return None
        parts.append(f"({expr})")
    wanted = [match_expression(role, drop_stopwords=False) for role in roles]
    wanted = [f"({w.replace(' AND ', ' + ')})" for w in wanted if w]  # each role a phrase
    if wanted:
        parts.append("role : (" + " OR ".join(wanted) + ")")
    if not parts:
        return None
    return Match("quotes_fts", "rowid", "quotes_fts MATCH ?", (" AND ".join(parts),))
