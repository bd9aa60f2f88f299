"""Firing digests on time: APScheduler jobs kept in step with the subscriptions table.

The subscriptions table is the source of truth. Every subscription has a job with a fixed id
(``digest:<channel>``, or ``digest:<team>:<channel>`` for a workspace's: a shared channel has
one a subscribing workspace; ``replace_existing``), a cron trigger in its own IANA zone,
``coalesce`` and a misfire grace of an hour. A tick every minute (and once at start):

- re-reads the table, so a subscription changed by another process is followed here too
  (only jobs whose schedule changed are replaced: a job about to fire keeps its time);
- catches up: a digest due within the grace window and not done (the process was down
  through its minute, a retry after a failure, a run whose process died) is run now; one past
  the window is recorded as missed, so ``/digest status`` says so instead of skipping it
  silently (its articles go into the next digest);
- settles runs whose process died and that will not be posted any more.

A job does not post its digest itself: the runs due at a minute are queued in the ledger
together (one statement for all the jobs that fired within ``GATHER``), then claimed a batch
at a time (``BATCH``) by ``THREADS`` threads until the queue is empty. Replicas on one
PostgreSQL database so share a minute's digests: each claims what no other has taken
(``SKIP LOCKED``), instead of every replica trying every run.

A heartbeat thread keeps this process's claims alive in the ledger, so a second process on
the same database never takes over a run this one is still posting.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.digest.runner import DEAD_AFTER, HEARTBEAT_EVERY, MANUAL, Outcome, Runner
from bot.digest.schedule import last_due, trigger
from storage import iso, parse_iso
from storage.digests import DONE, ws

log = logging.getLogger("bot.digest")

GRACE = timedelta(hours=1)
# a tick also takes over the runs of processes that died: no rarer than they are found dead
TICK_EVERY = min(timedelta(minutes=1), DEAD_AFTER)
TICK_ID = "digest-tick"
MISSED = "the bot was not running at that time"
GATHER = 0.5  # seconds the jobs of one minute are gathered before their runs are queued
BATCH = 5  # runs a thread claims at a time (a killed process's are taken over after DEAD_AFTER)
THREADS = 8  # threads posting queued runs


def job_id(channel: str, team: str | None = None) -> str:
    return f"digest:{team}:{channel}" if team else f"digest:{channel}"


def job_name(sub: dict) -> str:
    return f"digest for {where(sub['channel'], sub['team'])}: {sub['schedule']} {sub['at']} {sub['zone']}"


def where(channel: str, team: str | None) -> str:
    """A channel as the logs name it: with its workspace, when there is one."""
    return f"{channel} ({team})" if team else channel


class DigestScheduler:
    def __init__(self, runner: Runner, *, grace: timedelta = GRACE, scheduler=None, gather: float | None = GATHER):
        """``gather``: seconds a minute's jobs are gathered before their runs are queued, by a
        thread of their own; ``None``: each job queues its run and drains the queue itself."""
        self.runner = runner
        self.gather = gather
        self.store = runner.store
        self.grace = grace
        self.scheduler = scheduler or BackgroundScheduler(timezone="UTC")
        self._stop = threading.Event()
        self._heart: threading.Thread | None = None
        self._sync_lock = threading.Lock()
        self._fired: set[tuple[str, str]] = set()  # (channel, team) whose job fired, to be queued together
        self._fired_lock = threading.Lock()
        self._wake = threading.Event()
        self._drainer: threading.Thread | None = None

    @property
    def clock(self):
        return self.runner.clock

    # -- life ----------------------------------------------------------------------------------

    def start(self, *, heartbeat: bool = True) -> None:
        """Jobs from the table, a first tick right away (the catch-up after a restart), then one
        every minute; ``heartbeat``: a thread that keeps this process's claims alive."""
        now = self.clock()
        self.runner.beat()
        self.sync()
        self.scheduler.add_job(
            self.tick,
            IntervalTrigger(seconds=max(1, int(TICK_EVERY.total_seconds())), start_date=now, timezone=UTC),
            next_run_time=now,
            id=TICK_ID,
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
        )
        if heartbeat:
            self._heart = threading.Thread(target=self._beat_forever, name="digest-heartbeat", daemon=True)
            self._heart.start()
        if self.gather is not None:
            self._drainer = threading.Thread(target=self._drain_forever, name="digest-queue", daemon=True)
            self._drainer.start()
        self.scheduler.start()

    def shutdown(self, timeout: float = 10.0) -> None:
        """Fire nothing more; the jobs running finish (a drain stops between batches) and the
        scheduler's threads, the heartbeat and the queue's end (``timeout`` seconds each)."""
        self._stop.set()
        self._wake.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)
        for thread in (self._heart, self._drainer):
            if thread is not None:
                thread.join(timeout)

    def _beat_forever(self) -> None:
        while not self._stop.wait(HEARTBEAT_EVERY.total_seconds()):
            try:
                self.runner.beat()
            except Exception:  # a busy database this time; the next beat is 15 s away
                log.exception("digest heartbeat failed")

    # -- jobs ----------------------------------------------------------------------------------

    def sync(self) -> None:
        """One job per subscription, as the table says; none for channels no longer subscribed."""
        with self._sync_lock:
            jobs = {job.id: job for job in self.scheduler.get_jobs() if job.id.startswith("digest:")}
            wanted = set()
            for sub in self.store.digests.subscriptions():
                jid = job_id(sub["channel"], sub["team"])
                wanted.add(jid)
                if jid in jobs and jobs[jid].name == job_name(sub):
                    continue  # unchanged: keep its next run time
                self.scheduler.add_job(
                    self.fired,
                    trigger(sub["schedule"], sub["at"], sub["zone"]),
                    args=[sub["channel"], sub["team"]],
                    id=jid,
                    name=job_name(sub),
                    replace_existing=True,
                    coalesce=True,
                    misfire_grace_time=int(self.grace.total_seconds()),
                    max_instances=1,
                )
            for jid, job in jobs.items():
                if jid not in wanted:
                    job.remove()

    def tick(self) -> list[Outcome]:
        try:
            self.sync()
        except Exception:
            log.exception("digest jobs could not be synced with the subscriptions")
        return self.catch_up()

    # -- runs ----------------------------------------------------------------------------------

    def fired(self, channel: str, team: str | None = None) -> None:
        """The job of ``channel`` (in the workspace ``team``): its run is queued with the others
        of this minute, then posted by whichever process claims it."""
        if self.gather is None:
            self.queue_due({(channel, ws(team))})
            self.drain()
            return
        with self._fired_lock:
            self._fired.add((channel, ws(team)))
        self._wake.set()

    def _drain_forever(self) -> None:
        while not self._stop.is_set():
            self._wake.wait()
            if self._stop.wait(self.gather):  # the other jobs of this minute fire meanwhile
                return
            self._wake.clear()
            with self._fired_lock:
                channels, self._fired = self._fired, set()
            try:
                self.queue_due(channels)
                self.drain(threads=THREADS)
            except Exception:
                log.exception("digests due could not be queued or posted")

    def queue_due(self, channels: set | None = None) -> list[tuple[str, str, str]]:
        """Queue the runs due now of ``channels`` ((channel, team) pairs, or channels of the
        single-workspace mode; all when ``None``) that the ledger does not have; the (channel,
        period, team) of each due."""
        now = self.clock()
        due = []
        wanted = None if channels is None else {c if isinstance(c, tuple) else (c, "") for c in channels}
        for sub in self.store.digests.subscriptions():
            if sub["paused_reason"] or (wanted is not None and (sub["channel"], ws(sub["team"])) not in wanted):
                continue
            found = self.due(sub, now)
            if found is not None and now - found[0] <= self.grace:
                due.append((sub["channel"], found[1], ws(sub["team"])))
        self.store.digests.queue(due, now=iso(now))
        return due

    def drain(self, *, threads: int = 1) -> list[Outcome]:
        """Post queued runs, ``BATCH`` claimed at a time by each of ``threads`` threads (1: this
        one), until the queue is empty; their outcomes. A run queued more than the grace window
        ago is not posted from the queue (``catch_up`` settles it, as a run whose process died)."""
        outcomes: list[Outcome] = []

        def work() -> None:
            while not self._stop.is_set():
                claimed = self.runner.claim_queued(BATCH, since=self.clock() - self.grace)
                if not claimed:
                    return
                outcomes.extend(self._post_queued(run) for run in claimed)

        if threads <= 1:
            work()
            return outcomes
        workers = [threading.Thread(target=work, name=f"digest-post-{i}", daemon=True) for i in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        return outcomes

    def _post_queued(self, run: dict) -> Outcome:
        try:
            outcome = self.runner.run_claimed(run)
        except Exception:
            log.exception("digest for %s failed", where(run["channel"], run["team"]))
            outcome = Outcome("failed", "error")
        return replace(outcome, channel=run["channel"], team=run["team"])

    def fire(self, channel: str, team: str | None = None) -> Outcome | None:
        """Post the digest of the period due now in ``channel`` (of the workspace ``team``), if
        it is not done: queued, then the queue drained in this thread (what the jobs do, for one
        channel, at once)."""
        try:
            sub = self.store.digests.subscription(channel, team)
            if sub is None or sub["paused_reason"]:
                return None
            now = self.clock()
            found = self.due(sub, now)
            if found is None:
                return None
            run = self.store.digests.run_for(channel, found[1], team)
            if run is not None:
                return self._run_due(sub, now)
            if now - found[0] > self.grace:
                return self._run_due(sub, now)
            self.store.digests.queue([(channel, found[1], ws(team))], now=iso(now))
            outcomes = self.drain()
            mine = [o for o in outcomes if o.channel == channel and o.team == ws(team)]
            return mine[0] if mine else Outcome("skipped", "already done, or being done by a running process")
        except Exception:
            log.exception("digest for %s failed", channel)
            return None

    def catch_up(self) -> list[Outcome]:
        """Every digest due within the grace window and not done; runs whose process died.

        The runs of all subscriptions are read together: a run the ledger lacks is queued (or
        recorded missed, past the grace window), a failed one is retried when its wait is over,
        one a live process holds is left to it; then the queue is drained."""
        outcomes = []
        now = self.clock()
        due: dict[tuple[str, str, str], tuple[dict, datetime]] = {}
        for sub in self.store.digests.subscriptions():
            if sub["paused_reason"]:
                continue
            found = self.due(sub, now)
            if found is not None:
                due[(sub["channel"], found[1], ws(sub["team"]))] = (sub, found[0])
        runs = self.store.digests.runs_of(due)
        dead_before = iso(now - DEAD_AFTER)
        alive: dict[str | None, bool] = {}
        queue = []
        for pair, (sub, when) in due.items():
            channel, period, team = pair
            run = runs.get(pair)
            try:
                if run is None:
                    if now - when <= self.grace:
                        queue.append(pair)
                    elif self.store.digests.record(channel, period, "missed", now=iso(now), error=MISSED, team=team):
                        log.warning("digest for %s (%s) missed: %s", where(channel, team), period, MISSED)
                elif run["status"] == "failed" and now - when <= self.grace:
                    outcomes.append(self.runner.run(channel, period, team=sub["team"]))
                elif run["status"] == "claimed" and run["claimed_by"]:
                    if run["claimed_by"] not in alive:
                        alive[run["claimed_by"]] = self.store.digests.worker_alive(
                            run["claimed_by"], dead_before=dead_before
                        )
                    if alive[run["claimed_by"]]:
                        outcomes.append(
                            Outcome("skipped", "being done by a running process", channel=channel, team=team)
                        )
            except Exception:
                log.exception("digest for %s failed", where(channel, team))
        self.store.digests.queue(queue, now=iso(now))
        outcomes += self.drain()
        for run in self.store.digests.abandoned(dead_before=iso(self.clock() - DEAD_AFTER)):
            try:
                outcome = self._settle(run)
            except Exception:
                log.exception("digest run %s could not be settled", run["id"])
                continue
            if outcome is not None:
                outcomes.append(outcome)
        return outcomes

    def due(self, sub: dict, now: datetime) -> tuple[datetime, str] | None:
        """The latest fire time of ``sub`` at or before ``now`` (not before it was set up), and its period."""
        found = last_due(sub["schedule"], sub["at"], sub["zone"], now)
        if found is None or found[0] < parse_iso(sub["changed_at"] or sub["created_at"]):
            return None  # set up after that time: its first digest is the next one
        return found

    def _run_due(self, sub: dict, now: datetime) -> Outcome | None:
        found = self.due(sub, now)
        if found is None:
            return None
        when, period = found
        run = self.store.digests.run_for(sub["channel"], period, sub["team"])
        if run is not None and run["status"] in DONE:
            return None
        if now - when > self.grace:
            recorded = run is None and self.store.digests.record(
                sub["channel"], period, "missed", now=iso(now), error=MISSED, team=sub["team"]
            )
            if recorded:
                log.warning("digest for %s (%s) missed: %s", where(sub["channel"], sub["team"]), period, MISSED)
            return None  # a claimed one whose process died is settled by catch_up
        return self.runner.run(sub["channel"], period, team=sub["team"])

    def _settle(self, run: dict) -> Outcome | None:
        """A run whose process died: run again if still due, else settle it without posting."""
        now = self.clock()
        if not run["period"].startswith(MANUAL):
            sub = self.store.digests.subscription(run["channel"], run["team"])
            found = self.due(sub, now) if sub is not None and not sub["paused_reason"] else None
            if found is not None and found[1] == run["period"] and now - found[0] <= self.grace:
                return self.runner.run(run["channel"], run["period"], team=sub["team"])
        return self.runner.settle(run, gave_up="interrupted before it was posted, and not posted later")
