"""Schedules across clock changes: one post per due period, at the right local minute."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.digest.schedule import ScheduleError, fire_time, last_due, parse_time, parse_zone, trigger
from storage import Store
from tests.conftest import make_extraction, save
from tests.digest.conftest import Clock, make_scheduler, periods, subscribe, utc

# (zone, first day, days): windows around both 2026 clock changes of each zone
DST_WINDOWS = [
    ("Europe/London", date(2026, 3, 27), 5),  # clocks go forward on Sunday 29 March
    ("Europe/London", date(2026, 10, 23), 5),  # and back on Sunday 25 October
    ("America/New_York", date(2026, 3, 6), 5),  # forward on Sunday 8 March
    ("America/New_York", date(2026, 10, 30), 5),  # back on Sunday 1 November
]


@pytest.mark.parametrize(("zone", "start", "days"), DST_WINDOWS)
@pytest.mark.parametrize("schedule", ["daily", "weekdays"])
def test_cron_fires_once_a_day_at_the_local_minute_across_clock_changes(zone, start, days, schedule):
    tz = ZoneInfo(zone)
    cron = trigger(schedule, "08:30", zone)
    now = fire_time("00:00", zone, start) - timedelta(minutes=1)
    fired = []
    while True:
        nxt = cron.get_next_fire_time(None, now)
        if nxt.astimezone(tz).date() >= start + timedelta(days=days):
            break
        fired.append(nxt.astimezone(tz))
        now = nxt + timedelta(seconds=1)
    expected = [start + timedelta(days=i) for i in range(days)]
    if schedule == "weekdays":
        expected = [d for d in expected if d.weekday() < 5]
    assert [f.date() for f in fired] == expected
    assert all((f.hour, f.minute) == (8, 30) for f in fired)


@pytest.mark.parametrize(("zone", "start", "days"), DST_WINDOWS)
@pytest.mark.parametrize("schedule", ["daily", "weekdays"])
def test_stepping_a_clock_minute_by_minute_posts_once_per_period_at_its_minute(
    db_path, client, fake, zone, start, days, schedule
):
    subscribe(db_path, schedule=schedule, at="08:30", zone=zone)
    tz = ZoneInfo(zone)
    clock = Clock(fire_time("00:00", zone, start))
    scheduler = make_scheduler(db_path, client, clock)
    end = fire_time("00:00", zone, start + timedelta(days=days))
    posted_at = []
    store = Store(db_path)
    while clock.now < end:
        local = clock.now.astimezone(tz)
        if (local.hour, local.minute) == (0, 0):  # something new every day, so every digest has news
            save(store, make_extraction(f"News of {local:%A %d %B}", ["Acme said hello."], source=f"{local:%F}.txt"))
        before = len(fake.messages.get("C_DIGEST", []))
        scheduler.catch_up()  # the same check the jobs and a restart make
        if len(fake.messages.get("C_DIGEST", [])) > before:
            posted_at.append(clock.now.astimezone(tz))
        clock.now += timedelta(minutes=1)
    expected = [start + timedelta(days=i) for i in range(days)]
    if schedule == "weekdays":
        expected = [d for d in expected if d.weekday() < 5]
    assert periods(fake) == [d.isoformat() for d in expected]
    assert [(p.date(), p.hour, p.minute) for p in posted_at] == [(d, 8, 30) for d in expected]


def test_a_time_the_clock_skips_fires_once_after_the_change():
    # 01:30 does not exist in London on 29 March 2026: the digest comes at 02:30 BST, once
    when = fire_time("01:30", "Europe/London", date(2026, 3, 29))
    assert when.utcoffset() == timedelta(hours=1) and (when.hour, when.minute) == (2, 30)
    assert last_due("daily", "01:30", "Europe/London", utc(2026, 3, 29, 1, 31))[1] == "2026-03-29"


def test_a_job_fired_twice_in_one_period_posts_once(db_path, client, fake):
    subscribe(db_path)
    clock = Clock(utc(2026, 3, 30, 7, 0))  # 08:00 BST
    scheduler = make_scheduler(db_path, client, clock)
    scheduler.fire("C_DIGEST")
    clock.now += timedelta(minutes=20)
    scheduler.fire("C_DIGEST")
    assert periods(fake) == ["2026-03-30"]


@pytest.mark.parametrize(
    ("text", "expected"), [("7:05", "07:05"), ("07:05", "07:05"), (" 23:59 ", "23:59"), ("0:00", "00:00")]
)
def test_times(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "7pm", "12:60", "noon", "", "8", "08:5", "-1:00"])
def test_bad_times(text):
    with pytest.raises(ScheduleError, match="HH:MM"):
        parse_time(text)


@pytest.mark.parametrize(
    "text", ["Mars/Olympus", "Europe/Londn", "../etc/passwd", "localtime", "<!channel>", "x" * 300]
)
def test_bad_zones(text):
    with pytest.raises(ScheduleError):
        parse_zone(text)


def test_good_zones():
    assert parse_zone("Asia/Kolkata") == "Asia/Kolkata"
    assert parse_zone("America/Argentina/Buenos_Aires") == "America/Argentina/Buenos_Aires"
