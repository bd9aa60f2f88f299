"""Turning user text into a safe FTS5 query.

User text never reaches ``MATCH`` as syntax: it is cut into words (letters and digits in any
script), each word is wrapped in double quotes, so ``"``, ``*``, ``NEAR(``, ``AND``, ``OR``,
``NOT``, a lone ``-``, ``^`` and column filters (``title:``) are searched as the words they
contain, never interpreted.
"""

from __future__ import annotations

import re

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
