"""Ingestion: article files -> extraction -> the store.

Each file is read and extracted by a runner: here (``inline``), or in worker processes under a
deadline (a :class:`~bot.ingest.workers.WorkerPool`), each worker given a few files at a time.
One writer, the calling thread, stores the articles in the order of the files, many in a
transaction: a commit per article wrote every page the article touched to the write-ahead log
again, 37 times the store's growth.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bot.ingest.evidence import grounded
from bot.ingest.files import ArticleText, Read, Unreadable, expand
from bot.ingest.workers import Named, Runner, inline
from storage import SaveResult, StoreError
from storage.interface import NewsStore

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]

BATCH = 500  # articles stored in one transaction at most...
BATCH_SECONDS = 5.0  # ...and none waits longer than this for its transaction (a follow elsewhere sees it)
# ...and near the end, those waiting are stored once they are this many times the files still to
# be read: the writer stores them while the workers read the rest, so that what is left to store
# after the last file is read is a few articles, not a whole batch (sharing two processors with
# two workers, the writer stores two or three articles in the time they read one)
TAIL = 2
# a run that stores at least this many articles ends by merging the full-text segments it wrote
# (a feed poll's few articles are left to FTS5's own merging)
MERGE_AFTER = 100


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

    def record(self, path: str, status: str) -> None:
        {"added": self.added, "replaced": self.replaced, "unchanged": self.unchanged}[status].append(path)


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
    from bot.extract import extract

    extraction = grounded(runner(extract, article.text, article.source))
    return store.save_article(
        extraction,
        source=article.source,
        content_hash=article.content_hash,
        url=url,
        published=article.published or published,
    )


# article files read and extracted, each (source, content hash, extraction) or what went wrong,
# where the runner runs them: in a worker process under its deadline, whose fork server has
# bot.ingest.reading ready
READ_AND_EXTRACT = Named("bot.ingest.reading", "read_and_extract_each")
CHUNK = 8  # files a worker is given at a time (a call and its answer cost the writer's process)
AHEAD = BATCH  # files read ahead of the writer at most: the workers go on while it stores a batch

Outcome = Read | BaseException


def _attempt(runner: Runner, paths: list[Path], max_bytes: int) -> list[Outcome]:
    """Each of ``paths`` read and extracted in one call (under one deadline); when the call
    fails as a whole (it passed the deadline, its worker died), each file again on its own, so
    that only the file at fault is refused."""
    try:
        return runner(READ_AND_EXTRACT, [str(path) for path in paths], max_bytes)
    except Exception as exc:  # handed to the writer, which reports it with the file
        if len(paths) == 1:
            return [exc]
    return [outcome for path in paths for outcome in _attempt(runner, [path], max_bytes)]


def _extracted(
    files: list[Path], runner: Runner, max_bytes: int, lanes: int, threads: ThreadPoolExecutor | None
) -> Iterator[tuple[Path, Outcome]]:
    """Each file with its extraction (or what went wrong), in the order of ``files``: ``lanes``
    calls at a time, of ``CHUNK`` files each, and more queued, up to ``AHEAD`` files, so that no
    worker waits for the writer, even while it stores a batch."""
    if threads is None:
        for path in files:
            yield path, _attempt(runner, [path], max_bytes)[0]
        return
    chunks = (files[start : start + CHUNK] for start in range(0, len(files), CHUNK))
    ahead: deque[tuple[list[Path], Future]] = deque()
    for chunk in chunks:
        ahead.append((chunk, threads.submit(_attempt, runner, chunk, max_bytes)))
        if len(ahead) * CHUNK >= max(AHEAD, 4 * lanes * CHUNK):
            break
    while ahead:
        chunk, future = ahead.popleft()
        following = next(chunks, None)
        if following is not None:
            ahead.append((following, threads.submit(_attempt, runner, following, max_bytes)))
        yield from zip(chunk, future.result(), strict=True)


class _Writer:
    """Stores extracted articles in batches: one transaction for up to ``BATCH`` articles, or for
    those that waited ``BATCH_SECONDS``, and smaller ones near the end (``TAIL``). A batch the
    store refuses (an article whose facts break a constraint) is stored again one article at a
    time, so only that article is skipped. ``published``: the date of every article that gives
    none of its own."""

    def __init__(self, store: NewsStore, report: IngestReport, published: str | None = None):
        self.store = store
        self.report = report
        self.published = published
        self.pending: list[tuple[str, Read]] = []
        self.since = 0.0

    def add(self, path: str, read: Read) -> None:
        if not self.pending:
            self.since = time.monotonic()
        self.pending.append((path, read))
        if read.date_problem:
            self.report.undated.append((path, read.date_problem))

    def due(self, unread: int) -> None:
        """Store what waits when a batch is full, has waited long enough, or, with ``unread``
        files still to come, is ``TAIL`` times as many (all of it when none is to come)."""
        waiting = len(self.pending)
        if waiting >= min(BATCH, TAIL * unread) or time.monotonic() - self.since >= BATCH_SECONDS:
            self.flush()

    def _keywords(self, read: Read) -> dict:
        return {"source": read.source, "content_hash": read.content_hash, "published": read.published or self.published}

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        try:
            results = self.store.save_articles((read.extraction, self._keywords(read)) for _path, read in batch)
        except StoreError:
            raise  # the store, not an article: no other would be stored either
        except Exception:  # nothing of the batch was stored: each alone, to find the one refused
            results = [self._one(path, read) for path, read in batch]
        for (path, _read), result in zip(batch, results, strict=True):
            if result is not None:
                self.report.record(path, result.status)
                if result.dated:
                    self.report.dated.append(path)

    def _one(self, path: str, read: Read) -> SaveResult | None:
        try:
            return self.store.save_article(read.extraction, **self._keywords(read))
        except StoreError:
            raise
        except Exception as exc:
            log.exception("failed to store %s", path)
            self.report.skipped.append((path, f"could not be stored ({type(exc).__name__}: {exc})"))
            return None


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
    stored. ``runner`` reads and extracts each file (see ``bot.ingest.workers``); a pool's
    workers each take a file at a time, while this thread stores what they give back.
    ``published``: the date of every file that gives none of its own (a ``Date:`` line)."""
    files = list(expand(paths))
    report = IngestReport()
    writer = _Writer(store, report, published)
    # a call at a time for each worker, or as many as it is given at a time (``WorkerPool.depth``)
    lanes = max(1, getattr(runner, "workers", 1)) * max(1, getattr(runner, "depth", 1))
    threads = ThreadPoolExecutor(lanes, thread_name_prefix="newsbot-ingest") if lanes > 1 and len(files) > 1 else None
    with store.bulk_load():  # the log folded into the store when large and at the end, not each batch
        try:
            for done, (path, outcome) in enumerate(_extracted(files, runner, max_bytes, lanes, threads), start=1):
                if isinstance(outcome, Unreadable):
                    report.skipped.append((str(path), str(outcome)))
                    log.warning("skipped %s: %s", path, outcome)
                elif isinstance(outcome, BaseException):  # one bad article must not stop the others
                    log.error("failed to ingest %s", path, exc_info=outcome)
                    report.skipped.append((str(path), f"could not be processed ({type(outcome).__name__}: {outcome})"))
                else:
                    writer.add(str(path), outcome)
                writer.due(len(files) - done)  # all stored before the progress says all are done
                if progress is not None:
                    progress(done, len(files), str(path))
            writer.flush()
        finally:
            if threads is not None:  # an interrupted run: the files still queued are not read
                threads.shutdown(wait=False, cancel_futures=True)
        order = {str(path): place for place, path in enumerate(files)}
        report.skipped.sort(key=lambda skipped: order.get(skipped[0], 0))  # refused when read or when stored
        if report.stored >= MERGE_AFTER:
            store.merge_search(report.stored)
    return report


def ensure_seeded(store: NewsStore, seeds_dir: Path, *, max_bytes: int) -> IngestReport | None:
    """Build the store from the seeds on first use (an empty store); ``None`` when not needed."""
    if store.article_count() > 0:
        return None
    return ingest_paths(store, [seeds_dir], max_bytes=max_bytes)
