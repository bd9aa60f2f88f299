"""Slack's limits hold for a large store whose headlines, links and sentences are long and full
of Slack's control characters; longer answers are cut with "...and N more" and can be shown."""

import json
import re

import pytest

from bot.mrkdwn import MAX_BLOCKS
from tests.slack.conftest import BIG_ARTICLES, FORM, JSON, action_body, button, command_body, event_body
from tests.slack.events.test_events import dm, mention


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# Slack's own limits, from the Block Kit reference
def check_limits(payload: dict) -> None:
    blocks = payload["blocks"]
    assert 1 <= len(blocks) <= MAX_BLOCKS
    assert 1 <= units(payload["text"]) <= 3000
    for block in blocks:
        kind = block["type"]
        if kind == "header":
            assert block["text"]["type"] == "plain_text" and 1 <= units(block["text"]["text"]) <= 150
        elif kind == "section":
            assert 1 <= units(block["text"]["text"]) <= 3000
        elif kind == "context":
            assert 1 <= len(block["elements"]) <= 10
            assert all(1 <= units(e["text"]) <= 3000 for e in block["elements"])
        elif kind == "actions":
            assert 1 <= len(block["elements"]) <= 25
            for element in block["elements"]:
                assert units(element["text"]["text"]) <= 75
                assert units(element["action_id"]) <= 255
                assert units(element["value"]) <= 2000
        else:
            assert kind == "divider", kind
    check_mrkdwn(payload)


LINK = re.compile(r"<([^<>|]*)\|([^<>]*)>")


def check_mrkdwn(payload: dict) -> None:
    """Every ``<...>`` is a link to an article (URL without spaces, ``<``, ``>`` or a raw ``&``;
    headline without ``|``) or the sharer's mention; every ``&`` starts an entity."""
    texts = [payload["text"]]
    for block in payload["blocks"]:
        if "text" in block:
            texts.append(block["text"]["text"])
        texts += [e["text"] for e in block.get("elements", []) if e.get("type") == "mrkdwn"]
    for text in texts:
        rest = LINK.sub("", re.sub(r"<@U1>", "", text))
        assert "<" not in rest and ">" not in rest.replace("\n> ", "\n").removeprefix("> "), text
        for url, title in LINK.findall(text):
            assert re.fullmatch(r"https?://[^\s<>|\"]+", url), url
            assert not re.search(r"&(?!amp;|lt;|gt;)", url), url
            assert "|" not in title
        assert not re.search(r"&(?!amp;|lt;|gt;)", text), text


@pytest.mark.parametrize(
    ("command", "text"),
    [("/brief", ""), ("/brief", "Acme"), ("/quotes", "Ada Lovelace"), ("/quotes", "Acme"), ("/rivals", "Acme")],
)
def test_every_command_on_a_large_store_stays_within_limits(big_server, fake, command, text):
    big_server.signed(command_body(command, text, fake.response_url()), FORM)
    [call] = fake.wait_for("response/r1")
    check_limits(call.body)
    assert "more" in json.dumps(call.body["blocks"])
    assert button(call.body, "more_answer") is not None


def test_brief_counts_what_is_left_and_show_more_expands_it_in_place(big_server, fake):
    big_server.signed(command_body("/brief", "", fake.response_url()), FORM)
    [first] = fake.wait_for("response/r1")
    page = first.body
    for shown in (5, 10, 15):
        check_limits(page)
        sections = [b for b in page["blocks"] if b["type"] == "section"]
        assert len(sections) == shown
        assert f"...and {BIG_ARTICLES - shown} more" in page["text"]
        more = button(page, "more_answer")
        assert more is not None and button(page, "share_answer") is not None
        name = f"more{shown}"
        big_server.signed(action_body(more["value"], fake.response_url(name), action_id="more_answer"), FORM)
        [call] = fake.wait_for(f"response/{name}")
        assert call.body["replace_original"] is True
        page = call.body
    assert len([b for b in page["blocks"] if b["type"] == "section"]) == 20


def test_show_more_stops_at_the_block_limit_and_says_how_to_narrow(big_server, fake):
    from bot.slack.pages import MAX_LIMIT, Question, Stash, button_value

    value = button_value(Question("rivals", "Acme", MAX_LIMIT), Stash())
    big_server.signed(action_body(value, fake.response_url("last"), action_id="more_answer"), FORM)
    [call] = fake.wait_for("response/last")
    check_limits(call.body)
    assert button(call.body, "more_answer") is None
    assert "Narrow it with `/rivals Acme [other company]`" in call.body["text"]


def test_a_mention_on_a_large_store_can_be_expanded_in_its_thread(big_server, fake):
    big_server.signed(event_body(mention("any news on Acme?")), JSON)
    [post] = fake.wait_for("chat.postMessage")
    check_limits(post.body)
    more = button(post.body, "more_answer")
    assert more is not None and button(post.body, "share_answer") is None
    body = action_body(more["value"], fake.response_url("m"), action_id="more_answer", ephemeral=False)
    big_server.signed(body, FORM)
    [call] = fake.wait_for("response/m")
    assert call.body["replace_original"] is True and "response_type" not in call.body
    assert button(call.body, "share_answer") is None
    check_limits(call.body)


def test_dms_on_a_large_store_stay_within_limits(big_server, fake, listeners):
    questions = ["who competes with Acme?", "what did Ada Lovelace say?", "news", "summarise Acme"]
    for n, question in enumerate(questions):
        big_server.signed(event_body(dm(question, ts=f"1700000200.{n}"), event_id=f"EvBig{n}"), JSON)
    listeners.idle()
    posts = fake.of("chat.postMessage")
    assert len(posts) == len(questions)
    for post in posts:
        check_limits(post.body)
