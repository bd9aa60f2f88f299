"""One digest run: claim it in the ledger, post it, mark it; recover a run that died midway.

The ledger's unique (channel, period) key decides who posts: the run is claimed before
posting and marked with the message's ``ts`` after. A run claimed by a process that died is
taken over once its claim is stale; before posting again, the channel's history is searched
for a digest message carrying this period in its metadata, so a digest that was posted but
not marked is marked, not posted twice.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from slack_sdk.errors import SlackApiError

from bot.digest import blocks, content
from storage import Store
from storage import digests as ledger

log = logging.getLogger("bot.digest")

EVENT_TYPE = "newsbot_digest"
STALE_AFTER = timedelta(minutes=5)  # a claim older than this belongs to a process that died
# errors that retrying cannot fix: the subscription is paused, with the reason, until changed
PAUSING_ERRORS = {
    "not_in_channel": "I'm not in this channel any more: invite me back, then /digest daily HH:MM to resume.",
    "channel_not_found": "The channel was not found (deleted, or I lost access).",
    "is_archived": "The channel is archived.",
    "channel_is_archived": "The channel is archived.",
    "restricted_action": "Posting in this channel is restricted for apps.",
    "account_inactive": "The app was uninstalled or its token revoked.",
    "invalid_auth": "The app's token is not valid any more.",
    "token_revoked": "The app's token was revoked.",
}

Clock = Callable[[], datetime]
Hook = Callable[[str], None]


def iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Outcome:
    status: str  # posted, empty, recovered, skipped, paused, failed
    detail: str = ""
    ts: str | None = None


class Runner:
    def __init__(self, store: Store, client, *, clock: Clock = utc_now, hook: Hook | None = None, worker=None):
        self.store = store
        self.client = client
        self.clock = clock
        self.hook = hook or (lambda step: None)
        self.worker = worker or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def run(self, channel: str, period: str) -> Outcome:
        sub = ledger.subscription(self.store, channel)
        if sub is not None and sub["paused_reason"]:
            return Outcome("skipped", f"paused: {sub['paused_reason']}")
        self.hook("before_claim")
        now = self.clock()
        run = ledger.claim(
            self.store, channel, period, worker=self.worker, now=iso(now), stale_before=iso(now - STALE_AFTER)
        )
        if run is None:
            return Outcome("skipped", "already done, or running elsewhere")
        self.hook("after_claim")
        if run["recovering"]:
            checked, ts = self._find_posted(channel, period, since=run["previous_claim"])
            if not checked:  # posting blind could post twice: leave it failed, to retry later
                ledger.finish(self.store, run["id"], "failed", now=iso(self.clock()), error="history_unavailable")
                return Outcome("failed", "could not check the channel for an earlier post")
            if ts is not None:
                ledger.finish(self.store, run["id"], "posted", now=iso(self.clock()), ts=ts, until=run.get("until"))
                log.info("digest for %s (%s) had been posted before a restart; marked it", channel, period)
                return Outcome("recovered", ts=ts)
        digest = content.build(self.store, channel)
        if digest.empty:
            ledger.finish(self.store, run["id"], "empty", now=iso(self.clock()), articles=0)
            return Outcome("empty")
        try:
            response = self.client.chat_postMessage(
                channel=channel,
                unfurl_links=False,
                unfurl_media=False,
                metadata={"event_type": EVENT_TYPE, "event_payload": {"channel": channel, "period": period}},
                **blocks.render(digest, period=period),
            )
        except SlackApiError as error:
            return self._failed(channel, run["id"], error)
        self.hook("after_post")
        ledger.finish(
            self.store,
            run["id"],
            "posted",
            now=iso(self.clock()),
            ts=response.get("ts"),
            articles=len(digest.items),
            until=digest.until,
        )
        self.hook("after_mark")
        return Outcome("posted", ts=response.get("ts"))

    def _failed(self, channel: str, run_id: int, error: SlackApiError) -> Outcome:
        code = error.response.get("error", "unknown_error")
        log.error("digest for %s: chat.postMessage failed: %s", channel, code)
        if code in PAUSING_ERRORS:
            reason = f"{PAUSING_ERRORS[code]} ({code})"
            ledger.pause(self.store, channel, reason)
            ledger.finish(self.store, run_id, "paused", now=iso(self.clock()), error=code)
            return Outcome("paused", reason)
        ledger.finish(self.store, run_id, "failed", now=iso(self.clock()), error=code)
        return Outcome("failed", code)

    def _find_posted(self, channel: str, period: str, *, since: str) -> tuple[bool, str | None]:
        """(checked, ts): a digest for ``period`` already in the channel, posted before a crash."""
        oldest = datetime.strptime(since, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC) - timedelta(minutes=1)
        cursor = None
        for _page in range(20):
            try:
                response = self.client.conversations_history(
                    channel=channel,
                    oldest=f"{oldest.timestamp():.6f}",
                    include_all_metadata=True,
                    limit=200,
                    cursor=cursor,
                )
            except SlackApiError as error:
                log.warning("could not check %s for a posted digest: %s", channel, error.response.get("error"))
                return False, None
            for message in response.get("messages", []):
                meta = message.get("metadata") or {}
                if meta.get("event_type") == EVENT_TYPE and (meta.get("event_payload") or {}).get("period") == period:
                    return True, message.get("ts")
            cursor = (response.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return True, None
        return False, None
