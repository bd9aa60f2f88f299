"""One digest run: claim it in the ledger, post it, mark it; recover a run that died midway.

The ledger's unique (channel, period) key decides who posts. The steps of a run, and what a
crash at each leaves behind:

1. claim: the row is inserted (or taken over) under a fresh lease token, with this worker's
   heartbeat. A run claimed by a live worker (one still beating, in this process or another)
   is never taken over; one whose worker stopped beating is.
2. if the run is *unsure* (an earlier attempt may have posted without recording it), the
   channel's history is read (``conversations.history`` with ``include_all_metadata``) for a
   digest whose metadata names this period; found, it is marked posted, not posted again. If
   the history cannot be read, nothing is posted blind: the run fails and is retried later.
3. the digest is built; nothing new: the run ends ``empty`` and nothing is posted.
4. begin: under the lease, the run becomes unsure (from now on a post may exist). A lost lease
   stops here, before posting.
5. chat.postMessage, with metadata ``{"event_type": "newsbot_digest", "event_payload":
   {"channel", "period"}}``. A definite refusal (Slack answered ``ok: false``, or 429 after the
   client's retries) makes the run certain again: channel errors pause the subscription, others
   fail it for a later retry. Anything else (a timeout, a 5xx, a dropped connection) leaves it
   unsure, for step 2 to settle. So the client must not re-send a post itself (it would post
   twice when Slack had accepted the first one): give the runner ``bot.slack.app.once_client``.
6. mark: under the lease, the run is ``posted`` with the message ``ts``.

The residual window: a worker that stalls for longer than ``DEAD_AFTER`` between steps 4 and 5
(a frozen process that keeps no heartbeat) may be taken over and post late; when it marks, it
finds it lost its lease, and if the run was posted by the other worker it deletes its own copy.
"""

from __future__ import annotations

import http.client
import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from slack_sdk.errors import SlackApiError

from bot.config import worker_timeout
from bot.digest import blocks, content
from bot.posted import find_posted
from storage import iso, parse_iso
from storage.interface import NewsStore
from storage.teams import TeamReads

log = logging.getLogger("bot.digest")

EVENT_TYPE = "newsbot_digest"
MANUAL = "manual"  # the prefix of a /digest now run's period
UNSURE = "no answer from Slack: it may have been posted"  # a failed run's detail when that is so
# a worker silent this long has died: its claims are taken over (NEWSBOT_WORKER_TIMEOUT, 90 s)
DEAD_AFTER = timedelta(seconds=worker_timeout())
HEARTBEAT_EVERY = DEAD_AFTER / 6
# errors that retrying cannot fix: the subscription is paused, with the reason, until changed
PAUSING_ERRORS = {
    "not_in_channel": "I'm not in this channel any more: invite me back, then /digest now or /digest daily HH:MM.",
    "channel_not_found": "The channel was not found (deleted, or I lost access).",
    "is_archived": "The channel is archived.",
    "channel_is_archived": "The channel is archived.",
    "restricted_action": "Posting in this channel is restricted for apps.",
    "account_inactive": "The app was uninstalled or its token revoked.",
    "invalid_auth": "The app's token is not valid any more.",
    "token_revoked": "The app's token was revoked.",
    "not_authed": (
        "The app has no token for this workspace: it was uninstalled, or this digest was set up under an"
        " org-wide install before its org was kept. Set it up again: /digest daily HH:MM."
    ),
}

Clock = Callable[[], datetime]
Hook = Callable[[str], None]


def utc_now() -> datetime:
    return datetime.now(UTC)


def describe(error: Exception) -> str:
    if isinstance(error, SlackApiError):
        return str(error.response.get("error") or "unknown_error")
    return type(error).__name__


def retry_wait(attempts: int) -> timedelta:
    """How long a failed run waits before its next attempt: 1, 2, 4, 8, 15, 15... minutes."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 15))


@dataclass(frozen=True)
class Outcome:
    status: str  # posted, recovered, empty, skipped, paused, failed, missed
    detail: str = ""
    ts: str | None = None
    articles: int = 0
    channel: str = ""  # set for the runs posted from the queue (``DigestScheduler.drain``)
    team: str = ""  # and their workspace ('' for the single-workspace mode)


class Runner:
    def __init__(
        self, store: NewsStore, client, *, clock: Clock = utc_now, hook: Hook | None = None, worker=None, clients=None
    ):
        """``clients``: with many workspaces, the client for a subscription's channel (its
        workspace's token: ``bot.slack.oauth.WorkspaceClients.for_channel``); else ``client``
        posts everywhere."""
        self.store = store
        self.client = client
        self.clients = clients or (lambda _channel, _team=None, _enterprise=None: client)
        self.clock = clock
        self.hook = hook or (lambda step: None)
        self.worker = worker or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    # -- liveness ------------------------------------------------------------------------------

    def beat(self) -> None:
        now = self.clock()
        self.store.digests.beat(self.worker, now=iso(now), forget_before=iso(now - timedelta(days=7)))

    def alive(self, worker: str | None) -> bool:
        return self.store.digests.worker_alive(worker, dead_before=iso(self.clock() - DEAD_AFTER))

    # -- a run ---------------------------------------------------------------------------------

    def run(self, channel: str, period: str, *, team: str | None = None, enterprise: str | None = None) -> Outcome:
        """Post the digest of ``period`` in ``channel`` of the workspace ``team`` (``None``: the
        single-workspace mode) unless it is done or being done: a channel shared by workspaces
        has a digest of each. ``enterprise``: the workspace's org, when the caller knows it (a
        /digest now); else the subscription's."""
        team = team or None
        manual = period.startswith(MANUAL)
        sub = self.store.digests.subscription(channel, team)
        if enterprise is None and sub is not None:
            enterprise = sub["enterprise"]
        if sub is not None and sub["paused_reason"] and not manual:
            return Outcome("skipped", f"paused: {sub['paused_reason']}")
        claimed = self._claim(channel, period, retry=lambda run: manual or self._may_retry(run), team=team)
        if claimed is None:
            return Outcome("skipped", "already done, or being done by a running process")
        outcome = self._post_safely(claimed, team=team, enterprise=enterprise)
        if manual and outcome.status == "posted" and sub is not None and sub["paused_reason"]:
            self.store.digests.resume(channel, team)
            log.info("digest for %s posted by hand: its paused schedule is resumed", channel)
        return outcome

    def claim_queued(self, limit: int, *, since: datetime) -> list[dict]:
        """Claim at most ``limit`` runs queued since ``since`` (``storage.digests``), another
        worker's being claimed at the same moment skipped: the batch this worker is to post."""
        self.hook("before_claim")
        now = self.clock()
        claimed = self.store.digests.claim_queued(
            worker=self.worker, lease=uuid.uuid4().hex, now=iso(now), limit=limit, since=iso(since)
        )
        if claimed:
            self.hook("after_claim")
        return claimed

    def run_claimed(self, claimed: dict) -> Outcome:
        """Post a scheduled run claimed from the queue (its subscription read again: one paused
        or ended since it was queued is not posted)."""
        sub = self.store.digests.subscription(claimed["channel"], claimed["team"])
        if sub is None or sub["paused_reason"]:
            reason = f"paused: {sub['paused_reason']}" if sub is not None else "unsubscribed before it was posted"
            self._end(claimed, "paused" if sub is not None else "missed", error=reason[:300], unsure=False)
            return Outcome("skipped", reason)
        return self._post_safely(claimed, team=sub["team"], enterprise=sub["enterprise"])

    def _post_safely(self, claimed: dict, *, team: str | None = None, enterprise: str | None = None) -> Outcome:
        channel, period = claimed["channel"], claimed["period"]
        try:
            return self._post_claimed(channel, period, claimed, team=team, enterprise=enterprise)
        except Exception as exc:  # recorded, never left claimed by a live worker
            log.exception("digest for %s (%s) failed", channel, period)
            self._end(claimed, "failed", error=f"{type(exc).__name__}: {exc}"[:300])
            return Outcome("failed", type(exc).__name__)

    def settle(self, run: dict, *, gave_up: str) -> Outcome:
        """End a run that will not be posted any more (a /digest now, or one past its grace
        window) whose process died: marked posted if Slack has it, else ended with ``gave_up``."""
        claimed = self._claim(run["channel"], run["period"], retry=lambda r: False, team=run["team"])
        if claimed is None:
            return Outcome("skipped", "already done, or being done by a running process")
        try:
            if claimed["unsure"]:
                found = self._recover(claimed)
                if found is not None:
                    return found
            status = "failed" if run["period"].startswith(MANUAL) else "missed"
            self._end(claimed, status, error=gave_up)
            return Outcome(status, gave_up)
        except Exception as exc:
            log.exception("settling the digest run %s failed", run["id"])
            self._end(claimed, "failed", error=f"{type(exc).__name__}: {exc}"[:300])
            return Outcome("failed", type(exc).__name__)

    def _claim(self, channel: str, period: str, *, retry, team: str | None = None) -> dict | None:
        self.hook("before_claim")
        now = self.clock()
        claimed = self.store.digests.claim(
            channel,
            period,
            worker=self.worker,
            lease=uuid.uuid4().hex,
            now=iso(now),
            dead_before=iso(now - DEAD_AFTER),
            retry=retry,
            team=team,
        )
        if claimed is not None:
            self.hook("after_claim")
        return claimed

    def _may_retry(self, run: dict) -> bool:
        finished = run["finished_at"] or run["claimed_at"]
        return self.clock() >= parse_iso(finished) + retry_wait(run["attempts"] or 1)

    def _end(self, claimed: dict, status: str, *, lost_ok: bool = False, **fields) -> bool:
        """Finish the run under its lease; ``False`` (and a warning, unless ``lost_ok``: the
        caller says what happened) when the claim was taken over meanwhile."""
        done = self.store.digests.finish(claimed["id"], claimed["lease"], status, now=iso(self.clock()), **fields)
        if not done and not lost_ok:
            log.warning("digest run %s: its claim was taken over; left as the other process leaves it", claimed["id"])
        return done

    def _recover(self, claimed: dict) -> Outcome | None:
        """Settle an unsure run: an outcome if it is settled, ``None`` if Slack has no post of it."""
        channel, period = claimed["channel"], claimed["period"]
        found, ts = self._find_posted(
            channel, period, since=claimed["posting_at"] or claimed["claimed_at"], team=claimed.get("team") or None
        )
        if not found:  # posting blind could post twice: fail, to be checked again on a later attempt
            self._end(claimed, "failed", error="history_unavailable")
            return Outcome("failed", "could not check the channel for an earlier post")
        if ts is not None:
            self._end(claimed, "posted", ts=ts, unsure=False)
            log.info("digest for %s (%s) had been posted before a restart: marked, not posted again", channel, period)
            return Outcome("recovered", ts=ts, articles=claimed["articles"] or 0)
        self.store.digests.checked(claimed["id"], claimed["lease"])
        return None

    def _post_claimed(
        self, channel: str, period: str, claimed: dict, *, team: str | None = None, enterprise: str | None = None
    ) -> Outcome:
        if claimed["unsure"]:
            settled = self._recover(claimed)
            if settled is not None:
                return settled
        # with many workspaces, the articles the channel's workspace may see
        digest = content.build(self.store if team is None else TeamReads(self.store, team), channel, team=team)
        if not digest.empty:  # its articles are the channel's now: no follow of its workspace posts them here
            ids = [item.source.article_id for item in digest.items]
            posted = self.store.follows.claim_for_digest(channel, ids, now=iso(self.clock()), team=team)
            digest = content.without(digest, posted) if posted else digest
        if digest.empty:
            self._end(claimed, "empty", articles=0, unsure=False)
            return Outcome("empty", detail=digest.note or "")
        message = blocks.render(digest, period=None if period.startswith(MANUAL) else period)
        begun = self.store.digests.begin_post(
            claimed["id"],
            claimed["lease"],
            now=iso(self.clock()),
            articles=len(digest.items),
            until=digest.until,
        )
        if not begun:
            return Outcome("skipped", "the claim was taken over before posting")
        client = self.clients(channel, team, enterprise)
        self.hook("before_post")
        try:
            response = client.chat_postMessage(
                channel=channel,
                unfurl_links=False,
                unfurl_media=False,
                metadata={"event_type": EVENT_TYPE, "event_payload": _payload(channel, period, team)},
                **message,
            )
        except SlackApiError as error:
            return self._refused(channel, claimed, error, team=team)
        except (OSError, http.client.HTTPException) as error:  # no answer: it may have been posted
            log.warning(
                "digest for %s (%s): chat.postMessage got no answer (%s); the channel is checked before any new"
                " attempt",
                channel,
                period,
                type(error).__name__,
            )
            self._end(claimed, "failed", error=f"no answer ({type(error).__name__})", unsure=True)
            return Outcome("failed", UNSURE)
        ts = response.get("ts")
        self.hook("after_post")
        if not self._end(claimed, "posted", ts=ts, unsure=False, lost_ok=True):
            self._lost_after_posting(claimed, ts)
        self.hook("after_mark")
        return Outcome("posted", ts=ts, articles=len(digest.items))

    def _refused(self, channel: str, claimed: dict, error: SlackApiError, *, team: str | None = None) -> Outcome:
        code = error.response.get("error") or "unknown_error"
        status_code = getattr(error.response, "status_code", 200)
        definite = status_code in (200, 429)  # Slack answered and did not post
        log.error("digest for %s: chat.postMessage failed: %s (HTTP %s)", channel, code, status_code)
        if definite and code in PAUSING_ERRORS:
            reason = f"{PAUSING_ERRORS[code]} ({code})"
            self.store.digests.pause(channel, reason, team)
            self._end(claimed, "paused", error=code, unsure=False)
            return Outcome("paused", reason)
        self._end(claimed, "failed", error=code if definite else f"{code} (HTTP {status_code})", unsure=not definite)
        return Outcome("failed", code)

    def _lost_after_posting(self, claimed: dict, ts: str | None) -> None:
        """We posted, but our claim had been taken over meanwhile (this process stalled past
        DEAD_AFTER: frozen, or starved). One line says what became of it; only a copy left
        twice in the channel is an error."""
        channel, period, team = claimed["channel"], claimed["period"], claimed.get("team") or None
        row = self.store.digests.run_for(channel, period, team) or {}
        late = f"digest for {channel} ({period}): this process stalled while posting it, and its claim was taken over"
        if not (row.get("status") == "posted" and row.get("ts") and ts and row["ts"] != ts):
            # the other process found our post in the channel and marked it, or is still at it
            log.warning("%s; the post stands, once (ledger: %s)", late, row.get("status"))
            return
        try:  # the other process posted it too: take ours back
            self.clients(channel, team).chat_delete(channel=channel, ts=ts)
        except (SlackApiError, OSError, http.client.HTTPException) as error:
            log.error("%s and posted again; our copy (ts %s) could not be deleted: %s", late, ts, describe(error))
            return
        log.warning("%s and posted again; our copy, the second, was deleted", late)

    def _find_posted(
        self, channel: str, period: str, *, since: str, team: str | None = None
    ) -> tuple[bool, str | None]:
        """(checked, ts): a digest of the workspace ``team`` for ``period`` already in the channel
        (a shared channel holds each workspace's), posted from ``since`` on."""

        def ours(payload: dict) -> bool:
            return (
                payload.get("channel") in (None, channel)
                and payload.get("period") == period
                and payload.get("team", team) == team
            )

        return find_posted(
            self.clients(channel, team), channel, event_type=EVENT_TYPE, ours=ours, since=parse_iso(since)
        )


def _payload(channel: str, period: str, team: str | None) -> dict:
    """The digest's message metadata: its channel and period, and its workspace when there is one
    (a shared channel holds a digest of each workspace that subscribes it)."""
    return {"channel": channel, "period": period, **({"team": team} if team else {})}
