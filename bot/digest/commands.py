"""``/digest``: subscribe a channel, stop, show the status, post one now; plain text replies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from zoneinfo import ZoneInfo

from bot.digest.runner import DEAD_AFTER, MANUAL, UNSURE, Outcome, Runner
from bot.digest.schedule import SCHEDULES, ScheduleError, fire_time, parse_time, parse_zone, period_day, upcoming
from bot.digest.scheduler import GRACE
from storage import iso, parse_iso

USAGE = """\
/digest daily HH:MM [Area/City]: a digest here every day at that time (your Slack time zone unless you name one)
/digest weekdays HH:MM [Area/City]: the same, Monday to Friday
/digest status: the schedule, the next run, the last run and how it went
/digest now: post a digest here now
/digest off: stop the digests here
/digest feeds add URL | remove URL | list | poll: the RSS/Atom feeds the news comes from
/digest help: this"""

FALLBACK_ZONE = "UTC"


@dataclass
class Reply:
    text: str
    ok: bool = True
    changed: bool = False  # the subscription changed: reschedule


@dataclass
class ChannelDigest:
    """A channel's digest as its Home tab shows it, in plain words."""

    channel: str
    schedule: str  # "every day at 08:30 (Europe/London)"
    next_run: str | None  # "Mon 01 Jun 2026 08:30 BST"; None while paused
    last: str | None  # "the digest of Mon 01 Jun 2026, posted (3 articles)"; None before the first
    paused: str | None  # why, when it is paused


def _days(schedule: str) -> str:
    return "every day" if schedule == "daily" else "Monday to Friday"


def _when(moment: datetime, zone: str) -> str:
    return f"{moment.astimezone(ZoneInfo(zone)):%a %d %b %Y %H:%M %Z}"


class DigestCommands:
    def __init__(self, runner: Runner, *, on_change=None, grace=GRACE):
        self.runner = runner
        self.store = runner.store
        self.on_change = on_change or (lambda: None)
        self.grace = grace

    def handle(
        self,
        text: str,
        *,
        channel: str,
        user: str | None = None,
        user_zone: str | None = None,
        team: str | None = None,
        enterprise: str | None = None,
    ) -> Reply:
        """``user_zone``: the requesting user's Slack time zone (``users.info``), ``None`` if unknown;
        ``team``: the workspace asking (with many workspaces), and ``enterprise`` its Enterprise
        Grid org, kept with a subscription. Each workspace sees and changes only its own
        subscription of a channel: a Slack Connect channel shared by two has one of each."""
        words = (text or "").split()
        verb = words[0].casefold() if words else "help"
        if verb in SCHEDULES:
            return self._subscribe(verb, words[1:], channel, user, user_zone, team, enterprise)
        if verb in {"off", "stop", "unsubscribe"}:
            removed = self.store.digests.unsubscribe(channel, team)
            if removed:
                self.on_change()
            return Reply("Digests stopped for this channel." if removed else "This channel has no digest to stop.")
        if verb == "status":
            return Reply(self.status(channel, team))
        if verb == "now":
            return self._now(channel, team, enterprise)
        if verb in {"help", "?"}:
            return Reply(USAGE)
        return Reply(f"I don't know /digest {verb[:40]}.\n{USAGE}", ok=False)

    def _subscribe(
        self, schedule: str, args: list[str], channel: str, user, user_zone, team=None, enterprise=None
    ) -> Reply:
        example = f"/digest {schedule} 08:30 Europe/London"
        if not args:
            return Reply(f"When? For example: {example}", ok=False)
        if len(args) > 2:
            return Reply(f"Too many words: give a time and, if you like, a zone. For example: {example}", ok=False)
        note = ""
        try:
            at = parse_time(args[0])
            if len(args) > 1:
                zone = parse_zone(args[1])
            else:
                zone, note = self._default_zone(user_zone, example)
        except ScheduleError as error:
            return Reply(str(error), ok=False)
        now = self.runner.clock()
        self.store.digests.subscribe(
            channel,
            schedule=schedule,
            at=at,
            zone=zone,
            now=iso(now),
            created_by=user,
            team=team,
            enterprise=enterprise,
        )
        self.on_change()
        sub = self.store.digests.subscription(channel, team)
        text = f"Subscribed: a digest here {_days(schedule)} at {at} ({zone}). Next: {_when(self.next_run(sub), zone)}."
        return Reply(text + note, changed=True)

    @staticmethod
    def _default_zone(user_zone: str | None, example: str) -> tuple[str, str]:
        if user_zone:
            try:
                return parse_zone(user_zone), ""
            except ScheduleError:
                pass
        return FALLBACK_ZONE, (
            f"\nI could not read your Slack time zone, so this is in {FALLBACK_ZONE}."
            f" To use another, name it: {example}"
        )

    def next_run(self, sub: dict) -> datetime:
        """The next time a digest will be posted: periods already done are passed over."""
        soon = list(islice(upcoming(sub["schedule"], sub["at"], sub["zone"], self.runner.clock()), 8))
        done = self.store.digests.done_periods(sub["channel"], [period for _when, period in soon], sub["team"])
        return next((when for when, period in soon if period not in done), soon[-1][0])

    def of_user(self, user: str, *, limit: int = 20, team: str | None = None) -> list[ChannelDigest]:
        """The digests ``user`` set up (``team``: in that workspace), each with its schedule, next
        run and last result."""
        found = []
        for sub in self.store.digests.subscriptions_by(user, limit=limit, team=team):
            last = self.store.digests.last_run(sub["channel"], sub["team"])
            found.append(
                ChannelDigest(
                    channel=sub["channel"],
                    schedule=f"{_days(sub['schedule'])} at {sub['at']} ({sub['zone']})",
                    next_run=None if sub["paused_reason"] else _when(self.next_run(sub), sub["zone"]),
                    last=self._describe(last, sub, sub["zone"]) if last is not None else None,
                    paused=sub["paused_reason"],
                )
            )
        return found

    def status(self, channel: str, team: str | None = None) -> str:
        sub = self.store.digests.subscription(channel, team)
        last = self.store.digests.last_run(channel, team)
        zone = sub["zone"] if sub is not None else FALLBACK_ZONE
        lines = []
        if sub is None:
            lines.append("This channel has no digest. Start one with /digest daily HH:MM.")
        else:
            lines.append(f"Digest {_days(sub['schedule'])} at {sub['at']} ({zone}).")
            if sub["paused_reason"]:
                lines.append(f"Paused: {sub['paused_reason']}")
                lines.append(f"To resume: /digest {sub['schedule']} {sub['at']} {zone}, or /digest now to try at once.")
            else:
                lines.append(f"Next run: {_when(self.next_run(sub), zone)}.")
        if last is not None:
            lines.append(f"Last run: {self._describe(last, sub, zone)}.")
        return "\n".join(lines)

    def _describe(self, run: dict, sub: dict | None, zone: str) -> str:
        day = period_day(run["period"])
        if run["period"].startswith(MANUAL) or day is None:
            label = f"/digest now on {_when(parse_iso(run['claimed_at']), zone)}"
            due = None
        else:
            label = f"the digest of {day:%a %d %b %Y}"
            due = fire_time(sub["at"], sub["zone"], day) if sub is not None else None
        n = run["articles"] or 0
        error = run["error"] or "unknown error"
        status = run["status"]
        if status == "posted":
            outcome = f"posted ({n} article{'s' if n != 1 else ''})"
        elif status == "empty":
            outcome = "nothing new, so nothing posted"
        elif status == "claimed":
            alive = self.store.digests.worker_alive(
                run["claimed_by"], dead_before=iso(self.runner.clock() - DEAD_AFTER)
            )
            outcome = "being posted right now" if alive else "interrupted (the bot stopped); it is being checked"
        elif status == "paused":
            outcome = f"not posted ({error})"
        elif status == "missed":
            outcome = f"missed ({error}); its articles will be in the next digest"
        else:  # failed
            retrying = (
                due is not None
                and sub is not None
                and not sub["paused_reason"]
                and self.runner.clock() - due <= self.grace
            )
            if retrying:
                outcome = f"failed ({error}); it will be retried until {_when(due + self.grace, zone)}"
            elif run["unsure"]:
                outcome = f"failed ({error}); it may have been posted, so it was not posted again"
            else:
                outcome = f"failed ({error}); its articles will be in the next digest"
        return f"{label}, {outcome}"

    def _now(self, channel: str, team: str | None = None, enterprise: str | None = None) -> Reply:
        before = self.store.digests.subscription(channel, team)
        outcome: Outcome = self.runner.run(
            channel, f"{MANUAL} {iso(self.runner.clock())}", team=team, enterprise=enterprise
        )
        if outcome.status == "posted" and before is not None and before["paused_reason"]:
            return Reply("Here is your digest. Posting works here again, so the schedule is resumed.")
        if outcome.status == "failed" and outcome.detail == UNSURE:
            return Reply(
                "Slack did not answer, so the digest may have been posted: look here before asking again.", ok=False
            )
        text = {
            "posted": "Here is your digest.",
            "recovered": "Here is your digest.",
            "empty": outcome.detail or "Nothing new since the last digest.",
            "paused": f"I could not post here: {outcome.detail}",
            "failed": f"Posting the digest failed ({outcome.detail}). Please try again.",
        }.get(outcome.status, f"Not posted: {outcome.detail}.")
        return Reply(text, ok=outcome.status in {"posted", "recovered", "empty"})
