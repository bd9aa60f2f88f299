"""Polling RSS and Atom feeds: conditional GET, new entries fetched and stored once.

An entry is new unless its GUID was seen in this feed, or its canonical link anywhere; the
store itself refuses the same content twice, so one story under several URLs is stored once.
A feed that is not well-formed XML is refused whole (feedparser would salvage what it can
from it, but a half-read feed is not what its publisher meant), and nothing changes.

The feed's validators (ETag, Last-Modified) are kept only when every new entry was stored or
is known to be unusable: an entry that failed for a reason that may pass (a timeout, a 404
before the page goes live) is tried again at the next poll, which a 304 would prevent.

A poll has a deadline (:data:`FEED_SECONDS` a feed, :data:`ALL_SECONDS` for every feed):
entries not reached by then are left for the next poll, so a feed of slow pages cannot hold
the thread polling it (nor the person waiting for ``feeds add``) for ever.
"""

from __future__ import annotations

import io
import logging
import math
import time
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Any
from xml.sax import SAXException, SAXParseException

from bot.fetch.addresses import FetchError, Policy, redact
from bot.fetch.http import Response, fetch
from bot.fetch.links import canonical
from bot.fetch.pages import Page, fetch_page, iso_date, read, store_page
from bot.ingest.workers import STOPPING, Runner, inline
from storage.interface import NewsStore
from storage.teams import Holders

log = logging.getLogger("bot.fetch")

FETCHERS = 4  # pages fetched at once
BATCH = 100  # entries seen, written to the store together
AHEAD = 8  # pages fetched ahead of the one being stored, at most (each up to the size limit)
ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, */*;q=0.1"
# an entry failing like this fails the same way next time: it is remembered, not retried
FINAL = (
    "refused:",
    "not a web page",
    "no article text",
    "no headline",
    "could not read the page",
    "HTTP 410",
    "too large",
    "took longer than",
)
FEED_SECONDS = 120.0  # a feed's poll, its entries' pages included
ALL_SECONDS = 600.0  # every feed's
OUT_OF_TIME = "not polled: the poll ran out of time (it is polled next time)"


@dataclass
class PollReport:
    feed: str
    stored: int = 0
    duplicates: int = 0
    not_modified: bool = False
    error: str | None = None
    failed: list[tuple[str, str]] = field(default_factory=list)  # tried again at the next poll
    skipped: list[tuple[str, str]] = field(default_factory=list)  # unusable: not tried again
    unfinished: int = 0  # new entries not reached before the poll's deadline: tried at the next poll

    def summary(self) -> str:
        if self.error:
            return f"{self.feed}: {self.error}"
        if self.not_modified:
            return f"{self.feed}: not modified since the last poll"
        parts = [f"{self.stored} stored", f"{self.duplicates} already known"]
        if self.failed:
            parts.append(f"{len(self.failed)} failed (tried again at the next poll)")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        if self.unfinished:
            parts.append(f"{self.unfinished} not reached in time (tried at the next poll)")
        problems = [f"{link}: {reason}" for link, reason in (self.failed + self.skipped)[:3]]
        return f"{self.feed}: " + ", ".join(parts) + "".join(f"\n  {p}" for p in problems)


def parse(response: Response):
    """The feed in a 200 answer, or :class:`FetchError` saying why there is none."""
    import feedparser  # imported on use: only polling needs it

    # a stream, never bytes: feedparser would take bytes naming a file for that file's path
    try:
        parsed = feedparser.parse(
            io.BytesIO(response.body),
            response_headers={
                "content-type": response.headers.get("content-type", ""),
                "content-location": response.url,  # relative links resolve against the feed
            },
        )
    except Exception as exc:  # feedparser choking is a bad feed, not a crash
        log.warning("feedparser failed on %s", redact(response.url), exc_info=True)
        raise FetchError(f"could not read the feed ({type(exc).__name__})") from exc
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(problem, SAXException):
        where = f"line {problem.getLineNumber()}: " if isinstance(problem, SAXParseException) else ""
        if not parsed.get("version") and not parsed.entries:
            raise FetchError(f"not a feed ({response.content_type or 'no content type'})")
        raise FetchError(f"malformed feed, not well-formed XML ({where}{problem.getMessage()})")
    if not parsed.get("version"):
        raise FetchError(f"not a feed ({response.content_type or 'no content type'})")
    return parsed


def _published(entry) -> str | None:
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    return iso_date(time.strftime("%Y-%m-%dT%H:%M:%SZ", when)) if when else None


def poll(
    store: NewsStore,
    feed: dict,
    policy: Policy,
    *,
    runner: Runner = inline,
    seconds: float = FEED_SECONDS,
    deadline: float = math.inf,
    joining: str | None = None,
) -> PollReport:
    """Poll one feed for at most ``seconds`` (and not past ``deadline``, a ``time.monotonic()``);
    its pages are read, and their articles extracted, through ``runner``.

    ``joining``: the first poll of a workspace that has just followed a feed other workspaces
    follow, made as the first poll of a feed new to it: the whole feed is read (no conditional
    GET), and each entry whose story that workspace cannot read yet is stored for it (the page
    read again and shared, stored once; an entry new to the feed, for every workspace that
    follows it), so it gets the same stories, and the same report, whether or not another
    workspace followed the feed first."""
    deadline = min(deadline, time.monotonic() + seconds)
    report = PollReport(redact(feed["url"]))
    headers = {"Accept": ACCEPT}
    if joining is None and feed.get("etag"):
        headers["If-None-Match"] = feed["etag"]
    if joining is None and feed.get("last_modified"):
        headers["If-Modified-Since"] = feed["last_modified"]
    try:
        response = fetch(feed["url"], policy, headers=headers)
        if response.status == 304:
            report.not_modified = True
            store.feeds.polled(feed["id"], status="not modified")
            return report
        if response.status != 200:
            raise FetchError(f"HTTP {response.status}")
        parsed = parse(response)
    except FetchError as exc:
        report.error = str(exc)
        if joining is None:  # a workspace that could not join leaves the others' record as it was
            store.feeds.polled(feed["id"], status="error", error=report.error)
        return report

    items = [_Item.of(entry) for entry in reversed(parsed.entries)]  # oldest first: undated, the newest ends latest
    known = _Known(_holder(store, feed, joining), feed["id"], joining)
    try:
        with _Pages(store, feed, items, policy, runner, joining) as pages:
            for n, item in enumerate(items):
                try:
                    _take(known, item, pages, report, deadline)
                except _OutOfTime:
                    report.unfinished = sum(1 for rest in items[n:] if rest.ahead is not None)
                    pages.abandon()
                    break
    finally:
        known.flush()
    keep = not report.failed and not report.unfinished
    store.feeds.polled(
        feed["id"],
        status="ok",
        error="; ".join(f"{link}: {reason}" for link, reason in (report.failed + report.skipped)[:3]) or None,
        validators=(response.headers.get("etag"), response.headers.get("last-modified")) if keep else None,
        title=(parsed.feed.get("title") or "").strip()[:300] or None,
    )
    return report


def _holder(store: NewsStore, feed: dict, joining: str | None = None) -> NewsStore:
    """Where a feed's articles are stored: for every workspace, or, for a feed only some
    workspaces follow (``/digest feeds add`` with many workspaces), for those alone; the
    workspace ``joining`` first, so that what a save reports is what it is to that workspace."""
    if feed.get("shared", 1):
        return store
    teams = store.feed_teams(feed["id"])  # none left: refused, never stored for everyone
    return Holders(store, sorted(teams, key=lambda team: team != joining))


@dataclass
class _Item:
    entry: Any
    link: str
    guid: str
    key: str  # the canonical link
    ahead: int | None = None  # its place among the pages fetched ahead

    @classmethod
    def of(cls, entry) -> _Item:
        link = (entry.get("link") or "").strip()
        guid = (entry.get("id") or "").strip() or (canonical(link) if link else "")
        return cls(entry, link, guid, canonical(link) if link else "")


class _OutOfTime(Exception):
    """The poll's deadline passed, or the bot is stopping."""


class _Pages:
    """The entries' pages, fetched (and read, through the runner) by a few threads a little
    ahead of the one being stored, so a poll waits for the network once per few pages, not once
    per page. Only the first entry for each link and GUID that is not known yet is fetched
    ahead; storing stays in the polling thread, in the feed's order."""

    def __init__(self, store: NewsStore, feed: dict, items: list[_Item], policy: Policy, runner: Runner, joining=None):
        self._policy, self.runner = policy, runner
        self._wait = True
        self._plan: list[_Item] = []
        keys, guids = set(), set()
        seen = store.feeds.seen if joining is None else lambda *entry: store.feeds.seen_by(*entry, joining)
        for item in items:
            fresh = item.link and item.key not in keys and item.guid not in guids
            if fresh and not seen(feed["id"], item.guid, item.key):
                item.ahead = len(self._plan)
                self._plan.append(item)
            keys.add(item.key)
            guids.add(item.guid)
        self._pool = ThreadPoolExecutor(FETCHERS, thread_name_prefix="newsbot-pages") if len(self._plan) > 1 else None
        self._futures: dict[int, Future] = {}
        self._submitted = 0

    def __enter__(self) -> _Pages:
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            # after the deadline, pages being fetched are not waited for: each ends by itself
            # (the fetch's deadline, the runner's), and is dropped
            self._pool.shutdown(wait=self._wait, cancel_futures=True)

    def abandon(self) -> None:
        self._wait = False

    def _read(self, link: str) -> Page:
        return read(fetch_page(link, self._policy), self.runner)

    def get(self, item: _Item, deadline: float) -> Page:
        """The item's page (or the FetchError reading it raised); :class:`_OutOfTime` when
        ``deadline`` passes while waiting for it."""
        if self._pool is not None and item.ahead is not None:
            while self._submitted < min(len(self._plan), item.ahead + 1 + AHEAD):
                ahead = self._plan[self._submitted]
                self._futures[ahead.ahead] = self._pool.submit(self._read, ahead.link)
                self._submitted += 1
            future = self._futures.pop(item.ahead, None)
            if future is not None:
                try:
                    return future.result(timeout=max(0.0, deadline - time.monotonic()))
                except FutureTimeout:
                    raise _OutOfTime from None
        return self._read(item.link)


class _Known:
    """The entries seen, as the store has them plus those of this poll not written yet: they are
    written together every :data:`BATCH` entries and at the end of the poll (one transaction,
    not one per entry). Should the process stop in between, the next poll finds those stories
    by their link among the articles (or, reached under another link, by their content)."""

    def __init__(self, store: NewsStore, feed_id: int, joining: str | None = None):
        self.store, self.feed_id, self.joining = store, feed_id, joining
        self._rows: list[tuple[str, str, int | None]] = []
        self._guids: set[str] = set()
        self._keys: set[str] = set()

    def seen(self, guid: str, key: str | None) -> bool:
        if guid in self._guids or (key and key in self._keys):
            return True
        if self.joining is not None:  # a workspace's first poll of a feed others follow
            return self.store.feeds.seen_by(self.feed_id, guid, key, self.joining)
        if isinstance(self.store, Holders):
            # a feed of some workspaces: a story stored from another feed or page may be one
            # they cannot see yet, so only this feed's own entries count as seen
            return self.store.feeds.seen_here(self.feed_id, guid, key)
        # a feed for everyone: a story only some workspaces hold is stored again, for everyone
        return self.store.feeds.seen_by_all(self.feed_id, guid, key)

    def remember(self, guid: str, key: str, article_id: int | None) -> None:
        self._rows.append((guid, key, article_id))
        self._guids.add(guid)
        if key:
            self._keys.add(key)
        if len(self._rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        self.store.feeds.remember_many(self.feed_id, self._rows)
        self._rows = []


def _take(known: _Known, item: _Item, pages: _Pages, report: PollReport, deadline: float) -> None:
    """One entry: known, stored, failed (to try again) or skipped (remembered as unusable);
    :class:`_OutOfTime` when it needs fetching and the deadline has passed."""
    link, guid, key = item.link, item.guid, item.key
    if not link:
        if guid and known.seen(guid, None):
            report.duplicates += 1
            return
        if guid:
            known.remember(guid, "", None)
        report.skipped.append((f"({(item.entry.get('title') or 'an entry')[:80]})", "it has no link"))
        return
    if known.seen(guid, key):
        report.duplicates += 1
        return
    if time.monotonic() >= deadline:
        raise _OutOfTime
    try:
        page = pages.get(item, deadline)
        result = store_page(known.store, page, published=_published(item.entry), runner=pages.runner)
    except FetchError as exc:
        reason = str(exc)
        if reason == STOPPING:  # the bot is stopping: so does the poll, its entries left for the next
            raise _OutOfTime from exc
        if reason.startswith(FINAL):
            known.remember(guid, key, None)
            report.skipped.append((redact(link)[:200], reason))
        else:
            report.failed.append((redact(link)[:200], reason))
        return
    except _OutOfTime:
        raise
    except Exception as exc:  # one entry's surprise must not stop the others
        log.exception("feed entry %s could not be stored", redact(link))
        report.failed.append((redact(link)[:200], f"could not be stored ({type(exc).__name__})"))
        return
    known.remember(guid, key, result.article_id)
    if result.status == "unchanged":
        report.duplicates += 1  # the same story, already stored from another link
    else:
        report.stored += 1


def shown(feed: dict, team: str | None) -> str:
    """A feed's address as a workspace is shown it: a feed only some workspaces follow is
    stored as the first of them typed it, so each is shown its canonical form (never another
    workspace's spelling, its tracking parameters included)."""
    return canonical(feed["url"]) if team is not None and not feed["shared"] else feed["url"]


def poll_all(
    store: NewsStore,
    policy: Policy,
    *,
    runner: Runner = inline,
    seconds: float = ALL_SECONDS,
    team: str | None = None,
) -> list[PollReport]:
    """Poll every feed (``team``: those that workspace sees), for at most ``seconds`` in all
    (feeds not reached by then are polled next time); one feed's failure, whatever it is, does
    not stop the others."""
    deadline = time.monotonic() + seconds
    reports = []
    for feed in store.feeds.all_feeds(team=team):
        if time.monotonic() >= deadline:
            reports.append(PollReport(redact(shown(feed, team)), error=OUT_OF_TIME))
            continue
        try:
            report = poll(store, feed, policy, runner=runner, deadline=deadline)
        except Exception as exc:
            log.exception("polling %s failed", redact(feed["url"]))
            report = PollReport(redact(shown(feed, team)), error=f"could not be polled ({type(exc).__name__})")
        report.feed = redact(shown(feed, team))
        log.info("feed poll: %s", report.summary().replace("\n", ";"))
        reports.append(report)
    return reports


POLL_JOB = "feeds-poll"


def schedule_polling(
    scheduler, store: NewsStore, policy: Policy, *, minutes: int, runner: Runner = inline, first_in: float = 5.0
) -> None:
    """Poll every followed feed every ``minutes`` on an APScheduler ``scheduler``, the first time
    ``first_in`` seconds after start (a restart does not leave the news stale for a whole
    interval; conditional GET makes the extra poll cheap). One poll at a time: a slow one is not
    overlapped by the next."""
    from datetime import UTC, datetime, timedelta

    scheduler.add_job(
        poll_all,
        "interval",
        args=[store, policy],
        kwargs={"runner": runner},
        minutes=minutes,
        id=POLL_JOB,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        next_run_time=datetime.now(UTC) + timedelta(seconds=first_in),
    )
