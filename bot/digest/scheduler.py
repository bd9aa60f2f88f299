"""Firing digests on time: APScheduler jobs rebuilt from the subscriptions table.

The subscriptions table is the source of truth. At start every subscription gets a job with a
fixed id (``digest:<channel>``, ``replace_existing``), an explicit IANA zone, ``coalesce`` and
a misfire grace of an hour; then a catch-up pass runs each digest whose time passed within the
grace window while the process was down. Past the window the period is recorded as missed, so
``/digest status`` says so instead of skipping it silently.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler

from bot.digest.runner import Outcome, Runner, iso
from bot.digest.schedule import last_due, trigger
from storage import digests as ledger

log = logging.getLogger("bot.digest")

GRACE = timedelta(hours=1)


def job_id(channel: str) -> str:
    return f"digest:{channel}"


class DigestScheduler:
    def __init__(self, runner: Runner, *, grace: timedelta = GRACE, scheduler=None):
        self.runner = runner
        self.store = runner.store
        self.clock = runner.clock
        self.grace = grace
        self.scheduler = scheduler or BackgroundScheduler(timezone="UTC")

    def start(self) -> None:
        self.sync()
        self.catch_up()
        # a run whose process died after claiming it is picked up again once its claim is stale
        self.scheduler.add_job(
            self.catch_up, "interval", minutes=5, id="digest-catch-up", replace_existing=True, coalesce=True
        )
        self.scheduler.start()

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def sync(self) -> None:
        """One job per subscription, and none for channels no longer subscribed."""
        wanted = set()
        for sub in ledger.subscriptions(self.store):
            wanted.add(job_id(sub["channel"]))
            self.scheduler.add_job(
                self.fire,
                trigger(sub["schedule"], sub["at"], sub["zone"]),
                args=[sub["channel"]],
                id=job_id(sub["channel"]),
                name=f"digest for {sub['channel']} at {sub['at']} {sub['zone']}",
                replace_existing=True,
                coalesce=True,
                misfire_grace_time=int(self.grace.total_seconds()),
                max_instances=1,
            )
        for job in self.scheduler.get_jobs():
            if job.id.startswith("digest:") and job.id not in wanted:
                job.remove()

    def fire(self, channel: str) -> Outcome | None:
        """The job: post the digest of the period that is due now (if any)."""
        sub = ledger.subscription(self.store, channel)
        if sub is None:
            return None
        due = last_due(sub["schedule"], sub["at"], sub["zone"], self.clock())
        if due is None:
            return None
        when, period = due
        if self.clock() - when > self.grace:
            ledger.record(self.store, channel, period, "missed", now=iso(self.clock()), error="the bot was not running")
            return None
        try:
            return self.runner.run(channel, period)
        except Exception:
            log.exception("digest for %s (%s) failed", channel, period)
            return None

    def catch_up(self) -> list[Outcome]:
        """Run every digest that fell due while the process was down (within the grace window)."""
        outcomes = []
        now = self.clock()
        for sub in ledger.subscriptions(self.store):
            due = last_due(sub["schedule"], sub["at"], sub["zone"], now)
            if due is None:
                continue
            when, period = due
            run = ledger.run_for(self.store, sub["channel"], period)
            if run is not None and run["status"] in ledger.DONE:
                continue
            if when < _created(sub):
                continue  # subscribed after that time: its first digest is the next one
            if now - when > self.grace:
                ledger.record(
                    self.store, sub["channel"], period, "missed", now=iso(now), error="the bot was not running"
                )
                continue
            outcome = self.fire(sub["channel"])
            if outcome is not None:
                outcomes.append(outcome)
        return outcomes


def _created(sub: dict) -> datetime:
    return datetime.strptime(sub["created_at"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
