"""Posting new articles to the channels that follow them: exactly once, batched, on time.

Whatever stores an article (a feed poll, ``/brief add``, ``newsbot ingest`` in another
process), the store records its arrival (migration 13). A worker, in each running bot, reads
the arrivals every second and:

1. matches them against the follows (``bot.follows.matching``);
2. claims, in one transaction, each (channel, article) not had yet, grouped per channel into
   batches of at most 40 (ten stories from one poll are one message), and marks the arrivals
   read. A channel never gets an article twice, from two follows, two processes or a digest.
   The batches are queued (claimed by no worker yet), and each process claims queued batches a
   few at a time: replicas share the posting;
3. posts each batch (channels in parallel, one channel's batches in turn, a second apart, as
   Slack's per-channel rate asks; 429s are waited out by the client): under the batch's lease
   it becomes unsure, then chat.postMessage, with metadata naming the batch, then it is marked
   posted with its ``ts``.

Recovery, at every pass: a batch left claimed by a worker that stopped beating (its process
died) or failed (retried after 1, 2, 4, ... 15 minutes) is taken over; if unsure, the channel
is read for a message naming it (found: marked posted; unreadable: nothing is posted blind).
An article stored more than a day before it could be posted (the bot was down) is not posted:
the digest has it. The client must never re-send a post itself: ``bot.slack.app.once_client``.
"""

from __future__ import annotations

import http.client
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from slack_sdk.errors import SlackApiError

from bot.config import worker_timeout
from bot.follows import blocks, content, matching
from bot.posted import find_posted
from storage import iso, parse_iso
from storage.interface import NewsStore

log = logging.getLogger("bot.follows")

EVENT_TYPE = "newsbot_follow"
WINDOW = timedelta(days=1)  # an article older than this when it could be posted is the digest's
POLL_EVERY = 1.0  # seconds between looks at the arrivals
# a worker silent this long has died: its batches are taken over (NEWSBOT_WORKER_TIMEOUT, 90 s)
DEAD_AFTER = timedelta(seconds=worker_timeout())
HEARTBEAT_EVERY = DEAD_AFTER / 6
PACE = 1.0  # seconds between two posts to one channel (Slack: about one message a second)
THREADS = 8
QUEUE_BATCH = 2 * THREADS  # queued batches claimed at a time (a killed process's: taken over after DEAD_AFTER)
PAUSING = {
    "not_in_channel",
    "channel_not_found",
    "is_archived",
    "channel_is_archived",
    "restricted_action",
    "account_inactive",
    "invalid_auth",
    "token_revoked",
    "not_authed",  # no token for the workspace (its org-wide install cannot be told): said once in the log
}

Clock = Callable[[], datetime]
Hook = Callable[[str], None]


def utc_now() -> datetime:
    return datetime.now(UTC)


def retry_wait(attempts: int) -> timedelta:
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 15))


@dataclass(frozen=True)
class Outcome:
    channel: str
    status: str  # posted, recovered, empty, expired, paused, failed, skipped
    articles: int = 0
    ts: str | None = None
    detail: str = ""
    team: str = ""  # the workspace posted for ('' for the single-workspace mode)


class FollowWorker:
    def __init__(
        self,
        store: NewsStore,
        client,
        *,
        clock: Clock = utc_now,
        hook: Hook | None = None,
        worker: str | None = None,
        threads: int = THREADS,
        pace: float = PACE,
        clients=None,
    ):
        """``clients``: with many workspaces, the client for a follow's channel (its workspace's
        token: ``bot.slack.oauth.WorkspaceClients.for_channel``); else ``client`` posts everywhere."""
        self.store = store
        self.client = client
        self.clients = clients or (lambda _channel, _team=None, _enterprise=None: client)
        self.clock = clock
        self.hook = hook or (lambda step: None)
        self.worker = worker or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}:follows"
        self.threads = threads
        self.pace = pace
        self._last_post: dict[str, float] = {}
        self._pace_lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []
        self._pruned = 0.0

    # -- life ----------------------------------------------------------------------------------

    def beat(self) -> None:
        now = self.clock()
        self.store.digests.beat(self.worker, now=iso(now), forget_before=iso(now - timedelta(days=7)))

    def start(self, *, every: float = POLL_EVERY) -> None:
        """A thread that runs a pass every ``every`` seconds (or when woken), and a heartbeat."""
        self.beat()
        for name, target in (("follows", lambda: self._loop(every)), ("follows-heartbeat", self._beat_forever)):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def wake(self) -> None:
        """Look at the arrivals now (something was just stored in this process)."""
        self._wake.set()

    def shutdown(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout)

    def _loop(self, every: float) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception:  # a busy database, a bug: logged, and the next pass is a second away
                log.exception("follows: a pass failed")
            self._wake.wait(every)
            self._wake.clear()

    def _beat_forever(self) -> None:
        while not self._stop.wait(HEARTBEAT_EVERY.total_seconds()):
            try:
                self.beat()
            except Exception:
                log.exception("follows heartbeat failed")

    # -- a pass --------------------------------------------------------------------------------

    def run_once(self) -> list[Outcome]:
        """Settle open batches, then queue what arrived since the last pass, and post what is
        queued (by this process or another)."""
        outcomes = self.settle()
        outcomes += self.post_new()
        if time.monotonic() - self._pruned > 3600:
            self._pruned = time.monotonic()
            self.store.follows.forget_arrivals(before=iso(self.clock() - 2 * WINDOW))
        return outcomes

    def post_new(self) -> list[Outcome]:
        latest = self.store.follows.latest_seq()
        read = self.store.follows.progress() or 0
        if latest <= read:
            return self.drain()
        now = self.clock()
        follows = self.store.follows.every()
        # what arrived before every follow began is nobody's: not read
        start = max(read, min((f["after_seq"] for f in follows), default=latest))
        arrived = self.store.follows.arrivals(start, latest, stored_since=iso(now - WINDOW))
        plan = matching.plan(self.store, follows, arrived)
        self.hook("before_claim")
        made = self.store.follows.claim(
            plan,
            worker=self.worker,
            lease=uuid.uuid4().hex,
            now=iso(now),
            size=blocks.MAX_ITEMS,
            upto=latest,
            queued=True,
        )
        if made:
            self.hook("after_claim")
        return self.drain()

    def drain(self) -> list[Outcome]:
        """Post the queued batches, ``QUEUE_BATCH`` claimed at a time, until none is left: with
        several processes on one store each claims what no other has (``SKIP LOCKED``)."""
        outcomes: list[Outcome] = []
        while not self._stop.is_set():
            claimed = self.store.follows.claim_queued(
                worker=self.worker, lease=uuid.uuid4().hex, now=iso(self.clock()), limit=QUEUE_BATCH
            )
            if not claimed:
                break
            outcomes += self._post_all(claimed)
        return outcomes

    def settle(self) -> list[Outcome]:
        """Batches whose process died, and failed ones whose retry is due."""
        now = self.clock()
        due = []
        for batch in self.store.follows.open_batches(dead_before=iso(now - DEAD_AFTER)):
            if batch["status"] == "failed":
                since = parse_iso(batch["finished_at"] or batch["claimed_at"])
                if now < since + retry_wait(batch["attempts"]):
                    continue
            taken = self.store.follows.take_over(
                batch,
                worker=self.worker,
                lease=uuid.uuid4().hex,
                now=iso(now),
                dead_before=iso(now - DEAD_AFTER),
            )
            if taken is not None:
                due.append(taken)
        return self._post_all(due)

    def _post_all(self, batches: list[dict]) -> list[Outcome]:
        """Channels side by side, each channel's batches in turn: every channel's first batch,
        then every second one (by then a second has passed for most), and so on."""
        by_channel: dict[str, list[dict]] = {}
        for batch in batches:
            by_channel.setdefault(batch["channel"], []).append(batch)
        rounds: list[list[dict]] = []
        for items in by_channel.values():
            for i, batch in enumerate(items):
                if i == len(rounds):
                    rounds.append([])
                rounds[i].append(batch)
        outcomes: list[Outcome] = []
        for batches_of_round in rounds:
            if len(batches_of_round) == 1 or self.threads <= 1:
                outcomes += [self._post_safely(batch) for batch in batches_of_round]
                continue
            with ThreadPoolExecutor(
                min(self.threads, len(batches_of_round)), thread_name_prefix="follows-post"
            ) as pool:
                outcomes += list(pool.map(self._post_safely, batches_of_round))
        return outcomes

    def _post_safely(self, batch: dict) -> Outcome:
        try:
            return self._post(batch)
        except Exception as exc:  # recorded, never left claimed by a live worker
            log.exception("follows: the post of batch %s in %s failed", batch["id"], batch["channel"])
            self._end(batch, "failed", error=f"{type(exc).__name__}: {exc}"[:300])
            return Outcome(batch["channel"], "failed", detail=type(exc).__name__)

    def _end(self, batch: dict, status: str, **fields) -> bool:
        done = self.store.follows.finish(batch["id"], batch["lease"], status, now=iso(self.clock()), **fields)
        if not done:
            log.warning("follows: batch %s in %s was taken over meanwhile", batch["id"], batch["channel"])
        return done

    # -- one batch -----------------------------------------------------------------------------

    def _post(self, batch: dict) -> Outcome:
        channel = batch["channel"]
        if batch["unsure"]:
            settled = self._recover(batch)
            if settled is not None:
                return settled
        picked = self.store.follows.items(batch["id"])
        if self.clock() - parse_iso(batch["claimed_at"]) > WINDOW:
            self._end(batch, "expired", error="not posted within a day: the digest has them", unsure=False)
            return Outcome(channel, "expired", len(picked))
        found = content.items(self.store, picked)
        if not found:
            self._end(batch, "empty", unsure=False)
            return Outcome(channel, "empty")
        message = blocks.render(found)
        if not self.store.follows.begin_post(batch["id"], batch["lease"], now=iso(self.clock())):
            return Outcome(channel, "skipped", detail="the claim was taken over before posting")
        self._wait_turn(channel)
        client = self.clients(channel, batch.get("team") or None)
        self.hook("before_post")
        try:
            response = client.chat_postMessage(
                channel=channel,
                unfurl_links=False,
                unfurl_media=False,
                metadata={"event_type": EVENT_TYPE, "event_payload": {"batch": batch["key"]}},
                **message,
            )
        except SlackApiError as error:
            self._posted_at(channel)
            return self._refused(batch, error)
        except (OSError, http.client.HTTPException) as error:  # no answer: it may have been posted
            log.warning(
                "follows: no answer from Slack for %s (%s); checked before any new attempt",
                channel,
                type(error).__name__,
            )
            self._end(batch, "failed", error=f"no answer ({type(error).__name__})", unsure=True)
            return Outcome(channel, "failed", detail="no answer: it may have been posted")
        self._posted_at(channel)
        self.hook("after_post")
        ts = response.get("ts")
        self._end(batch, "posted", ts=ts, unsure=False, posted_channel=response.get("channel"))
        self.hook("after_mark")
        return Outcome(channel, "posted", len(found), ts, team=batch.get("team") or "")

    def _wait_turn(self, channel: str) -> None:
        """At most one post a ``pace`` to a channel from this process, counted from the end of
        the last one (Slack counts from its arrival, which is before)."""
        with self._pace_lock:
            last = self._last_post.get(channel)
        wait = 0.0 if last is None else last + self.pace - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    def _posted_at(self, channel: str) -> None:
        with self._pace_lock:
            self._last_post[channel] = time.monotonic()

    def _refused(self, batch: dict, error: SlackApiError) -> Outcome:
        code = error.response.get("error") or "unknown_error"
        status_code = getattr(error.response, "status_code", 200)
        definite = status_code in (200, 429)  # Slack answered and did not post
        log.error("follows: chat.postMessage to %s failed: %s (HTTP %s)", batch["channel"], code, status_code)
        if definite and code in PAUSING:
            self._end(batch, "paused", error=code, unsure=False)
            return Outcome(batch["channel"], "paused", detail=code)
        self._end(batch, "failed", error=code if definite else f"{code} (HTTP {status_code})", unsure=not definite)
        return Outcome(batch["channel"], "failed", detail=code)

    def _recover(self, batch: dict) -> Outcome | None:
        """An unsure batch: an outcome if the channel settles it, ``None`` if it holds no post of it."""
        where = batch["posted_channel"] or batch["channel"]
        since = parse_iso(batch["posting_at"] or batch["claimed_at"])
        found, ts = find_posted(
            self.clients(batch["channel"], batch.get("team") or None),
            where,
            event_type=EVENT_TYPE,
            ours=lambda p: p.get("batch") == batch["key"],
            since=since,
        )
        if not found:  # posting blind could post twice
            self._end(batch, "failed", error="history_unavailable")
            return Outcome(batch["channel"], "failed", detail="could not check the channel for an earlier post")
        if ts is not None:
            self._end(batch, "posted", ts=ts, unsure=False)
            log.info(
                "follows: batch %s had been posted in %s before a restart: marked, not posted again",
                batch["id"],
                batch["channel"],
            )
            return Outcome(batch["channel"], "recovered", ts=ts)
        self.store.follows.checked(batch["id"], batch["lease"])
        return None
