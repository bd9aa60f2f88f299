"""Schedules across clock changes: one post per due period, at the right local minute.

Every case runs over the days around both 2026 clock changes of London and New York, for a
time far from the change (08:30) and for the times the change skips or repeats. The expected
instants are written out by hand for the change days (not computed by the code under test):

- a skipped time is due once, moved forward by the gap (RFC 5545's rule, and APScheduler's):
  01:30 in London on 29 March is 02:30 BST (01:30 UTC); 02:30 in New York on 8 March is
  03:30 EDT (07:30 UTC);
- a repeated time is due once, at its first occurrence: 01:30 in London on 25 October is
  01:30 BST (00:30 UTC); 01:30 in New York on 1 November is 01:30 EDT (05:30 UTC).
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from apscheduler.events import EVENT_JOB_EXECUTED

from bot.digest.schedule import ScheduleError, fire_time, last_due, next_due, parse_time, parse_zone, trigger
from bot.digest.scheduler import TICK_ID
from storage import open_store
from tests.conftest import make_extraction, save
from tests.digest.conftest import CHANNEL, make_scheduler, periods, subscribe, utc

# (zone, first day, days, at, {change day: the expected UTC instant}) around each 2026 change
CASES = [
    ("Europe/London", date(2026, 3, 27), 5, "08:30", {}),  # forward on Sunday 29 March
    ("Europe/London", date(2026, 3, 27), 5, "01:30", {date(2026, 3, 29): utc(2026, 3, 29, 1, 30)}),  # skipped
    ("Europe/London", date(2026, 10, 23), 5, "08:30", {}),  # back on Sunday 25 October
    ("Europe/London", date(2026, 10, 23), 5, "01:30", {date(2026, 10, 25): utc(2026, 10, 25, 0, 30)}),  # twice
    ("America/New_York", date(2026, 3, 6), 5, "08:30", {}),  # forward on Sunday 8 March
    ("America/New_York", date(2026, 3, 6), 5, "02:30", {date(2026, 3, 8): utc(2026, 3, 8, 7, 30)}),  # skipped
    ("America/New_York", date(2026, 3, 6), 5, "01:30", {}),  # 01:30 exists on 8 March in New York
    ("America/New_York", date(2026, 10, 30), 5, "08:30", {}),  # back on Sunday 1 November
    ("America/New_York", date(2026, 10, 30), 5, "01:30", {date(2026, 11, 1): utc(2026, 11, 1, 5, 30)}),  # twice
]
IDS = [f"{zone}-{start:%b}-{at}" for zone, start, _days, at, _special in CASES]


def expected(zone, start, days, at, special, schedule) -> list[datetime]:
    """The instants of the digests, in UTC: each day's local time, or the hand-written one."""
    hour, minute = (int(x) for x in at.split(":"))
    out = []
    for i in range(days):
        day = start + timedelta(days=i)
        if schedule == "weekdays" and day.weekday() >= 5:
            continue
        if day in special:
            out.append(special[day])
        else:  # an ordinary day: the local time is unambiguous
            local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone))
            assert local.fold == 0 and local.astimezone(ZoneInfo("UTC")).astimezone(ZoneInfo(zone)) == local
            out.append(local.astimezone(ZoneInfo("UTC")))
    return out


def window(zone, start, days):
    tz = ZoneInfo(zone)
    begin = datetime(start.year, start.month, start.day, tzinfo=tz).astimezone(ZoneInfo("UTC"))
    end_day = start + timedelta(days=days)
    return begin, datetime(end_day.year, end_day.month, end_day.day, tzinfo=tz).astimezone(ZoneInfo("UTC"))


def news_every_day(store, zone, now, seen: set):
    """Something new each local day, so every digest has news to post."""
    day = now.astimezone(ZoneInfo(zone)).date()
    if day not in seen:
        seen.add(day)
        save(store, make_extraction(f"News of {day:%A %d %B}", ["Acme said hello."], source=f"{day}.txt"))


@pytest.mark.parametrize("schedule", ["daily", "weekdays"])
@pytest.mark.parametrize(("zone", "start", "days", "at", "special"), CASES, ids=IDS)
def test_the_schedule_says_one_time_a_day_at_the_local_minute(zone, start, days, at, special, schedule):
    want = expected(zone, start, days, at, special, schedule)
    begin, end = window(zone, start, days)
    got, now = [], begin
    while (nxt := next_due(schedule, at, zone, now)) < end and len(got) <= days:
        got.append(nxt)
        now = nxt
    assert got == want
    assert [fire_time(at, zone, w.astimezone(ZoneInfo(zone)).date()) for w in want] == want


# the clock's days and zones, ticked minute by minute: the store is the same in each (both
# stores' ledgers are tested in test_runs.py and test_processes.py)
@pytest.mark.sqlite_only
@pytest.mark.parametrize("schedule", ["daily", "weekdays"])
@pytest.mark.parametrize(("zone", "start", "days", "at", "special"), CASES, ids=IDS)
def test_apscheduler_jobs_on_a_stepped_clock_post_once_per_period_at_its_minute(
    db_path, client, slack, clock, stepped, zone, start, days, at, special, schedule
):
    """APScheduler's own loop (the cron trigger in the subscription's zone, coalescing, misfire
    grace) on the test's clock, jumping from one wake-up to the next as its thread would."""
    subscribe(db_path, schedule=schedule, at=at, zone=zone)
    begin, end = window(zone, start, days)
    clock.now = begin
    scheduler = make_scheduler(db_path, client, clock, scheduler=stepped())
    scheduler.start(heartbeat=False)
    scheduler.scheduler.remove_job(TICK_ID)  # the cron jobs alone must be on time
    store, seen, posted_at, fired = open_store(db_path), set(), [], []
    scheduler.scheduler.add_listener(lambda event: fired.append(clock.now), mask=EVENT_JOB_EXECUTED)
    while clock.now < end:
        news_every_day(store, zone, clock.now, seen)
        before = len(periods(slack))
        wait = scheduler.scheduler.step()
        if len(periods(slack)) > before:
            posted_at.append(clock.now)
        clock.now += timedelta(seconds=min(wait, 3600))  # woken by the next job, or each hour for news
    want = expected(zone, start, days, at, special, schedule)
    assert posted_at == want
    assert periods(slack) == [w.astimezone(ZoneInfo(zone)).date().isoformat() for w in want]
    if special and at == "01:30" and start.month > 6 and schedule == "daily":
        assert len(fired) == len(want) + 1  # the cron trigger fires again at the repeated 01:30: nothing posted


# the clock's days and zones, ticked minute by minute: the store is the same in each (both
# stores' ledgers are tested in test_runs.py and test_processes.py)
@pytest.mark.sqlite_only
@pytest.mark.parametrize("schedule", ["daily", "weekdays"])
@pytest.mark.parametrize(("zone", "start", "days", "at", "special"), CASES, ids=IDS)
def test_ticking_every_minute_posts_once_per_period_at_its_minute(
    db_path, client, slack, clock, zone, start, days, at, special, schedule
):
    """The per-minute tick alone (the catch-up a restart makes, and the safety net of the jobs)."""
    subscribe(db_path, schedule=schedule, at=at, zone=zone)
    begin, end = window(zone, start, days)
    clock.now = begin
    scheduler = make_scheduler(db_path, client, clock)
    store, seen, posted_at = open_store(db_path), set(), []
    while clock.now < end:
        news_every_day(store, zone, clock.now, seen)
        before = len(periods(slack))
        scheduler.catch_up()
        if len(periods(slack)) > before:
            posted_at.append(clock.now)
        clock.now += timedelta(minutes=1)
    assert posted_at == expected(zone, start, days, at, special, schedule)


@pytest.mark.parametrize(("suspended_for", "posted"), [(timedelta(minutes=40), True), (timedelta(hours=3), False)])
def test_a_process_suspended_through_the_minute_is_caught_by_apscheduler_grace(
    db_path, client, slack, clock, stepped, suspended_for, posted
):
    """The process sleeps (a laptop lid, a paused VM) across 08:30: APScheduler runs the late
    job within the hour's grace, once (coalesced), and not after it."""
    subscribe(db_path, at="08:30", zone="Europe/London")
    clock.now = utc(2026, 6, 1, 5, 0)
    scheduler = make_scheduler(db_path, client, clock, scheduler=stepped())
    scheduler.start(heartbeat=False)
    scheduler.scheduler.remove_job(TICK_ID)
    scheduler.scheduler.step()
    clock.now = utc(2026, 6, 1, 7, 30) + suspended_for
    scheduler.scheduler.step()
    assert periods(slack) == (["2026-06-01"] if posted else [])


def test_a_job_fired_twice_in_one_period_posts_once(db_path, client, slack, clock):
    subscribe(db_path)
    clock.now = utc(2026, 3, 30, 7, 0)  # 08:00 BST
    scheduler = make_scheduler(db_path, client, clock)
    scheduler.fire(CHANNEL)
    clock.now += timedelta(minutes=20)
    scheduler.fire(CHANNEL)
    assert periods(slack) == ["2026-03-30"]


def test_the_cron_trigger_is_in_the_subscriptions_zone():
    cron = trigger("weekdays", "08:30", "Asia/Kolkata")
    assert str(cron.timezone) == "Asia/Kolkata"
    nxt = cron.get_next_fire_time(None, utc(2026, 6, 5, 3, 1))  # Friday 08:31 IST: next is Monday
    assert nxt == utc(2026, 6, 8, 3, 0)


def test_last_due_finds_the_period_of_a_skipped_time_after_the_change():
    assert last_due("daily", "01:30", "Europe/London", utc(2026, 3, 29, 1, 29)) == (
        fire_time("01:30", "Europe/London", date(2026, 3, 28)),
        "2026-03-28",
    )
    assert last_due("daily", "01:30", "Europe/London", utc(2026, 3, 29, 1, 30))[1] == "2026-03-29"


@pytest.mark.parametrize(
    ("text", "expected"), [("7:05", "07:05"), ("07:05", "07:05"), (" 23:59 ", "23:59"), ("0:00", "00:00")]
)
def test_times(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "24:00", "7:5", "7pm", "12:60", "noon", "", "8", "08:5", "-1:00", "8.30"])
def test_bad_times(text):
    with pytest.raises(ScheduleError, match="HH:MM"):
        parse_time(text)


@pytest.mark.parametrize(
    "text", ["Mars/Olympus", "Europe/Londn", "../etc/passwd", "localtime", "<!channel>", "x" * 300, "Europe"]
)
def test_bad_zones(text):
    with pytest.raises(ScheduleError):
        parse_zone(text)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Asia/Kolkata", "Asia/Kolkata"),
        ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        ("europe/london", "Europe/London"),
        ("AMERICA/NEW_YORK", "America/New_York"),
        ("UTC", "UTC"),
    ],
)
def test_good_zones(text, zone):
    assert parse_zone(text) == zone
