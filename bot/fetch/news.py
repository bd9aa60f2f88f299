"""Adding news from the outside, as the CLI and Slack offer it: plain text replies."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from bot.fetch.feeds import poll, poll_all
from bot.fetch.http import FetchError, Policy
from bot.fetch.links import canonical
from bot.fetch.pages import read_page, store_page
from storage import Store
from storage import feeds as follow

STATUS = {"added": "Added", "replaced": "Updated", "unchanged": "Already known"}


def policy_of(settings: Settings) -> Policy:
    return Policy(
        max_bytes=settings.max_fetch_bytes,
        timeout=settings.fetch_timeout,
        allow_private=settings.allow_private_urls,
        allow_loopback=settings.allow_loopback_urls,
    )


@dataclass
class News:
    store: Store
    policy: Policy

    def add_url(self, url: str) -> tuple[bool, str]:
        """(ok, message) for one URL."""
        try:
            page = read_page(url, self.policy)
            result = store_page(self.store, page)
        except FetchError as exc:
            return False, f"Could not add {url[:200]}: {exc}"
        return True, f"{STATUS[result.status]}: {page.title} ({page.url})"

    def follow(self, url: str, *, added_by: str | None = None) -> tuple[bool, str]:
        if not url.lower().startswith(("http://", "https://")):
            return False, f"{url[:200]} is not an http(s) URL"
        key = canonical(url)
        if not follow.add(self.store, key, added_by=added_by):
            return True, f"Already following {key}"
        report = poll(self.store, follow.get(self.store, key), self.policy)
        if report.error:
            follow.remove(self.store, key)
            return False, f"Not following {key}: {report.error}"
        return True, f"Following {key}. First poll: {report.summary()}"

    def unfollow(self, url: str) -> tuple[bool, str]:
        removed = follow.remove(self.store, canonical(url))
        return removed, ("Stopped following " if removed else "Not following ") + canonical(url)

    def list(self) -> str:
        rows = follow.all_feeds(self.store)
        if not rows:
            return "No feeds yet. Add one with: feeds add URL"
        return "\n".join(
            f"{r['url']}  ({r['entries']} entries;"
            f" last poll {r['last_polled_at'] or 'never'}: {r['last_status'] or '-'}"
            + (f", {r['last_error']}" if r["last_error"] else "")
            + ")"
            for r in rows
        )

    def poll(self) -> str:
        reports = poll_all(self.store, self.policy)
        return "\n".join(r.summary() for r in reports) or "No feeds to poll."

    def command(self, text: str, *, user: str | None = None) -> str:
        """``add URL``, ``remove URL``, ``list``, ``poll`` (the /digest feeds sub-commands)."""
        verb, _, rest = text.strip().partition(" ")
        verb, rest = verb.casefold(), rest.strip()
        if verb == "add" and rest:
            return self.follow(rest, added_by=user)[1]
        if verb in {"remove", "rm", "delete"} and rest:
            return self.unfollow(rest)[1]
        if verb in {"list", ""}:
            return self.list()
        if verb == "poll":
            return self.poll()
        return "Usage: feeds add URL | feeds remove URL | feeds list | feeds poll"
