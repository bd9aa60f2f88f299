"""Polling RSS and Atom feeds: conditional GET, new entries fetched and stored once.

An entry is new unless its GUID was seen in this feed, or its canonical link anywhere; the
store itself refuses the same content twice, so one story under several URLs is stored once.
A feed that is not well-formed XML is refused whole (feedparser would salvage what it can
from it, but a half-read feed is not what its publisher meant), and nothing changes.

The feed's validators (ETag, Last-Modified) are kept only when every new entry was stored or
is known to be unusable: an entry that failed for a reason that may pass (a timeout, a 404
before the page goes live) is tried again at the next poll, which a 304 would prevent.
"""

from __future__ import annotations

import io
import logging
import time
from dataclasses import dataclass, field
from xml.sax import SAXException, SAXParseException

from bot.fetch.http import FetchError, Policy, Response, fetch, redact
from bot.fetch.links import canonical
from bot.fetch.pages import iso_date, read_page, store_page
from storage import Store
from storage import feeds as follow

log = logging.getLogger("bot.fetch")

ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, */*;q=0.1"
# an entry failing like this fails the same way next time: it is remembered, not retried
FINAL = ("refused:", "not a web page", "no article text", "no headline", "could not read the page", "HTTP 410")


@dataclass
class PollReport:
    feed: str
    stored: int = 0
    duplicates: int = 0
    not_modified: bool = False
    error: str | None = None
    failed: list[tuple[str, str]] = field(default_factory=list)  # tried again at the next poll
    skipped: list[tuple[str, str]] = field(default_factory=list)  # unusable: not tried again

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
        problems = [f"{link}: {reason}" for link, reason in (self.failed + self.skipped)[:3]]
        return f"{self.feed}: " + ", ".join(parts) + "".join(f"\n  {p}" for p in problems)


def parse(response: Response):
    """The feed in a 200 answer, or :class:`FetchError` saying why there is none."""
    import feedparser  # imported on use: only polling needs it

    # a stream, never bytes: feedparser would take bytes naming a file for that file's path
    parsed = feedparser.parse(
        io.BytesIO(response.body),
        response_headers={
            "content-type": response.headers.get("content-type", ""),
            "content-location": response.url,  # relative links resolve against the feed
        },
    )
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


def poll(store: Store, feed: dict, policy: Policy) -> PollReport:
    report = PollReport(redact(feed["url"]))
    headers = {"Accept": ACCEPT}
    if feed.get("etag"):
        headers["If-None-Match"] = feed["etag"]
    if feed.get("last_modified"):
        headers["If-Modified-Since"] = feed["last_modified"]
    try:
        response = fetch(feed["url"], policy, headers=headers)
        if response.status == 304:
            report.not_modified = True
            follow.polled(store, feed["id"], status="not modified")
            return report
        if response.status != 200:
            raise FetchError(f"HTTP {response.status}")
        parsed = parse(response)
    except FetchError as exc:
        report.error = str(exc)
        follow.polled(store, feed["id"], status="error", error=report.error)
        return report

    for entry in reversed(parsed.entries):  # oldest first: without dates, the newest ends up latest
        _take(store, feed, entry, policy, report)
    keep = not report.failed
    follow.polled(
        store,
        feed["id"],
        status="ok",
        error="; ".join(f"{link}: {reason}" for link, reason in (report.failed + report.skipped)[:3]) or None,
        validators=(response.headers.get("etag"), response.headers.get("last-modified")) if keep else None,
        title=(parsed.feed.get("title") or "").strip()[:300] or None,
    )
    return report


def _take(store: Store, feed: dict, entry, policy: Policy, report: PollReport) -> None:
    """One entry: known, stored, failed (to try again) or skipped (remembered as unusable)."""
    link = (entry.get("link") or "").strip()
    guid = (entry.get("id") or "").strip() or (canonical(link) if link else "")
    if not link:
        if guid and follow.seen(store, feed["id"], guid, None):
            report.duplicates += 1
            return
        if guid:
            follow.remember(store, feed["id"], guid, "", None)
        report.skipped.append((f"({(entry.get('title') or 'an entry')[:80]})", "it has no link"))
        return
    key = canonical(link)
    if follow.seen(store, feed["id"], guid, key):
        report.duplicates += 1
        return
    try:
        page = read_page(link, policy)
        result = store_page(store, page, published=_published(entry))
    except FetchError as exc:
        reason = str(exc)
        if reason.startswith(FINAL):
            follow.remember(store, feed["id"], guid, key, None)
            report.skipped.append((redact(link)[:200], reason))
        else:
            report.failed.append((redact(link)[:200], reason))
        return
    except Exception as exc:  # one entry's surprise must not stop the others
        log.exception("feed entry %s could not be stored", redact(link))
        report.failed.append((redact(link)[:200], f"could not be stored ({type(exc).__name__})"))
        return
    follow.remember(store, feed["id"], guid, key, result.article_id)
    if result.status == "unchanged":
        report.duplicates += 1  # the same story, already stored from another link
    else:
        report.stored += 1


def poll_all(store: Store, policy: Policy) -> list[PollReport]:
    """Poll every feed; one feed's failure, whatever it is, does not stop the others."""
    reports = []
    for feed in follow.all_feeds(store):
        try:
            report = poll(store, feed, policy)
        except Exception as exc:
            log.exception("polling %s failed", redact(feed["url"]))
            report = PollReport(redact(feed["url"]), error=f"could not be polled ({type(exc).__name__})")
        log.info("feed poll: %s", report.summary().replace("\n", ";"))
        reports.append(report)
    return reports
