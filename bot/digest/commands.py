"""``/digest``: subscribe a channel, stop, show the status, post one now; plain text replies."""

from __future__ import annotations

from dataclasses import dataclass

from bot.digest.runner import Outcome, Runner, iso
from bot.digest.schedule import SCHEDULES, ScheduleError, last_due, next_due, parse_time, parse_zone
from storage import digests as ledger

USAGE = """\
/digest daily HH:MM [Area/City]: a digest here every day at that time (your time zone unless you name one)
/digest weekdays HH:MM [Area/City]: the same, Monday to Friday
/digest status: the schedule, the next run, the last run and how it went
/digest now: post a digest here now
/digest off: stop the digests here
/digest feeds add URL | remove URL | list | poll: the RSS/Atom feeds the news comes from
/digest help: this"""


@dataclass
class Reply:
    text: str
    ok: bool = True
    changed: bool = False  # the subscription changed: reschedule


class DigestCommands:
    def __init__(self, runner: Runner, *, on_change=None):
        self.runner = runner
        self.store = runner.store
        self.on_change = on_change or (lambda: None)

    def handle(self, text: str, *, channel: str, user: str | None = None, user_zone: str | None = None) -> Reply:
        words = (text or "").split()
        verb = words[0].casefold() if words else "help"
        if verb in SCHEDULES:
            return self._subscribe(verb, words[1:], channel, user, user_zone)
        if verb in {"off", "stop", "unsubscribe"}:
            removed = ledger.unsubscribe(self.store, channel)
            if removed:
                self.on_change()
            return Reply("Digests stopped for this channel." if removed else "This channel has no digest to stop.")
        if verb == "status":
            return Reply(self.status(channel))
        if verb == "now":
            return self._now(channel)
        if verb in {"help", "?"}:
            return Reply(USAGE)
        return Reply(f"I don't know /digest {verb[:40]}.\n{USAGE}", ok=False)

    def _subscribe(self, schedule: str, args: list[str], channel: str, user, user_zone) -> Reply:
        if not args:
            return Reply(f"When? For example: /digest {schedule} 08:30 Europe/London", ok=False)
        try:
            at = parse_time(args[0])
            zone = parse_zone(args[1] if len(args) > 1 else (user_zone or "UTC"))
        except ScheduleError as error:
            return Reply(str(error), ok=False)
        ledger.subscribe(
            self.store, channel, schedule=schedule, at=at, zone=zone, now=iso(self.runner.clock()), created_by=user
        )
        self.on_change()
        when = next_due(schedule, at, zone, self.runner.clock())
        days = "every day" if schedule == "daily" else "Monday to Friday"
        return Reply(
            f"Subscribed: a digest here {days} at {at} ({zone}). Next: {when:%a %d %b %H:%M %Z}.", changed=True
        )

    def status(self, channel: str) -> str:
        sub = ledger.subscription(self.store, channel)
        last = ledger.last_run(self.store, channel)
        lines = []
        if sub is None:
            lines.append("This channel has no digest. Start one with /digest daily HH:MM.")
        else:
            days = "every day" if sub["schedule"] == "daily" else "Monday to Friday"
            lines.append(f"Digest {days} at {sub['at']} ({sub['zone']}).")
            if sub["paused_reason"]:
                lines.append(f"Paused: {sub['paused_reason']}")
            else:
                when = next_due(sub["schedule"], sub["at"], sub["zone"], self.runner.clock())
                lines.append(f"Next run: {when:%a %d %b %Y %H:%M %Z}.")
        if last is not None:
            outcome = {
                "posted": f"posted ({last['articles']} articles)",
                "empty": "nothing new, so nothing posted",
                "claimed": "in progress",
                "failed": f"failed ({last['error']}); it will be retried",
                "paused": f"not posted ({last['error']})",
                "missed": f"missed ({last['error']})",
            }[last["status"]]
            lines.append(f"Last run: {last['period']}, {outcome}.")
        return "\n".join(lines)

    def _now(self, channel: str) -> Reply:
        sub = ledger.subscription(self.store, channel)
        now = self.runner.clock()
        period = f"manual {iso(now)}"
        if sub is not None:
            due = last_due(sub["schedule"], sub["at"], sub["zone"], now)
            period = f"manual {due[1] if due else ''} {iso(now)}"
        outcome: Outcome = self.runner.run(channel, period)
        text = {
            "posted": "Here is your digest.",
            "empty": "Nothing new since the last digest.",
            "paused": f"I could not post here: {outcome.detail}",
            "failed": f"Posting the digest failed ({outcome.detail}). Please try again.",
            "skipped": f"Not posted: {outcome.detail}.",
        }.get(outcome.status, "A digest is already being posted here.")
        return Reply(text, ok=outcome.status in {"posted", "empty"})
