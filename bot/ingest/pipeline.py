"""Ingestion: article files -> extraction -> the store, one transaction per article."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.extract import extract
from bot.ingest.evidence import grounded
from bot.ingest.files import ArticleText, Unreadable, expand, read_article
from bot.ingest.workers import Runner, inline
from storage import SaveResult, StoreError
from storage.interface import NewsStore

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]

# a run that stores at least this many articles ends by merging the search indexes (seconds at
# 100k articles; a feed poll's few articles are left to FTS5's own merging)
OPTIMIZE_AFTER = 1000


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    dated: list[str] = field(default_factory=list)  # unchanged, given a publication date
    undated: list[tuple[str, str]] = field(default_factory=list)  # stored, but a Date: line was not read

    @property
    def stored(self) -> int:
        return len(self.added) + len(self.replaced)

    def summary(self) -> str:
        parts = [
            f"{len(self.added)} added",
            f"{len(self.replaced)} updated",
            f"{len(self.unchanged)} unchanged" + (f" ({len(self.dated)} given a date)" if self.dated else ""),
            f"{len(self.skipped)} skipped",
        ]
        return "ingested: " + ", ".join(parts)


def store_text(
    store: NewsStore,
    article: ArticleText,
    *,
    url: str | None = None,
    published: str | None = None,
    runner: Runner = inline,
) -> SaveResult:
    """Extract one decoded article (through ``runner``: here, or in a worker process under a
    deadline) and store it (status "added", "replaced" or "unchanged"; an unchanged article
    given a date it did not have is ``dated``). ``published``: the date when the article gives
    none of its own. A relation is stored only with evidence that names both its sides
    (``bot.ingest.evidence``)."""
    extraction = grounded(runner(extract, article.text, article.source))
    return store.save_article(
        extraction,
        source=article.source,
        content_hash=article.content_hash,
        url=url,
        published=article.published or published,
    )


def ingest_paths(
    store: NewsStore,
    paths: Iterable[str | Path],
    *,
    max_bytes: int,
    progress: Progress | None = None,
    runner: Runner = inline,
    published: str | None = None,
) -> IngestReport:
    """Ingest files and folders of articles. A bad file is skipped with its reason; the rest are
    stored. ``runner`` runs each extraction (see ``bot.ingest.workers``); ``published``: the date
    of every file that gives none of its own (a ``Date:`` line)."""
    files = list(expand(paths))
    report = IngestReport()
    for done, path in enumerate(files, start=1):
        try:
            article = read_article(path, max_bytes=max_bytes)
            result = store_text(store, article, published=published, runner=runner)
            status = result.status
            if result.dated:
                report.dated.append(str(path))
            if article.date_problem:
                report.undated.append((str(path), article.date_problem))
        except Unreadable as exc:
            report.skipped.append((str(path), str(exc)))
            log.warning("skipped %s: %s", path, exc)
        except StoreError:
            raise  # the store, not the article: no other would be stored either
        except Exception as exc:  # one bad article must not stop the others
            log.exception("failed to ingest %s", path)
            report.skipped.append((str(path), f"could not be processed ({type(exc).__name__}: {exc})"))
        else:
            {"added": report.added, "replaced": report.replaced, "unchanged": report.unchanged}[status].append(
                str(path)
            )
        if progress is not None:
            progress(done, len(files), str(path))
    if report.stored >= OPTIMIZE_AFTER:
        store.optimize_search()
    return report


def ensure_seeded(store: NewsStore, seeds_dir: Path, *, max_bytes: int) -> IngestReport | None:
    """Build the store from the seeds on first use (an empty store); ``None`` when not needed."""
    if store.article_count() > 0:
        return None
    return ingest_paths(store, [seeds_dir], max_bytes=max_bytes)
