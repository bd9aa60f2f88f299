"""What a worker process that reads articles runs, made ready once.

The worker pools' fork server imports this module (their ``preload``) before it forks any
worker: importing it compiles the extraction rules and loads the lexicon (a warm-up article is
extracted), some 0.2 s that each worker forked from the server then starts with, instead of
paying it on its first article.
"""

from __future__ import annotations

from pathlib import Path

from bot.extract import article as rules
from bot.ingest.evidence import grounded
from bot.ingest.files import Read, read_article

WARM_UP = "Acme and Globex team up\n\n\u201cWe will win,\u201d said Jane Doe, chief executive of Acme, on Monday.\n"


def read_and_extract(path: str, max_bytes: int) -> Read:
    """One article file read and extracted, its relations kept only with evidence that names
    both sides (``bot.ingest.evidence``). Raises :class:`~bot.ingest.files.Unreadable`."""
    article = read_article(Path(path), max_bytes=max_bytes)
    # looked up when called: the extraction this process's modules hold (tests replace it)
    extraction = grounded(rules.extract_article(article.text, article.source))
    return Read(article.source, article.content_hash, article.published, article.date_problem, extraction)


def read_and_extract_each(paths: list[str], max_bytes: int) -> list[Read | Exception]:
    """:func:`read_and_extract` of each of ``paths``: its result, or the exception it raised."""
    done: list[Read | Exception] = []
    for path in paths:
        try:
            done.append(read_and_extract(path, max_bytes))
        except Exception as exc:  # this file's: the others go on
            done.append(exc)
    return done


rules.extract_article(WARM_UP, "warm-up")
