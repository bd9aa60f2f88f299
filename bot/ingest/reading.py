"""What a worker process that reads articles runs, made ready once.

The worker pools' fork server imports this module (their ``preload``) before it forks any
worker: importing it compiles the extraction rules and loads the lexicon (a warm-up article is
extracted), some 0.2 s that each worker forked from the server then starts with, instead of
paying it on its first article.
"""

from __future__ import annotations

from pathlib import Path

from bot.extract import Extraction
from bot.extract import article as rules
from bot.ingest.files import read_article

WARM_UP = "Acme and Globex team up\n\n\u201cWe will win,\u201d said Jane Doe, chief executive of Acme, on Monday.\n"


def read_and_extract(path: str, max_bytes: int) -> tuple[str, str, Extraction]:
    """One article file read and extracted: its source, content hash and extraction. Raises
    :class:`~bot.ingest.files.Unreadable`."""
    article = read_article(Path(path), max_bytes=max_bytes)
    # looked up when called: the extraction this process's modules hold (tests replace it)
    return article.source, article.content_hash, rules.extract_article(article.text, article.source)


def read_and_extract_each(paths: list[str], max_bytes: int) -> list[tuple[str, str, Extraction] | Exception]:
    """:func:`read_and_extract` of each of ``paths``: its result, or the exception it raised."""
    done: list[tuple[str, str, Extraction] | Exception] = []
    for path in paths:
        try:
            done.append(read_and_extract(path, max_bytes))
        except Exception as exc:  # this file's: the others go on
            done.append(exc)
    return done


rules.extract_article(WARM_UP, "warm-up")
