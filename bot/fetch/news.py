"""Adding news from the outside, as the CLI and Slack offer it: plain text replies."""

from __future__ import annotations

from dataclasses import dataclass

from bot import dates
from bot.config import Settings
from bot.fetch.addresses import FetchError, Policy, check_url, redact
from bot.fetch.feeds import PollReport, poll, poll_all, shown
from bot.fetch.links import canonical
from bot.fetch.pages import read_page, store_page
from bot.ingest.workers import Runner, WorkerPool, inline
from storage.interface import NewsStore
from storage.teams import Holders

STATUS = {"added": "Added", "replaced": "Updated", "unchanged": "Already known"}
USAGE = "Usage: feeds add URL | feeds remove URL | feeds list | feeds poll"


def policy_of(settings: Settings) -> Policy:
    timeout = max(1.0, settings.fetch_timeout)  # 0 would make sockets non-blocking, not patient
    return Policy(
        max_bytes=max(1, settings.max_fetch_bytes),
        timeout=timeout,
        deadline=max(30.0, 3 * timeout),
        allow_private=settings.allow_private_urls,
        allow_loopback=settings.allow_loopback_urls,
    )


def reading_pool(settings: Settings) -> WorkerPool:
    """Worker processes that read pages and extract articles, each under the deadline
    ``NEWSBOT_EXTRACT_SECONDS`` (close it when done)."""
    return WorkerPool(
        seconds=settings.extract_seconds, preload=("bot.fetch.pages", "bot.ingest.reading", "trafilatura")
    )


def _link(text: str) -> str:
    """A link as typed: surrounding space and angle brackets (``<https://...>``, as Slack
    writes links) and a ``|label`` dropped."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].partition("|")[0].strip()
    return text


@dataclass
class News:
    store: NewsStore
    policy: Policy
    runner: Runner = inline  # reads pages and extracts articles: a WorkerPool, where it matters

    def add_url(self, url: str, *, team: str | None = None) -> tuple[bool, str]:
        """(ok, message) for one URL; ``team``: stored as that workspace's, which it alone sees
        (with everyone's): ``Added`` when it could not see it before, whoever stored it first."""
        url = _link(url)
        try:
            page = read_page(url, self.policy, self.runner)
            result = store_page(self.store if team is None else Holders(self.store, [team]), page, runner=self.runner)
        except FetchError as exc:
            return False, f"Could not add {redact(url)[:200]}: {exc}"
        return True, f"{STATUS[result.status]}: {page.title} ({page.url})"

    def _followed(self, url: str, *, team: str | None = None) -> dict | None:
        """The followed feed (``team``: among those that workspace sees) whose link is ``url``,
        give or take tracking parameters, case, default port or a trailing slash."""
        key = canonical(url)
        return next((f for f in self.store.feeds.all_feeds(team=team) if canonical(f["url"]) == key), None)

    def follow(self, url: str, *, added_by: str | None = None, team: str | None = None) -> tuple[bool, str]:
        """Follow a feed: for every workspace (the command line), or for ``team`` (a workspace's
        ``/digest feeds add``), which alone sees it. A workspace is answered the same whether or
        not other workspaces follow the feed already: it is polled at once, as the workspace's
        first poll of it (``feeds.poll``'s ``joining``), and the reply names the address as typed."""
        url = _link(url).partition("#")[0]
        try:
            check_url(url)
        except FetchError as exc:
            return False, f"Not following {redact(url)[:200]}: {exc}"
        if self._followed(url, team=team) is not None:
            return True, f"Already following {url}"
        known = self._followed(url)  # another workspace's: followed by this one too
        stored = known["url"] if known is not None else url
        if not self.store.feeds.add(stored, added_by=added_by, team=team):
            return True, f"Already following {url}"
        feed = self.store.feeds.get(stored)
        joining = team if known is not None and team is not None else None
        report = poll(self.store, feed, self.policy, runner=self.runner, joining=joining)
        report.feed = redact(url)
        if report.error:
            self.store.feeds.remove(stored, team=team)
            return False, f"Not following {url}: {report.error}"
        return True, f"Following {url}. First poll: {report.summary()}"

    def unfollow(self, url: str, *, team: str | None = None) -> tuple[bool, str]:
        url = _link(url)
        feed = self._followed(url, team=team)
        if feed is not None and team is not None and feed["shared"]:
            return False, f"{feed['url']} is followed for every workspace: only newsbot's operator can remove it"
        if feed is None or not self.store.feeds.remove(feed["url"], team=team):
            return False, f"Not following {redact(url)[:200]}"
        return True, f"Stopped following {shown(feed, team)}"

    def list(self, *, team: str | None = None) -> str:
        rows = self.store.feeds.all_feeds(team=team)
        if not rows:
            return "No feeds yet. Add one with: feeds add URL"
        return "\n".join(
            f"{shown(r, team)}" + (f" ({r['title']})" if r["title"] else "") + f": {r['entries']} entries;"
            f" last poll {dates.ago(r['last_polled_at'])}: {r['last_status'] or '-'}"
            + (f" ({r['last_error']})" if r["last_error"] else "")
            for r in rows
        )

    def poll_reports(self, *, team: str | None = None) -> list[PollReport]:
        return poll_all(self.store, self.policy, runner=self.runner, team=team)

    def poll(self, *, team: str | None = None) -> str:
        return "\n".join(r.summary() for r in self.poll_reports(team=team)) or "No feeds to poll."

    def command(self, text: str, *, user: str | None = None, team: str | None = None) -> str:
        """``add URL``, ``remove URL``, ``list``, ``poll`` (the /digest feeds sub-commands), for
        ``team``'s feeds (a workspace's: it sees and changes its own, and every workspace's)."""
        verb, _, rest = text.strip().partition(" ")
        verb, rest = verb.casefold(), rest.strip()
        if verb == "add" and rest:
            return self.follow(rest, added_by=user, team=team)[1]
        if verb in {"remove", "rm", "delete"} and rest:
            return self.unfollow(rest, team=team)[1]
        if verb in {"list", ""}:
            return self.list(team=team)
        if verb == "poll":
            return self.poll(team=team)
        return USAGE
