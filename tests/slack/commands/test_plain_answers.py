"""Issue 18's answers, seen where people see them: through signed requests and the fake Web
API. Dates on every citation, times read in the asker's Slack time zone (asked of users.info
only when a question says a time), nothing-found answers with nothing to share, the names the
store knows, and help that names /brief add and /digest feeds."""

from __future__ import annotations

import json

import pytest
import time_machine

from tests.answers.world import NOW, build
from tests.conftest import open_test_store
from tests.slack.conftest import FORM, JSON, Server, build_app, button, command_body, event_body
from tests.slack.events.test_events import dm


@pytest.fixture(scope="module")
def world_store(tmp_path_factory):
    return build(open_test_store(tmp_path_factory.mktemp("world") / "world.db"))


@pytest.fixture
def world(settings, world_store, listeners):
    server = Server(build_app(settings, world_store, listeners))
    yield server
    server.stop()


def ask(server, fake, command: str, text: str, name: str = "r1", **extra) -> dict:
    assert server.signed(command_body(command, text, fake.response_url(name), **extra), FORM)[0] == 200
    [call] = fake.wait_for(f"response/{name}")
    return call.body


def shown(payload: dict) -> str:
    return json.dumps(payload["blocks"], ensure_ascii=False) + payload["text"]


def test_every_citation_shows_its_date(world, fake):
    payload = ask(world, fake, "/brief", "Nvidia")
    assert "Nvidia unveils a new graphics chip_ (8 Dec 2026)" in shown(payload)
    assert "Nvidia chip powers new consoles_ (15 Mar 2024)" in shown(payload)
    quotes = ask(world, fake, "/quotes", "Gates", "r2")
    assert "(20 Dec 2004)" in shown(quotes) and "(2 Nov 2004)" in shown(quotes)


def test_a_time_is_read_in_the_asker_s_slack_time_zone(world, fake):
    fake.answers["users.info"] = {"ok": True, "user": {"id": "U1", "tz": "Pacific/Auckland"}}
    with time_machine.travel(NOW, tick=False):  # 01:00 on Thursday in Auckland
        auckland = ask(world, fake, "/brief", "news from yesterday")
    assert auckland["blocks"][0]["text"]["text"] == "Latest news yesterday"
    assert "No articles yesterday." in shown(auckland)  # Wednesday there: nothing published
    [info] = fake.of("users.info")
    assert info.body["user"] == "U1"
    fake.answers["users.info"] = {"ok": True, "user": {"id": "U2", "tz": "Europe/London"}}
    with time_machine.travel(NOW, tick=False):
        london = ask(world, fake, "/brief", "news from yesterday", "r2", user_id="U2")
        again = ask(world, fake, "/brief", "news from yesterday", "r3")
    assert "Nvidia unveils a new graphics chip" in shown(london)  # Tuesday in London
    assert shown(again) == shown(auckland)
    assert [c.body["user"] for c in fake.of("users.info")] == ["U1", "U2"]  # each zone asked for once


def test_a_question_without_a_time_does_not_ask_slack_for_a_time_zone(world, fake):
    ask(world, fake, "/rivals", "Sony")
    world.signed(event_body(dm("who competes with Sony?")), JSON)
    fake.wait_for("chat.postMessage")
    assert fake.of("users.info") == []


def test_an_answer_that_found_nothing_offers_nothing_to_share(world, fake):
    nothing = ask(world, fake, "/quotes", "Acme")
    assert "No quotes by or about 'Acme' in the news I have." in nothing["text"]
    assert button(nothing, "share_answer") is None
    pair = ask(world, fake, "/rivals", "Google AOL", "r2")
    assert pair["blocks"][0]["text"]["text"] == "Google and AOL"
    assert "Nothing between Google and AOL" in shown(pair) and "*Google* competes with *Yahoo*" in shown(pair)
    assert button(pair, "share_answer") is not None  # each one's own pairs are worth sharing


def test_the_companies_the_store_knows_are_a_ranked_list(world, fake):
    world.signed(event_body(dm("which companies do you know?")), JSON)
    [post] = fake.wait_for("chat.postMessage")
    assert post.body["blocks"][0]["text"]["text"] == "Companies I know most about"
    text = shown(post.body)
    assert text.index("*Microsoft* (") < text.index("*Sony* (") < text.index("(1 article)")


def test_help_names_every_command_and_its_ways_in(world, fake):
    text = shown(ask(world, fake, "/brief", "help"))
    assert "/brief add URL" in text and "/brief Nvidia this week" in text
    world.signed(event_body(dm("help")), JSON)
    [post] = fake.wait_for("chat.postMessage")
    text = shown(post.body)
    assert "/digest feeds add URL" in text and "/brief add URL" in text and "which companies do you know?" in text


def test_a_time_zone_slack_could_not_give_is_asked_for_again(world, fake):
    fake.answers["users.info"] = {"ok": True, "user": {"id": "U7", "tz": "Pacific/Auckland"}}
    fake.fail_next("users.info", 200, {"ok": False, "error": "user_not_found"})
    with time_machine.travel(NOW, tick=False):
        first = ask(world, fake, "/brief", "news from yesterday", "r1", user_id="U7")
        again = ask(world, fake, "/brief", "news from yesterday", "r2", user_id="U7")
    assert "Nvidia unveils a new graphics chip" in shown(first)  # UTC: Tuesday
    assert "No articles yesterday." in shown(again)  # Auckland, as the fake says the second time
    assert [c.body["user"] for c in fake.of("users.info")] == ["U7", "U7"]
