"""Posting exactly once: kill and restart at every step, two schedulers, down through the minute."""

import threading
from datetime import timedelta

import pytest

from bot.digest.scheduler import job_id
from storage import Store
from storage import digests as ledger
from tests.digest.conftest import CHANNEL, Clock, digest_posts, make_scheduler, periods, subscribe, utc

FIRE = utc(2026, 6, 1, 7, 0)  # 08:00 in London (BST), Monday 1 June 2026
PERIOD = "2026-06-01"


class Killed(BaseException):
    """The process dies here (nothing after this line of the run happens)."""


def killer(at_step):
    def hook(step):
        if step == at_step:
            raise Killed(step)

    return hook


@pytest.mark.parametrize("step", ["before_claim", "after_claim", "after_post", "after_mark"])
@pytest.mark.parametrize("restart_after", [timedelta(minutes=10), timedelta(minutes=50)])
def test_kill_and_restart_at_every_step_posts_exactly_once(db_path, client, fake, step, restart_after):
    subscribe(db_path)
    first = make_scheduler(db_path, client, Clock(FIRE), hook=killer(step))
    with pytest.raises(Killed):
        first.fire(CHANNEL)

    second = make_scheduler(db_path, client, Clock(FIRE + restart_after))
    second.catch_up()

    assert periods(fake) == [PERIOD]
    run = ledger.run_for(Store(db_path), CHANNEL, PERIOD)
    assert run["status"] == "posted"
    assert run["ts"] == digest_posts(fake)[0]["ts"]


def test_a_restart_while_the_claim_is_fresh_leaves_it_then_recovers_it(db_path, client, fake):
    subscribe(db_path)
    with pytest.raises(Killed):
        make_scheduler(db_path, client, Clock(FIRE), hook=killer("after_claim")).fire(CHANNEL)
    clock = Clock(FIRE + timedelta(minutes=1))
    restarted = make_scheduler(db_path, client, clock)
    restarted.catch_up()
    assert periods(fake) == []  # maybe another process is posting it right now
    clock.now = FIRE + timedelta(minutes=6)  # the periodic catch-up, once the claim is stale
    restarted.catch_up()
    assert periods(fake) == [PERIOD]


def test_two_schedulers_on_one_database_post_once(db_path, client, fake):
    subscribe(db_path)
    schedulers = [make_scheduler(db_path, client, Clock(FIRE + timedelta(seconds=i))) for i in range(2)]
    barrier = threading.Barrier(2)

    def fire(s):
        barrier.wait()
        s.fire(CHANNEL)

    threads = [threading.Thread(target=fire, args=(s,)) for s in schedulers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    for s in schedulers:
        s.catch_up()
    assert periods(fake) == [PERIOD]


@pytest.mark.parametrize(("down_for", "posted"), [(timedelta(minutes=30), True), (timedelta(hours=2), False)])
def test_a_process_down_through_the_minute_posts_on_start_within_the_grace_window(
    db_path, client, fake, down_for, posted
):
    subscribe(db_path)
    make_scheduler(db_path, client, Clock(FIRE + down_for)).catch_up()
    assert periods(fake) == ([PERIOD] if posted else [])
    run = ledger.run_for(Store(db_path), CHANNEL, PERIOD)
    assert run["status"] == ("posted" if posted else "missed")


def test_jobs_are_rebuilt_from_the_subscriptions_with_fixed_ids(db_path, client):
    store = subscribe(db_path, zone="America/New_York", at="09:15")
    ledger.subscribe(
        store, "C_OTHER", schedule="weekdays", at="17:00", zone="Asia/Tokyo", now="2026-01-01T00:00:00.000000Z"
    )
    scheduler = make_scheduler(db_path, client, Clock(FIRE))
    scheduler.sync()
    scheduler.sync()  # idempotent: replace_existing
    jobs = {job.id: job for job in scheduler.scheduler.get_jobs()}
    assert set(jobs) == {job_id(CHANNEL), job_id("C_OTHER")}
    job = jobs[job_id(CHANNEL)]
    assert str(job.trigger.timezone) == "America/New_York"
    assert job.coalesce is True and job.misfire_grace_time >= 3600
    ledger.unsubscribe(store, "C_OTHER")
    scheduler.sync()
    assert {job.id for job in scheduler.scheduler.get_jobs()} == {job_id(CHANNEL)}


def test_nothing_new_posts_nothing_and_is_recorded_empty(db_path, client, fake):
    subscribe(db_path)
    scheduler = make_scheduler(db_path, client, Clock(FIRE))
    scheduler.fire(CHANNEL)
    assert periods(fake) == [PERIOD]
    scheduler.runner.clock = Clock(FIRE + timedelta(days=1))
    scheduler.clock = scheduler.runner.clock
    scheduler.fire(CHANNEL)
    assert periods(fake) == [PERIOD]
    assert ledger.run_for(Store(db_path), CHANNEL, "2026-06-02")["status"] == "empty"


def test_the_next_digest_holds_only_what_is_new(db_path, client, fake):
    from tests.conftest import make_extraction, save

    subscribe(db_path)
    scheduler = make_scheduler(db_path, client, Clock(FIRE))
    scheduler.fire(CHANNEL)
    save(Store(db_path), make_extraction("Fresh news about Nokia", ["Nokia said something new."], source="new.txt"))
    scheduler.runner.clock = scheduler.clock = Clock(FIRE + timedelta(days=1))
    scheduler.fire(CHANNEL)
    second = digest_posts(fake)[1]["text"]
    assert "Fresh news about Nokia" in second and "Sony and Microsoft" not in second


@pytest.mark.parametrize("error", ["not_in_channel", "channel_not_found", "is_archived"])
def test_channel_errors_pause_the_subscription_with_the_reason(db_path, client, fake, error):
    from bot.digest.commands import DigestCommands

    subscribe(db_path)
    fake.fail_next("chat.postMessage", 200, {"ok": False, "error": error})
    scheduler = make_scheduler(db_path, client, Clock(FIRE))
    scheduler.fire(CHANNEL)
    sub = ledger.subscription(Store(db_path), CHANNEL)
    assert error in sub["paused_reason"]
    status = DigestCommands(scheduler.runner).status(CHANNEL)
    assert "Paused" in status and error in status
    scheduler.runner.clock = scheduler.clock = Clock(FIRE + timedelta(days=1))
    scheduler.fire(CHANNEL)  # paused: no retry storm
    assert len(fake.of("chat.postMessage")) == 1


def test_other_errors_are_recorded_and_retried(db_path, client, fake):
    subscribe(db_path)
    fake.fail_next("chat.postMessage", 200, {"ok": False, "error": "internal_error"})
    clock = Clock(FIRE)
    scheduler = make_scheduler(db_path, client, clock)
    scheduler.fire(CHANNEL)
    assert ledger.run_for(Store(db_path), CHANNEL, PERIOD)["status"] == "failed"
    clock.now += timedelta(minutes=5)
    scheduler.catch_up()
    assert periods(fake) == [PERIOD]


def test_a_rate_limit_is_waited_out(db_path, client, fake):
    subscribe(db_path)
    fake.fail_next("chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"})
    make_scheduler(db_path, client, Clock(FIRE)).fire(CHANNEL)
    assert periods(fake) == [PERIOD]
