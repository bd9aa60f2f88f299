"""Firing digests on time: APScheduler jobs kept in step with the subscriptions table.

The subscriptions table is the source of truth. Every subscription has a job with a fixed id
(``digest:<channel>``, ``replace_existing``), a cron trigger in its own IANA zone,
``coalesce`` and a misfire grace of an hour. A tick every minute (and once at start):

- re-reads the table, so a subscription changed by another process is followed here too
  (only jobs whose schedule changed are replaced: a job about to fire keeps its time);
- catches up: a digest due within the grace window and not done (the process was down
  through its minute, a retry after a failure, a run whose process died) is run now; one past
  the window is recorded as missed, so ``/digest status`` says so instead of skipping it
  silently (its articles go into the next digest);
- settles runs whose process died and that will not be posted any more.

A heartbeat thread keeps this process's claims alive in the ledger, so a second process on
the same database never takes over a run this one is still posting.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.digest.runner import DEAD_AFTER, HEARTBEAT_EVERY, MANUAL, Outcome, Runner
from bot.digest.schedule import last_due, trigger
from storage import iso, parse_iso
from storage.digests import DONE

log = logging.getLogger("bot.digest")

GRACE = timedelta(hours=1)
# a tick also takes over the runs of processes that died: no rarer than they are found dead
TICK_EVERY = min(timedelta(minutes=1), DEAD_AFTER)
TICK_ID = "digest-tick"
MISSED = "the bot was not running at that time"


def job_id(channel: str) -> str:
    return f"digest:{channel}"


def job_name(sub: dict) -> str:
    return f"digest for {sub['channel']}: {sub['schedule']} {sub['at']} {sub['zone']}"


class DigestScheduler:
    def __init__(self, runner: Runner, *, grace: timedelta = GRACE, scheduler=None):
        self.runner = runner
        self.store = runner.store
        self.grace = grace
        self.scheduler = scheduler or BackgroundScheduler(timezone="UTC")
        self._stop = threading.Event()
        self._heart: threading.Thread | None = None
        self._sync_lock = threading.Lock()

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
        self.scheduler.start()

    def shutdown(self) -> None:
        self._stop.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

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
                jid = job_id(sub["channel"])
                wanted.add(jid)
                if jid in jobs and jobs[jid].name == job_name(sub):
                    continue  # unchanged: keep its next run time
                self.scheduler.add_job(
                    self.fire,
                    trigger(sub["schedule"], sub["at"], sub["zone"]),
                    args=[sub["channel"]],
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

    def fire(self, channel: str) -> Outcome | None:
        """The job: post the digest of the period due now, if it is not done."""
        try:
            sub = self.store.digests.subscription(channel)
            if sub is None or sub["paused_reason"]:
                return None
            return self._run_due(sub, self.clock())
        except Exception:
            log.exception("digest for %s failed", channel)
            return None

    def catch_up(self) -> list[Outcome]:
        """Every digest due within the grace window and not done; runs whose process died."""
        outcomes = []
        now = self.clock()
        for sub in self.store.digests.subscriptions():
            if sub["paused_reason"]:
                continue
            try:
                outcome = self._run_due(sub, now)
            except Exception:
                log.exception("digest for %s failed", sub["channel"])
                continue
            if outcome is not None:
                outcomes.append(outcome)
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
        run = self.store.digests.run_for(sub["channel"], period)
        if run is not None and run["status"] in DONE:
            return None
        if now - when > self.grace:
            if run is None and self.store.digests.record(sub["channel"], period, "missed", now=iso(now), error=MISSED):
                log.warning("digest for %s (%s) missed: %s", sub["channel"], period, MISSED)
            return None  # a claimed one whose process died is settled by catch_up
        return self.runner.run(sub["channel"], period)

    def _settle(self, run: dict) -> Outcome | None:
        """A run whose process died: run again if still due, else settle it without posting."""
        now = self.clock()
        if not run["period"].startswith(MANUAL):
            sub = self.store.digests.subscription(run["channel"])
            found = self.due(sub, now) if sub is not None and not sub["paused_reason"] else None
            if found is not None and found[1] == run["period"] and now - found[0] <= self.grace:
                return self.runner.run(run["channel"], run["period"])
        return self.runner.settle(run, gave_up="interrupted before it was posted, and not posted later")
