"""Times, zones and periods of a digest schedule.

A subscription says ``daily`` or ``weekdays`` at ``HH:MM`` in an IANA zone. Each due date is a
*period* (the local date, ``2026-03-29``): the ledger posts one digest per channel and period.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.cron import CronTrigger

SCHEDULES = ("daily", "weekdays")


class ScheduleError(ValueError):
    """A time or zone the user typed that cannot be used; the message says why."""


def parse_time(text: str) -> str:
    """``7:05``, ``07:05`` -> ``07:05``; anything else is a :class:`ScheduleError`."""
    m = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text.strip())
    if not m:
        raise ScheduleError(f"{text.strip()[:40]!r} is not a time: use 24-hour HH:MM, like 08:30 or 17:05.")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def parse_zone(text: str) -> str:
    """An IANA zone name (``Europe/London``); anything else is a :class:`ScheduleError`."""
    name = text.strip()
    if len(name) > 64 or not re.fullmatch(r"[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+){0,2}", name) or name.lower() == "localtime":
        raise ScheduleError(f"{name[:40]!r} is not a time zone: use an Area/City name like Europe/London.")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ScheduleError(f"Unknown time zone {name[:40]!r}: use an Area/City name like America/New_York.") from exc
    return name


def trigger(schedule: str, at: str, zone: str) -> CronTrigger:
    hour, minute = (int(x) for x in at.split(":"))
    days = "mon-fri" if schedule == "weekdays" else "*"
    return CronTrigger(hour=hour, minute=minute, day_of_week=days, timezone=ZoneInfo(zone))


def _runs_on(schedule: str, day: date) -> bool:
    return schedule == "daily" or day.weekday() < 5


def fire_time(at: str, zone: str, day: date) -> datetime:
    """When ``day``'s digest is due. A time that a clock change skips is taken after the change."""
    hour, minute = (int(x) for x in at.split(":"))
    tz = ZoneInfo(zone)
    local = datetime.combine(day, time(hour, minute), tzinfo=tz)
    # round-trip through UTC: a non-existent local time (spring forward) moves past the gap
    return local.astimezone(ZoneInfo("UTC")).astimezone(tz)


def last_due(schedule: str, at: str, zone: str, now: datetime) -> tuple[datetime, str] | None:
    """The latest fire time at or before ``now``, and its period."""
    today = now.astimezone(ZoneInfo(zone)).date()
    for back in range(8):
        day = today - timedelta(days=back)
        if not _runs_on(schedule, day):
            continue
        when = fire_time(at, zone, day)
        if when <= now:
            return when, day.isoformat()
    return None


def next_due(schedule: str, at: str, zone: str, now: datetime) -> datetime:
    return trigger(schedule, at, zone).get_next_fire_time(None, now)


def period_of(when: datetime, zone: str) -> str:
    return when.astimezone(ZoneInfo(zone)).date().isoformat()
