"""Polling RSS and Atom feeds: conditional GET, new entries fetched and stored once.

An entry is new unless its GUID was seen in this feed, or its canonical link anywhere; the
store itself refuses the same content twice, so one story under several URLs is stored once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from time import strftime
from xml.sax import SAXException

from bot.fetch.http import FetchError, Policy, fetch
from bot.fetch.links import canonical
from bot.fetch.pages import read_page, store_page
from storage import Store
from storage import feeds as follow

log = logging.getLogger("bot.fetch")

FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+xml",
}


@dataclass
class PollReport:
    feed: str
    stored: int = 0
    duplicates: int = 0
    not_modified: bool = False
    error: str | None = None
    failed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        if self.error:
            return f"{self.feed}: {self.error}"
        if self.not_modified:
            return f"{self.feed}: not modified since the last poll"
        failed = f", {len(self.failed)} failed" if self.failed else ""
        return f"{self.feed}: {self.stored} stored, {self.duplicates} already known{failed}"


def poll(store: Store, feed: dict, policy: Policy) -> PollReport:
    import feedparser  # imported on use: only polling needs it

    report = PollReport(feed["url"])
    headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1"}
    if feed.get("etag"):
        headers["If-None-Match"] = feed["etag"]
    if feed.get("last_modified"):
        headers["If-Modified-Since"] = feed["last_modified"]
    try:
        response = fetch(feed["url"], policy, headers=headers)
    except FetchError as exc:
        report.error = str(exc)
        follow.polled(store, feed["id"], status="error", error=report.error)
        return report
    if response.status == 304:
        report.not_modified = True
        follow.polled(store, feed["id"], status="not modified")
        return report
    if response.status != 200:
        report.error = f"HTTP {response.status}"
    elif response.content_type not in FEED_TYPES:
        report.error = f"not a feed ({response.content_type or 'no content type'})"
    parsed = None if report.error else feedparser.parse(response.body)
    if parsed is not None and parsed.bozo:
        problem = parsed.get("bozo_exception")
        if isinstance(problem, SAXException) or not parsed.entries:  # not well-formed XML, or nothing usable
            report.error = f"malformed feed ({type(problem).__name__}: {str(problem)[:100]})"
    if report.error:
        follow.polled(store, feed["id"], status="error", error=report.error)
        return report

    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            report.failed.append(("(no link)", "entry without a link"))
            continue
        link_key = canonical(link)
        guid = entry.get("id") or link_key
        if follow.seen(store, feed["id"], guid, link_key):
            report.duplicates += 1
            continue
        try:
            page = read_page(link, policy)
            published = (
                strftime("%Y-%m-%dT%H:%M:%SZ", entry.published_parsed) if entry.get("published_parsed") else None
            )
            result = store_page(store, page, published=published)
        except FetchError as exc:
            report.failed.append((link, str(exc)))  # not remembered: tried again at the next poll
            continue
        follow.remember(store, feed["id"], guid, link_key, result.article_id)
        if result.status == "unchanged":
            report.duplicates += 1  # the same story, already stored from another link
        else:
            report.stored += 1
    follow.polled(
        store,
        feed["id"],
        status="ok",
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        title=parsed.feed.get("title"),
    )
    return report


def poll_all(store: Store, policy: Policy) -> list[PollReport]:
    reports = []
    for feed in follow.all_feeds(store):
        report = poll(store, feed, policy)
        log.info("feed poll: %s", report.summary())
        reports.append(report)
    return reports
