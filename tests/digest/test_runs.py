"""Posting exactly once: kill and restart at every step, live and dead claimers, two schedulers,
down through the minute, and Slack's errors. Checked against what the fake Web API holds."""

import threading
from datetime import timedelta
from types import SimpleNamespace

import pytest
import slack_sdk.http_retry.builtin_handlers

from bot.digest.commands import DigestCommands
from bot.digest.runner import DEAD_AFTER
from storage import open_store
from tests.digest.conftest import CHANNEL, digest_posts, make_scheduler, periods, subscribe, utc

FIRE = utc(2026, 6, 1, 7, 0)  # 08:00 in London (BST), Monday 1 June 2026
PERIOD = "2026-06-01"
STEPS = ["before_claim", "after_claim", "before_post", "after_post", "after_mark"]


class Killed(BaseException):
    """The process dies here: nothing after this point of the run happens, and its heartbeat stops."""


def killer(at_step):
    def hook(step):
        if step == at_step:
            raise Killed(step)

    return hook


def run_of(db_path, period=PERIOD):
    return open_store(db_path).digests.run_for(CHANNEL, period)


# -- kill and restart ------------------------------------------------------------------------


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("restart_after", [timedelta(minutes=10), timedelta(minutes=50)])
def test_kill_and_restart_at_every_step_posts_exactly_once(db_path, client, slack, clock, step, restart_after):
    subscribe(db_path)
    clock.now = FIRE
    with pytest.raises(Killed):
        make_scheduler(db_path, client, clock, hook=killer(step)).fire(CHANNEL)

    clock.now = FIRE + restart_after
    make_scheduler(db_path, client, clock).tick()  # what start() does first

    assert periods(slack) == [PERIOD]
    run = run_of(db_path)
    assert run["status"] == "posted" and not run["unsure"]
    assert run["ts"] == digest_posts(slack)[0]["ts"]
    history = slack.of("conversations.history")
    if step in ("before_post", "after_post"):  # a post may have been made: the channel was checked first
        assert history and all(call.body["include_all_metadata"] in ("1", "true") for call in history)
    else:
        assert not history  # nothing can have been posted: no need to look


@pytest.mark.parametrize(
    ("step", "posted", "status"),
    [
        ("before_claim", False, "missed"),
        ("after_claim", False, "missed"),
        ("before_post", False, "missed"),
        ("after_post", True, "posted"),  # posted before the crash: found and marked, not lost
        ("after_mark", True, "posted"),
    ],
)
def test_a_restart_after_the_grace_window_posts_nothing_late_and_loses_nothing(
    db_path, client, slack, clock, step, posted, status
):
    subscribe(db_path)
    clock.now = FIRE
    with pytest.raises(Killed):
        make_scheduler(db_path, client, clock, hook=killer(step)).fire(CHANNEL)
    clock.now = FIRE + timedelta(hours=2)
    make_scheduler(db_path, client, clock).tick()
    assert periods(slack) == ([PERIOD] if posted else [])
    run = run_of(db_path)
    assert run["status"] == status
    if posted:
        assert run["ts"] == digest_posts(slack)[0]["ts"]


def test_a_restart_while_the_dead_claim_is_fresh_waits_then_recovers_it(db_path, client, slack, clock):
    subscribe(db_path)
    clock.now = FIRE
    with pytest.raises(Killed):
        make_scheduler(db_path, client, clock, hook=killer("after_post")).fire(CHANNEL)
    clock.now = FIRE + timedelta(seconds=30)  # its heartbeat is 30 s old: maybe it is still alive
    restarted = make_scheduler(db_path, client, clock)
    restarted.tick()
    assert run_of(db_path)["status"] == "claimed" and not slack.of("conversations.history")
    clock.now = FIRE + DEAD_AFTER + timedelta(minutes=1)  # the next ticks, once it has stopped beating
    restarted.tick()
    assert periods(slack) == [PERIOD]
    assert run_of(db_path)["status"] == "posted"


def test_a_post_is_found_after_several_interrupted_recoveries(db_path, client, slack, clock):
    """The channel is searched from the first post attempt, not from the latest claim."""
    subscribe(db_path)
    clock.now = FIRE
    with pytest.raises(Killed):
        make_scheduler(db_path, client, clock, hook=killer("after_post")).fire(CHANNEL)
    clock.now = FIRE + timedelta(minutes=5)
    with pytest.raises(Killed):  # the recovering process dies too, before reading the history
        make_scheduler(db_path, client, clock, hook=killer("after_claim")).tick()
    clock.now = FIRE + timedelta(minutes=40)
    make_scheduler(db_path, client, clock).tick()
    assert periods(slack) == [PERIOD]
    assert run_of(db_path)["ts"] == digest_posts(slack)[0]["ts"]


def test_when_the_history_cannot_be_read_nothing_is_posted_blind(db_path, client, slack, clock):
    subscribe(db_path)
    clock.now = FIRE
    with pytest.raises(Killed):
        make_scheduler(db_path, client, clock, hook=killer("after_post")).fire(CHANNEL)
    slack.fail_next("conversations.history", 200, {"ok": False, "error": "internal_error"})
    clock.now = FIRE + timedelta(minutes=5)
    scheduler = make_scheduler(db_path, client, clock)
    scheduler.tick()
    run = run_of(db_path)
    assert run["status"] == "failed" and run["unsure"] and periods(slack) == [PERIOD]
    assert "will be retried" in DigestCommands(scheduler.runner).status(CHANNEL)
    clock.now += timedelta(minutes=5)  # the retry looks again before posting, and finds it
    scheduler.tick()
    assert periods(slack) == [PERIOD]
    assert run_of(db_path)["status"] == "posted"


def test_a_digest_posted_in_a_busy_channel_is_found_across_history_pages(db_path, client, slack, clock):
    subscribe(db_path)
    clock.now = FIRE
    with pytest.raises(Killed):
        make_scheduler(db_path, client, clock, hook=killer("after_post")).fire(CHANNEL)
    for i in range(40):  # people talk after it: the digest is on the third page (15 a page)
        clock.now = FIRE + timedelta(seconds=10 + i)
        client.chat_postMessage(channel=CHANNEL, text=f"chatter {i}")
    clock.now = FIRE + timedelta(minutes=10)
    make_scheduler(db_path, client, clock).tick()
    assert periods(slack) == [PERIOD]
    assert len(slack.of("conversations.history")) == 3


# -- live and dead claimers in two processes -------------------------------------------------


def _paused_at(step):
    """A hook that holds the run at ``step`` until released (a slow, or frozen, process)."""
    reached, release = threading.Event(), threading.Event()

    def hook(s):
        if s == step:
            reached.set()
            assert release.wait(10)

    return hook, reached, release


def test_a_live_claimer_in_another_process_is_not_taken_over(db_path, client, slack, clock):
    subscribe(db_path)
    clock.now = FIRE
    hook, reached, release = _paused_at("after_claim")
    slow = make_scheduler(db_path, client, clock, hook=hook)
    thread = threading.Thread(target=slow.fire, args=(CHANNEL,))
    thread.start()
    assert reached.wait(5)
    other = make_scheduler(db_path, client, clock)
    for minutes in (2, 5, 10, 30):  # the slow one keeps beating; the other keeps ticking
        clock.now = FIRE + timedelta(minutes=minutes)
        slow.runner.beat()
        assert [o.status for o in other.tick()] == ["skipped"]
        assert periods(slack) == []
    assert "being posted right now" in DigestCommands(other.runner).status(CHANNEL)
    release.set()
    thread.join(10)
    other.tick()
    assert periods(slack) == [PERIOD]
    assert run_of(db_path)["claimed_by"] == slow.runner.worker


def test_a_frozen_claimer_is_taken_over_and_then_posts_nothing(db_path, client, slack, clock):
    subscribe(db_path)
    clock.now = FIRE
    hook, reached, release = _paused_at("after_claim")
    frozen = make_scheduler(db_path, client, clock, hook=hook)
    thread = threading.Thread(target=frozen.fire, args=(CHANNEL,))
    thread.start()
    assert reached.wait(5)
    clock.now = FIRE + DEAD_AFTER + timedelta(seconds=1)  # no heartbeat since the claim
    other = make_scheduler(db_path, client, clock)
    assert [o.status for o in other.tick()] == ["posted"]
    release.set()  # it wakes up: its lease is gone, so it cannot begin posting
    thread.join(10)
    assert periods(slack) == [PERIOD]
    assert run_of(db_path)["claimed_by"] == other.runner.worker


def test_a_claimer_frozen_between_begin_and_post_takes_its_late_copy_back(db_path, client, slack, clock):
    """The residual window: frozen after beginning, it posts late; it then finds the run posted
    by the process that took over, and deletes its own copy."""
    subscribe(db_path)
    clock.now = FIRE
    hook, reached, release = _paused_at("before_post")
    frozen = make_scheduler(db_path, client, clock, hook=hook)
    thread = threading.Thread(target=frozen.fire, args=(CHANNEL,))
    thread.start()
    assert reached.wait(5)
    clock.now = FIRE + timedelta(minutes=3)
    other = make_scheduler(db_path, client, clock)
    other.tick()
    assert periods(slack) == [PERIOD]
    clock.now += timedelta(seconds=5)
    release.set()
    thread.join(10)
    assert periods(slack) == [PERIOD]  # the late copy was deleted
    assert len(slack.of("chat.postMessage")) == 2 and len(slack.of("chat.delete")) == 1
    assert run_of(db_path)["ts"] == digest_posts(slack)[0]["ts"]


def test_two_schedulers_on_one_database_post_once(db_path, client, slack, clock):
    channels = [f"C{i:02d}" for i in range(12)]
    for channel in channels:
        subscribe(db_path, channel=channel)
    clock.now = FIRE
    schedulers = [make_scheduler(db_path, client, clock) for _ in range(2)]
    barrier = threading.Barrier(2)

    def race(s):
        barrier.wait()
        for channel in channels:
            s.fire(channel)
        s.tick()

    threads = [threading.Thread(target=race, args=(s,)) for s in schedulers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for channel in channels:
        assert periods(slack, channel) == [PERIOD], channel
    store = open_store(db_path)
    assert {store.digests.run_for(c, PERIOD)["status"] for c in channels} == {"posted"}


# -- down through the minute -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("down_for", "posted"),
    [(timedelta(minutes=1), True), (timedelta(minutes=59), True), (timedelta(minutes=61), False)],
)
def test_a_process_down_through_the_minute_posts_on_start_within_the_grace_window(
    db_path, client, slack, clock, stepped, down_for, posted
):
    subscribe(db_path)
    clock.now = FIRE + down_for
    scheduler = make_scheduler(db_path, client, clock, scheduler=stepped())
    scheduler.start(heartbeat=False)  # the real start: jobs, and a first tick at once
    scheduler.scheduler.step()
    assert periods(slack) == ([PERIOD] if posted else [])
    run = run_of(db_path)
    assert run["status"] == ("posted" if posted else "missed")
    if not posted:
        assert "missed" in DigestCommands(scheduler.runner).status(CHANNEL)
    clock.now += timedelta(minutes=30)
    scheduler.scheduler.step()
    assert len(periods(slack)) == (1 if posted else 0)


def test_a_schedule_set_after_its_minute_starts_tomorrow(db_path, client, slack, clock):
    subscribe(db_path, created="2026-06-01T07:10:00.000000Z")  # 08:10 BST, for 08:00
    clock.now = FIRE + timedelta(minutes=15)
    make_scheduler(db_path, client, clock).tick()
    assert periods(slack) == [] and run_of(db_path) is None


# -- jobs ------------------------------------------------------------------------------------


def test_jobs_are_rebuilt_from_the_subscriptions_with_fixed_ids(db_path, client, clock):
    from bot.digest.scheduler import job_id

    store = subscribe(db_path, zone="America/New_York", at="09:15")
    subscribe(db_path, channel="C_OTHER", schedule="weekdays", at="17:00", zone="Asia/Tokyo")
    clock.now = FIRE
    scheduler = make_scheduler(db_path, client, clock)
    scheduler.sync()
    scheduler.sync()  # idempotent
    jobs = {job.id: job for job in scheduler.scheduler.get_jobs()}
    assert set(jobs) == {job_id(CHANNEL), job_id("C_OTHER")}
    job = jobs[job_id(CHANNEL)]
    assert str(job.trigger.timezone) == "America/New_York"
    assert job.coalesce is True and job.misfire_grace_time >= 3600
    store.digests.unsubscribe("C_OTHER")
    scheduler.sync()
    assert {job.id for job in scheduler.scheduler.get_jobs()} == {job_id(CHANNEL)}


def test_subscribing_and_stopping_update_the_live_scheduler(db_path, client, slack, clock, stepped):
    from bot.digest.scheduler import job_id

    clock.now = FIRE - timedelta(hours=2)  # 06:00 BST
    scheduler = make_scheduler(db_path, client, clock, scheduler=stepped())
    commands = DigestCommands(scheduler.runner, on_change=scheduler.sync)
    scheduler.start(heartbeat=False)
    scheduler.scheduler.step()
    assert commands.handle("daily 08:00 Europe/London", channel=CHANNEL).ok
    job = scheduler.scheduler.get_job(job_id(CHANNEL))
    assert job.next_run_time == FIRE
    assert commands.handle("daily 07:30", channel=CHANNEL, user_zone="Europe/London").ok  # changed
    assert scheduler.scheduler.get_job(job_id(CHANNEL)).next_run_time == FIRE - timedelta(minutes=30)
    assert "stopped" in commands.handle("off", channel=CHANNEL).text
    assert scheduler.scheduler.get_job(job_id(CHANNEL)) is None
    clock.now = FIRE + timedelta(minutes=5)
    scheduler.scheduler.step()
    assert periods(slack) == []


def test_a_subscription_made_by_another_process_is_followed_on_the_next_tick(db_path, client, slack, clock, stepped):
    from bot.digest.scheduler import job_id

    clock.now = FIRE - timedelta(hours=2)
    scheduler = make_scheduler(db_path, client, clock, scheduler=stepped())
    scheduler.start(heartbeat=False)
    scheduler.scheduler.step()
    subscribe(db_path, created="2026-06-01T05:00:00.000000Z")  # by the other process, at 06:00 BST
    clock.now += timedelta(minutes=1)
    scheduler.scheduler.step()
    assert scheduler.scheduler.get_job(job_id(CHANNEL)).next_run_time == FIRE
    while clock.now < FIRE + timedelta(minutes=2):
        clock.now += timedelta(minutes=1)
        scheduler.scheduler.step()
    assert periods(slack) == [PERIOD]


# -- what gets posted, and Slack's errors ----------------------------------------------------


def test_nothing_new_posts_nothing_and_is_recorded_empty(db_path, client, slack, clock):
    subscribe(db_path)
    clock.now = FIRE
    scheduler = make_scheduler(db_path, client, clock)
    scheduler.fire(CHANNEL)
    assert periods(slack) == [PERIOD]
    clock.now = FIRE + timedelta(days=1)
    assert scheduler.fire(CHANNEL).status == "empty"
    assert periods(slack) == [PERIOD]
    assert run_of(db_path, "2026-06-02")["status"] == "empty"
    assert "nothing new, so nothing posted" in DigestCommands(scheduler.runner).status(CHANNEL)


def test_the_next_digest_holds_only_what_is_new(db_path, client, slack, clock):
    from tests.conftest import make_extraction, save

    subscribe(db_path)
    clock.now = FIRE
    scheduler = make_scheduler(db_path, client, clock)
    scheduler.fire(CHANNEL)
    fresh = make_extraction("Fresh news about Nokia", ["Nokia said something new."], source="new.txt")
    save(open_store(db_path), fresh)
    clock.now = FIRE + timedelta(days=1)
    scheduler.fire(CHANNEL)
    second = digest_posts(slack)[1]["text"]
    assert "Fresh news about Nokia" in second and "Sony and Microsoft" not in second


def test_a_digest_posted_but_not_marked_is_not_repeated_in_the_next_one(db_path, client, slack, clock):
    from tests.conftest import make_extraction, save

    subscribe(db_path)
    clock.now = FIRE
    with pytest.raises(Killed):
        make_scheduler(db_path, client, clock, hook=killer("after_post")).fire(CHANNEL)
    clock.now = FIRE + timedelta(minutes=10)
    scheduler = make_scheduler(db_path, client, clock)
    scheduler.tick()  # recovered: its articles count as digested
    fresh = make_extraction("Fresh news about Nokia", ["Nokia said something new."], source="new.txt")
    save(open_store(db_path), fresh)
    clock.now = FIRE + timedelta(days=1)
    scheduler.fire(CHANNEL)
    second = digest_posts(slack)[1]["text"]
    assert "Fresh news about Nokia" in second and "Sony and Microsoft" not in second


@pytest.mark.parametrize("error", ["not_in_channel", "channel_not_found", "is_archived"])
def test_channel_errors_pause_the_subscription_with_the_reason(db_path, client, slack, clock, error):
    subscribe(db_path)
    slack.fail_next("chat.postMessage", 200, {"ok": False, "error": error})
    clock.now = FIRE
    scheduler = make_scheduler(db_path, client, clock)
    scheduler.fire(CHANNEL)
    sub = open_store(db_path).digests.subscription(CHANNEL)
    assert error in sub["paused_reason"]
    status = DigestCommands(scheduler.runner).status(CHANNEL)
    assert "Paused" in status and error in status and "Next run" not in status
    for days in range(1, 3):  # paused: no retry storm, no posting
        clock.now = FIRE + timedelta(days=days)
        scheduler.fire(CHANNEL)
        scheduler.tick()
    assert len(slack.of("chat.postMessage")) == 1
    # subscribing again resumes it
    DigestCommands(scheduler.runner).handle("daily 08:00 Europe/London", channel=CHANNEL)
    clock.now = FIRE + timedelta(days=3)
    scheduler.fire(CHANNEL)
    assert periods(slack) == ["2026-06-04"]


def test_other_errors_are_recorded_and_retried_with_backoff(db_path, client, slack, clock):
    subscribe(db_path)
    for _ in range(2):
        slack.fail_next("chat.postMessage", 200, {"ok": False, "error": "internal_error"})
    clock.now = FIRE
    scheduler = make_scheduler(db_path, client, clock)
    assert scheduler.fire(CHANNEL).status == "failed"
    run = run_of(db_path)
    assert run["status"] == "failed" and run["error"] == "internal_error" and not run["unsure"]
    assert "will be retried until" in DigestCommands(scheduler.runner).status(CHANNEL)
    seen = []
    for _ in range(6):  # a tick a minute: retried after 1 minute, then after 2 more
        clock.now += timedelta(minutes=1)
        seen.append(len(slack.of("chat.postMessage")))
        scheduler.tick()
    assert seen == [1, 2, 2, 3, 3, 3]
    assert periods(slack) == [PERIOD]
    assert run_of(db_path)["attempts"] == 3


def test_a_failure_past_the_grace_window_is_not_retried_and_says_so(db_path, client, slack, clock):
    subscribe(db_path)
    clock.now = FIRE
    scheduler = make_scheduler(db_path, client, clock)
    for _ in range(20):
        slack.fail_next("chat.postMessage", 200, {"ok": False, "error": "invalid_blocks"})
    while clock.now < FIRE + timedelta(hours=3):
        scheduler.tick()
        clock.now += timedelta(minutes=1)
    attempts = len(slack.of("chat.postMessage"))
    assert 3 <= attempts <= 10  # backed off, and stopped at the end of the window
    assert "its articles will be in the next digest" in DigestCommands(scheduler.runner).status(CHANNEL)
    slack.scripted.clear()
    clock.now = FIRE + timedelta(days=1)
    scheduler.tick()
    assert periods(slack) == ["2026-06-02"]


def test_a_lost_answer_to_a_post_is_settled_by_looking_not_by_posting_again(db_path, slack, clock):
    """chat.postMessage reached Slack but its answer was lost (a timeout): the run is unsure."""
    from tests.digest.conftest import Secret, Settings, once_client

    subscribe(db_path)
    real = once_client(Settings(bot_token=Secret("xoxb-digest-test"), api_url=slack.base_url))

    class LosesAnswers:
        def __getattr__(self, name):
            return getattr(real, name)

        def chat_postMessage(self, **kw):
            real.chat_postMessage(**kw)
            raise TimeoutError("The read operation timed out")

    clock.now = FIRE
    scheduler = make_scheduler(db_path, LosesAnswers(), clock)
    assert scheduler.fire(CHANNEL).status == "failed"
    assert run_of(db_path)["unsure"] == 1
    clock.now += timedelta(minutes=2)
    make_scheduler(db_path, real, clock).tick()
    assert periods(slack) == [PERIOD]
    assert run_of(db_path)["status"] == "posted"


def test_a_post_slack_accepted_whose_connection_dropped_is_posted_once(db_path, client, slack, clock):
    """Slack stores the digest, then the connection closes before its answer. The client sends
    nothing again; the run is left unsure, and the next attempt finds the post in the channel
    and records it instead of posting again."""
    channels = [f"C{i:02d}" for i in range(12)]
    for channel in channels:
        subscribe(db_path, channel=channel)
    for _ in range(4):  # the first four posts reach Slack and lose their answers
        slack.drop_after_next("chat.postMessage")
    clock.now = FIRE
    scheduler = make_scheduler(db_path, client, clock)
    outcomes = [scheduler.fire(channel).status for channel in channels]
    assert outcomes.count("failed") == 4 and outcomes.count("posted") == 8
    assert len(slack.of("chat.postMessage")) == len(channels)  # not one re-sent
    store = open_store(db_path)
    unsure = [c for c in channels if store.digests.run_for(c, PERIOD)["unsure"]]
    assert len(unsure) == 4 and all(periods(slack, c) == [PERIOD] for c in unsure)

    clock.now += timedelta(minutes=2)
    scheduler.tick()
    assert len(slack.of("chat.postMessage")) == len(channels)
    assert len(slack.of("conversations.history")) == 4  # only the unsure ones were checked
    for channel in channels:
        assert periods(slack, channel) == [PERIOD], channel
        run = store.digests.run_for(channel, PERIOD)
        assert run["status"] == "posted" and not run["unsure"], channel
        assert run["ts"] == digest_posts(slack, channel)[0]["ts"]


def test_a_refused_connection_is_retried_by_the_client_as_nothing_was_sent(db_path, slack, clock):
    """The one connection error that cannot have delivered anything: it is retried at once."""
    import socket

    from tests.digest.conftest import Secret, Settings, once_client

    with socket.socket() as closed:  # a port with nothing listening
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    client = once_client(Settings(bot_token=Secret("xoxb-digest-test"), api_url=f"http://127.0.0.1:{port}/api/"))
    retried = []
    for handler in client.retry_handlers:
        handler.interval_calculator = SimpleNamespace(calculate_sleep_duration=lambda n: retried.append(n) or 0)
    subscribe(db_path)
    clock.now = FIRE
    outcome = make_scheduler(db_path, client, clock).fire(CHANNEL)
    assert outcome.status == "failed" and len(retried) == 2  # both retries, then gave up
    assert run_of(db_path)["unsure"] == 1  # still checked before the next attempt: the runner cannot tell


def test_a_server_error_is_unsure_then_checked_and_posted_once(db_path, client, slack, clock):
    subscribe(db_path)
    slack.fail_next("chat.postMessage", 500, {"ok": False, "error": "internal_error"})
    clock.now = FIRE
    scheduler = make_scheduler(db_path, client, clock)
    scheduler.fire(CHANNEL)
    assert run_of(db_path)["unsure"] == 1
    clock.now += timedelta(minutes=2)
    scheduler.tick()
    assert periods(slack) == [PERIOD] and len(slack.of("conversations.history")) == 1


@pytest.fixture
def sleeps(monkeypatch):
    """The Web API client's waits on Retry-After, recorded instead of slept."""
    waited = []
    monkeypatch.setattr(slack_sdk.http_retry.builtin_handlers, "time", SimpleNamespace(sleep=waited.append))
    return waited


def test_a_rate_limit_is_waited_out(db_path, client, slack, clock, sleeps):
    subscribe(db_path)
    slack.fail_next("chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "7"})
    clock.now = FIRE
    assert make_scheduler(db_path, client, clock).fire(CHANNEL).status == "posted"
    assert periods(slack) == [PERIOD]
    assert len(sleeps) == 1 and 7 <= sleeps[0] < 8


def test_a_rate_limit_that_outlasts_the_client_is_retried_on_a_later_tick(db_path, client, slack, clock, sleeps):
    subscribe(db_path)
    for _ in range(4):  # the first answer and the client's three retries
        slack.fail_next("chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "30"})
    clock.now = FIRE
    scheduler = make_scheduler(db_path, client, clock)
    assert scheduler.fire(CHANNEL).status == "failed"
    run = run_of(db_path)
    assert run["error"] == "ratelimited" and not run["unsure"]  # Slack refused it: certain
    assert len(sleeps) == 3
    clock.now += timedelta(minutes=1)
    scheduler.tick()
    assert periods(slack) == [PERIOD]
    assert not slack.of("conversations.history")


def test_an_unexpected_error_is_recorded_not_left_claimed(db_path, client, slack, clock, monkeypatch):
    from bot.digest import content

    subscribe(db_path)
    clock.now = FIRE
    scheduler = make_scheduler(db_path, client, clock)
    monkeypatch.setattr(content, "build", lambda *a, **k: 1 / 0)
    assert scheduler.fire(CHANNEL) is not None
    run = run_of(db_path)
    assert run["status"] == "failed" and "ZeroDivisionError" in run["error"]
    monkeypatch.undo()
    clock.now += timedelta(minutes=1)
    scheduler.tick()
    assert periods(slack) == [PERIOD]


def test_digest_now_posts_a_manual_digest_and_resumes_a_paused_channel(db_path, client, slack, clock):
    subscribe(db_path)
    slack.fail_next("chat.postMessage", 200, {"ok": False, "error": "not_in_channel"})
    clock.now = FIRE
    scheduler = make_scheduler(db_path, client, clock)
    scheduler.fire(CHANNEL)
    commands = DigestCommands(scheduler.runner)
    clock.now += timedelta(minutes=20)  # the bot is invited back
    reply = commands.handle("now", channel=CHANNEL)
    assert "resumed" in reply.text
    assert len(digest_posts(slack)) == 1
    assert open_store(db_path).digests.subscription(CHANNEL)["paused_reason"] is None
    assert "/digest now on" in commands.status(CHANNEL)


def test_a_manual_run_whose_process_died_is_settled_not_reposted(db_path, client, slack, clock):
    clock.now = FIRE
    with pytest.raises(Killed):
        DigestCommands(make_scheduler(db_path, client, clock, hook=killer("after_post")).runner).handle(
            "now", channel=CHANNEL
        )
    clock.now += timedelta(minutes=5)
    scheduler = make_scheduler(db_path, client, clock)
    scheduler.tick()
    assert len(digest_posts(slack)) == 1
    last = open_store(db_path).digests.last_run(CHANNEL)
    assert last["status"] == "posted" and last["ts"] == digest_posts(slack)[0]["ts"]


def test_a_scheduled_digest_holds_only_what_its_subscriptions_workspace_may_see(db_path, client, slack, clock):
    from tests.conftest import make_extraction, save

    store = open_store(db_path)  # with many workspaces: the subscription is T3's, the secrets T2's own
    store.digests.subscribe(
        CHANNEL, schedule="daily", at="08:00", zone="Europe/London", now="2026-01-01T00:00:00.000000Z", team="T3"
    )
    for day in (1, 2):
        secret = make_extraction(f"Zorblax secret {day}", [f"Zorblax said secret {day}."], source=f"https://t2/{day}")
        save(store, secret, team="T2", url=secret.source)
        clock.now = FIRE + timedelta(days=day - 1)
        if day == 1:
            make_scheduler(db_path, client, clock).fire(CHANNEL, "T3")  # queued, then claimed from the queue
        else:
            save(store, make_extraction("Fresh news about Nokia", ["Nokia said something new."], source="new.txt"))
            make_scheduler(db_path, client, clock).runner.run(CHANNEL, "2026-06-02", team="T3")  # a catch-up
    posts = digest_posts(slack)
    assert periods(slack) == [PERIOD, "2026-06-02"]
    assert "Sony and Microsoft" in posts[0]["text"] and "Fresh news about Nokia" in posts[1]["text"]
    assert "Zorblax" not in str(posts)
