"""Slow work does not starve the listeners: signed HTTP requests into the app, pages and feeds
from local servers that hold their connections open, answers at the fake Web API.

Every request is acknowledged on the thread that received it; answers run on one pool, fetching
pages and feeds on another, and articles are read in worker processes under a deadline."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.fetch.addresses import Policy
from bot.fetch.news import News
from bot.ingest.pipeline import ensure_seeded
from bot.ingest.workers import WorkerPool
from bot.slack.listeners.common import READING, SLOW_BUSY
from bot.slack.work import Bounded
from tests.conftest import SEEDS, open_test_store
from tests.fetch.conftest import STORY, Route, Site, offline
from tests.ingest.endless import endless_extraction, endless_sentence, started
from tests.slack.conftest import FORM, Server, TrackingExecutor, build_app, command_body

PATIENT = Policy(allow_loopback=True, timeout=30.0, deadline=60.0, max_bytes=1_000_000)


@pytest.fixture(autouse=True)
def names(monkeypatch):
    return offline(monkeypatch)


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture
def hold(site, fake):
    """Set it to let the held connections go; set whatever happens, so nothing hangs."""
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture
def store(tmp_path):
    store = open_test_store(tmp_path / "news.db")
    ensure_seeded(store, SEEDS, max_bytes=1_000_000)
    yield store
    store.close()


@pytest.fixture
def slow():
    """The pool slow work runs on: four threads, twenty tasks at most."""
    pool = Bounded(TrackingExecutor(), 20)
    yield pool
    pool.shutdown(wait=True)


def serve(settings, store, listeners, slow, runner=None, policy=PATIENT):
    news = News(store, policy, runner) if runner else News(store, policy)
    return Server(build_app(settings, store, listeners, news=news, slow_executor=slow))


@pytest.fixture
def server(settings, store, listeners, slow):
    s = serve(settings, store, listeners, slow)
    yield s
    s.stop()


def wait_until(condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def held_page(site, path: str, hold: threading.Event) -> str:
    site.page(path, f"A slow story {path}", *STORY)
    site.routes[path].hold = hold
    return site.url(path)


def answered(fake, name: str) -> bool:
    return bool(fake.of(f"response/{name}"))


def test_five_slow_pages_leave_the_next_command_acknowledged_and_answered(server, fake, site, hold):
    for i in range(5):
        status, body = server.signed(
            command_body("/brief", f"add {held_page(site, f'/slow{i}', hold)}", fake.response_url(f"add{i}")), FORM
        )
        assert status == 200 and READING in body
    assert wait_until(lambda: site.in_flight == 4)  # four being fetched, the fifth waiting its turn
    assert server.signed(command_body("/rivals", "Sony", fake.response_url("rivals")), FORM) == (200, "")
    [call] = fake.wait_for("response/rivals")
    assert "Microsoft" in call.body["text"]
    # answered while the slow server still holds every page it was asked for
    assert site.in_flight == 4 and not any(answered(fake, f"add{i}") for i in range(5))
    hold.set()
    for i in range(5):
        [call] = fake.wait_for(f"response/add{i}", timeout=30)
        assert "Added: A slow story" in call.body["text"]


def test_five_slow_feeds_leave_the_next_command_acknowledged_and_answered(server, fake, site, hold):
    for i in range(5):
        items = "".join(
            f"<item><title>{n}</title><link>{held_page(site, f'/feed{i}/{n}', hold)}</link></item>" for n in range(3)
        )
        site.routes[f"/feed{i}"] = Route(
            f"<rss version='2.0'><channel><title>Slow {i}</title>{items}</channel></rss>".encode(),
            content_type="application/rss+xml",
        )
        status, body = server.signed(
            command_body("/digest", f"feeds add {site.url(f'/feed{i}')}", fake.response_url(f"feed{i}")), FORM
        )
        assert status == 200 and READING in body
    assert wait_until(lambda: site.in_flight >= 4)
    assert server.signed(command_body("/rivals", "Sony", fake.response_url("rivals")), FORM) == (200, "")
    fake.wait_for("response/rivals")
    assert site.in_flight >= 4 and not any(answered(fake, f"feed{i}") for i in range(5))
    hold.set()
    for i in range(5):
        [call] = fake.wait_for(f"response/feed{i}", timeout=60)
        assert f"Following {site.url(f'/feed{i}')}" in call.body["text"] and "3 stored" in call.body["text"]


def test_when_the_slow_pool_is_full_the_user_is_told_to_try_again_later(settings, store, listeners, fake, site, hold):
    slow = Bounded(ThreadPoolExecutor(1), 2)  # one running, one waiting
    server = serve(settings, store, listeners, slow)
    try:
        pages = [held_page(site, f"/s{i}", hold) for i in range(3)]
        replies = [
            server.signed(command_body("/brief", f"add {pages[i]}", fake.response_url(f"s{i}")), FORM) for i in range(3)
        ]
        assert [status for status, _ in replies] == [200, 200, 200]
        assert [READING in body for _, body in replies] == [True, True, False]
        assert SLOW_BUSY in replies[2][1]
        # and the bot goes on answering
        assert server.signed(command_body("/rivals", "Sony", fake.response_url("rivals")), FORM)[0] == 200
        fake.wait_for("response/rivals")
        hold.set()
        fake.wait_for("response/s0", timeout=30)
        fake.wait_for("response/s1", timeout=30)
        assert "/s2" not in [path for path, _ in site.hits] and not answered(fake, "s2")
        # once there is room again, it is taken
        assert wait_until(lambda: slow.pending == 0)
        status, body = server.signed(command_body("/brief", f"add {pages[2]}", fake.response_url("again")), FORM)
        assert status == 200 and READING in body
        [call] = fake.wait_for("response/again", timeout=30)
        assert "Added: A slow story /s2" in call.body["text"]
    finally:
        server.stop()
        slow.shutdown(wait=True)


def test_a_burst_of_commands_is_acknowledged_while_no_answer_can_be_delivered(server, fake, listeners):
    """Slack takes every answer and holds it: the threads delivering them are all stuck. Every
    command is still acknowledged (as it is no longer the listener that acknowledges it)."""
    fake.hold = threading.Event()
    n = 200
    kinds = [("/rivals", "Sony"), ("/brief", ""), ("/quotes", "Nadella")]
    try:
        with ThreadPoolExecutor(32) as clients:
            acks = list(
                clients.map(
                    lambda i: server.signed(command_body(*kinds[i % 3], fake.response_url(f"b{i}")), FORM), range(n)
                )
            )
        assert [status for status, _ in acks].count(200) == n
        assert len(fake.of("response/")) < n  # the answers are still waiting to be delivered
    finally:
        fake.hold.set()
    assert len(fake.wait_for("response/", n, timeout=60)) == n
    listeners.idle()


def test_an_article_whose_extraction_never_ends_is_refused_while_the_bot_answers(
    settings, store, listeners, slow, fake, site, tmp_path
):
    flag = tmp_path / "flag"
    reader = WorkerPool(seconds=4.0, initializer=endless_extraction)
    server = serve(settings, store, listeners, slow, runner=reader)
    try:
        site.page("/endless", "A story that never ends", *STORY, endless_sentence(flag))
        server.signed(command_body("/brief", f"add {site.url('/endless')}", fake.response_url("endless")), FORM)
        assert started(flag)  # its extraction has begun, and does not end
        for i in range(3):
            assert server.signed(command_body("/rivals", "Sony", fake.response_url(f"rivals{i}")), FORM)[0] == 200
            fake.wait_for(f"response/rivals{i}")
        assert not answered(fake, "endless")  # answered above while the article was being read
        [refused] = fake.wait_for("response/endless", timeout=30)
        assert "Could not add" in refused.body["text"] and "took longer than 4 s to read" in refused.body["text"]
        # its worker was replaced: the next page is read
        site.page("/next", "The next story", *STORY)
        server.signed(command_body("/brief", f"add {site.url('/next')}", fake.response_url("next")), FORM)
        [call] = fake.wait_for("response/next", timeout=30)
        assert "Added: The next story" in call.body["text"]
    finally:
        server.stop()
        processes = reader.processes
        reader.close()
    for process in processes:
        process.join(5)
        assert not process.is_alive()
