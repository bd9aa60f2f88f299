"""Replicas on one store: whichever replica a request reaches answers it as the first would.

Two apps, each with its own connection to one PostgreSQL database (as two ``newsbot run --http``
processes have), each served over HTTP; requests go to them in turn, as a round-robin load
balancer sends them. What one request leaves for the next (the events answered, the answers
behind buttons) is in the store's notes. The notes themselves are tested on both stores.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.answers import Answers
from bot.extract.model import Entity, Relation
from bot.ingest.pipeline import ensure_seeded
from bot.slack.dedupe import Seen
from bot.slack.pages import Question, Stash, Viewed, decode, encode
from storage import iso, open_store
from tests.conftest import SEEDS, make_extraction, save
from tests.slack.conftest import FORM, JSON, Server, action_body, build_app, button, command_body, event_body
from tests.slack.events.test_events import mention


@pytest.fixture
def pg_url(pg_server):
    url = pg_server.database()
    store = open_store(url)
    ensure_seeded(store, SEEDS, max_bytes=1_000_000)
    store.close()
    yield url
    pg_server.drop(url)


@pytest.fixture
def replicas(pg_url, settings, listeners):
    """Two replicas of the app on one PostgreSQL store, each with its own store object."""
    stores = [open_store(pg_url) for _ in range(2)]
    servers = [Server(build_app(settings, store, listeners, notes=store.notes)) for store in stores]
    yield servers
    for server in servers:
        server.stop()
    for store in stores:
        store.close()


def ask(server, fake, command, text, name):
    server.signed(command_body(command, text, fake.response_url(name)), FORM)
    [call] = fake.wait_for(f"response/{name}")
    return call.body


def test_a_share_clicked_on_another_replica_posts_the_answer_seen(replicas, fake, pg_url):
    first, second = replicas
    seen = ask(first, fake, "/rivals", "Sony", "cmd")
    later = make_extraction(
        "Sony rivals Nintendo",
        ["Sony rivals Nintendo in handheld consoles."],
        entities=[Entity("Sony", "company"), Entity("Nintendo", "company")],
        relations=[Relation("competes", "Sony", "Nintendo", "Sony rivals Nintendo in handheld consoles.", 0)],
        source="later.txt",
    )
    store = open_store(pg_url)
    save(store, later)
    assert "Nintendo" in [f.other for f in Answers(store).rivals("Sony").competes]  # the store did change
    store.close()
    value = button(seen, "share_answer")["value"]
    assert second.signed(action_body(value, fake.response_url("share")), FORM)[0] == 200
    shared = fake.wait_for("response/share", count=2)[0].body
    assert shared["response_type"] == "in_channel"
    assert shared["text"] == seen["text"] and "Nintendo" not in json.dumps(shared)


def test_a_question_too_long_for_a_button_is_shared_from_another_replica(replicas, fake):
    first, second = replicas
    seen = ask(first, fake, "/rivals", "Sony " + "\U0001f3ae" * 1500, "cmd")
    value = button(seen, "share_answer")["value"]
    assert "t" not in json.loads(value)  # the text is in the stash alone
    assert second.signed(action_body(value, fake.response_url("share")), FORM)[0] == 200
    shared = fake.wait_for("response/share", count=2)[0].body
    assert shared["response_type"] == "in_channel" and shared["text"] == seen["text"]


def test_show_more_of_a_long_question_on_another_replica(replicas, fake, pg_url):
    first, second = replicas
    store = open_store(pg_url)
    for n in range(8):
        save(store, make_extraction(f"Acme story {n}", [f"Acme shipped product {n}."], source=f"acme-{n}.txt"))
    store.close()
    seen = ask(first, fake, "/brief", "Acme " + "\U0001f3ae" * 1500, "cmd")
    more = button(seen, "more_answer")
    assert "t" not in json.loads(more["value"])  # the question is in the stash alone
    assert second.signed(action_body(more["value"], fake.response_url("more"), action_id="more_answer"), FORM)[0] == 200
    [page] = fake.wait_for("response/more")
    assert page.body["text"].count("Acme story") > seen["text"].count("Acme story") >= 1


def test_a_retried_event_reaching_another_replica_is_answered_once(replicas, fake, listeners):
    first, second = replicas
    body = event_body(mention(), event_id="EvReplica")
    assert first.signed(body, JSON)[0] == 200
    fake.wait_for("chat.postMessage")
    for attempt, replica in (("1", second), ("2", first), ("3", second)):
        assert replica.signed(body, JSON, **{"X-Slack-Retry-Num": attempt, "X-Slack-Retry-Reason": "http_timeout"})[0]
    listeners.idle()
    assert len(fake.of("chat.postMessage")) == 1


def test_a_mention_and_its_message_on_two_replicas_are_answered_once(replicas, fake, listeners):
    first, second = replicas
    for n in range(10):
        event = mention(ts=f"1700000200.{n:06d}", channel=f"C{n}")
        as_message = {**event, "type": "message", "channel_type": "im"}
        a, b = (first, second) if n % 2 else (second, first)
        assert a.signed(event_body(event, event_id=f"EvM{n}"), JSON)[0] == 200
        assert b.signed(event_body(as_message, event_id=f"EvN{n}"), JSON)[0] == 200
    listeners.idle()
    answered = sorted(c.body["channel"] for c in fake.of("chat.postMessage"))
    assert answered == sorted(f"C{n}" for n in range(10))


# -- the notes, on both stores -----------------------------------------------------------------


@pytest.fixture
def store(location):
    s = open_store(location)
    yield s
    s.close()


def test_a_key_is_first_once_within_its_time_and_again_after(store):
    now = datetime(2026, 1, 1, tzinfo=UTC)

    def first(key, at):
        return store.notes.first(key, now=iso(at), since=iso(at - timedelta(hours=1)))

    assert first("event:1", now) is True
    assert first("event:1", now + timedelta(minutes=59)) is False
    assert first("event:2", now) is True
    assert first("event:1", now + timedelta(hours=2)) is True  # forgotten: offered anew


def test_a_note_is_read_back_within_its_time_and_forgotten(store):
    now = datetime(2026, 1, 1, tzinfo=UTC)
    store.notes.put("stash:k", "value", now=iso(now))
    assert store.notes.get("stash:k", since=iso(now - timedelta(hours=6))) == "value"
    assert store.notes.get("stash:k", since=iso(now + timedelta(seconds=1))) is None
    assert store.notes.get("stash:other", since=iso(now - timedelta(hours=6))) is None
    store.notes.forget(before=iso(now + timedelta(days=1)))
    assert store.notes.get("stash:k", since=iso(now - timedelta(hours=6))) is None


def test_two_seen_in_two_processes_share_what_they_saw(location):
    stores = [open_store(location) for _ in range(2)]
    one, two = (Seen(notes=s.notes) for s in stores)
    assert one.first_time("event:Ev1") is True
    assert two.first_time("event:Ev1") is False
    assert two.first_time("event:Ev2") is True and one.first_time("event:Ev2") is False
    for s in stores:
        s.close()


def test_an_answer_stashed_by_one_process_is_read_whole_by_another(location):
    stores = [open_store(location) for _ in range(2)]
    seeded = stores[0]
    ensure_seeded(seeded, SEEDS, max_bytes=1_000_000)
    answer = Answers(seeded).rivals("Sony")
    assert answer.competes or answer.partners
    question = Question("rivals", "Sony", 5)
    key = Stash(notes=stores[0].notes).put((question, Viewed(answer, 2)))
    assert Stash(notes=stores[1].notes).get(key) == (question, Viewed(answer, 2))
    assert Stash(notes=stores[1].notes).get("no-such-key") is None
    for s in stores:
        s.close()


def test_a_stashed_value_names_only_the_answers_classes():
    question = Question("brief", "Sony", 5)
    assert decode(encode((question, None))) == (question, None)
    forged = json.dumps([{"@": "Question", "route": "brief", "text": "x", "limit": 5}, {"@": "Popen", "args": "x"}])
    assert decode(forged) is None
    assert decode("not json") is None
    assert decode(json.dumps([1, 2])) is None


def test_a_stashed_rivals_answer_keeps_its_pair_and_its_other_kinds():
    from bot.answers.model import Evidence, RelationFact, Rivals, Source

    source = Source(1, "Microsoft buys Activision", "https://example.com/a", "2023-10-13")
    bought = RelationFact("acquires", "Microsoft", "Activision", [Evidence("Microsoft bought Activision.", source)], 2)
    answer = Rivals(
        "Microsoft", [], [], between=("Microsoft", "Activision"), others={"acquires": [bought]}, totals=(0, 0)
    )
    question = Question("rivals", "Microsoft Activision", 5)
    assert decode(encode((question, Viewed(answer, 0)))) == (question, Viewed(answer, 0))
