"""Times, zones and periods of a digest schedule.

A subscription says ``daily`` or ``weekdays`` at ``HH:MM`` in an IANA zone. Each due date is a
*period* (the local date, ``2026-03-29``): the ledger posts one digest per channel and period.

Clock changes, decided once here and followed by the APScheduler trigger too:

- a time the clock skips (01:30 in London on the last Sunday of March, 02:30 in New York on
  the second Sunday of March) is due once, as long after the change as it would have been
  before it: 02:30 BST, 03:30 EDT;
- a time the clock passes twice (01:30 in London or New York on the day clocks go back) is due
  once, at its first occurrence (summer time). APScheduler's cron trigger fires again at the
  second occurrence; that firing finds the period already done in the ledger and posts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from apscheduler.triggers.cron import CronTrigger

SCHEDULES = ("daily", "weekdays")
TIME_EXAMPLE = "use 24-hour HH:MM, like 08:30 or 17:05"


class ScheduleError(ValueError):
    """A time or zone the user typed that cannot be used; the message says why."""


def parse_time(text: str) -> str:
    """``7:05``, ``07:05`` -> ``07:05``; anything else is a :class:`ScheduleError`."""
    m = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text.strip())
    if not m:
        raise ScheduleError(f"{text.strip()[:40]!r} is not a time: {TIME_EXAMPLE}.")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


@cache
def _zones() -> dict[str, str]:
    """Every IANA zone name, by its case-folded spelling."""
    return {name.casefold(): name for name in available_timezones() if name.casefold() != "localtime"}


def parse_zone(text: str) -> str:
    """An IANA zone name (``Europe/London``, any case); anything else is a :class:`ScheduleError`."""
    name = text.strip()
    if len(name) > 64 or not re.fullmatch(r"[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+){0,2}", name) or name.lower() == "localtime":
        raise ScheduleError(f"{name[:40]!r} is not a time zone: use an Area/City name like Europe/London.")
    canonical = _zones().get(name.casefold())
    if canonical is None:
        raise ScheduleError(f"Unknown time zone {name[:40]!r}: use an Area/City name like America/New_York.")
    try:
        ZoneInfo(canonical)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ScheduleError(f"Unknown time zone {name[:40]!r}: use an Area/City name like America/New_York.") from exc
    return canonical


def trigger(schedule: str, at: str, zone: str) -> CronTrigger:
    """The APScheduler trigger of a subscription: its minute, in its own zone."""
    hour, minute = (int(x) for x in at.split(":"))
    days = "mon-fri" if schedule == "weekdays" else "*"
    return CronTrigger(hour=hour, minute=minute, day_of_week=days, timezone=ZoneInfo(zone))


def runs_on(schedule: str, day: date) -> bool:
    return schedule == "daily" or day.weekday() < 5


def fire_time(at: str, zone: str, day: date) -> datetime:
    """When ``day``'s digest is due, in UTC (see the module's note on clock changes).

    UTC, not local: Python compares and subtracts two times of the same zone by their wall
    clocks, ignoring ``fold``, and never finds a repeated local time equal to a time in another
    zone (PEP 495), so local times are only for display.
    """
    hour, minute = (int(x) for x in at.split(":"))
    # fold=0: the first of two occurrences; in a gap, the offset from before it (the time moves
    # forward by the gap)
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone)).astimezone(UTC)


def last_due(schedule: str, at: str, zone: str, now: datetime) -> tuple[datetime, str] | None:
    """The latest fire time at or before ``now``, and its period."""
    today = now.astimezone(ZoneInfo(zone)).date()
    for back in range(8):
        day = today - timedelta(days=back)
        if not runs_on(schedule, day):
            continue
        when = fire_time(at, zone, day)
        if when <= now:
            return when, day.isoformat()
    return None


def upcoming(schedule: str, at: str, zone: str, now: datetime) -> Iterator[tuple[datetime, str]]:
    """The fire times after ``now``, with their periods, in order."""
    day = now.astimezone(ZoneInfo(zone)).date() - timedelta(days=1)
    while True:
        if runs_on(schedule, day):
            when = fire_time(at, zone, day)
            if when > now:
                yield when, day.isoformat()
        day += timedelta(days=1)


def next_due(schedule: str, at: str, zone: str, now: datetime) -> datetime:
    return next(upcoming(schedule, at, zone, now))[0]


def period_day(period: str) -> date | None:
    """The date of a scheduled period (``None`` for a ``/digest now`` run)."""
    try:
        return date.fromisoformat(period)
    except ValueError:
        return None
