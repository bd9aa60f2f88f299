"""Slash commands over HTTP: signed form posts in, answers out through response_url."""

import json

import pytest

from tests.slack.conftest import FORM, command_body


def answer_of(fake, name="r1"):
    [call] = fake.wait_for(f"response/{name}")
    return call.body


def text_of(payload) -> str:
    return json.dumps(payload["blocks"]) + payload["text"]


def test_rivals_sony_answers_ephemerally_with_evidence_and_a_share_button(server, fake):
    status, body = server.signed(command_body("/rivals", "Sony", fake.response_url()), FORM)
    assert (status, body) == (200, "")  # acknowledged at once, with nothing shown
    payload = answer_of(fake)
    assert payload["response_type"] == "ephemeral"
    blocks = payload["blocks"]
    assert blocks[0]["type"] == "header" and "Sony" in blocks[0]["text"]["text"]
    text = text_of(payload)
    assert "*Microsoft*" in text and "*Google*" in text
    assert "Xbox and PlayStation" in text or "competing in some areas" in text
    assert "Stadia" in text
    assert "Sony and Microsoft announced a strategic partnership" in text  # the source article
    [actions] = [b for b in blocks if b["type"] == "actions"]
    button = actions["elements"][0]
    assert button["action_id"] == "share_answer" and json.loads(button["value"]) == {"c": "rivals", "t": "Sony"}
    assert "Microsoft" in payload["text"]  # plain-text fallback


@pytest.mark.parametrize(
    ("command", "text", "expected"),
    [
        ("/quotes", "Nadella", "Satya Nadella"),
        ("/quotes", "Sony CEO", "Kenichiro Yoshida"),
        ("/brief", "", "Latest news"),
        ("/brief", "Azure", "News about Azure"),
        ("/rivals", "", "Rivalries and partnerships"),
    ],
)
def test_each_command_answers(server, fake, command, text, expected):
    assert server.signed(command_body(command, text, fake.response_url()), FORM)[0] == 200
    payload = answer_of(fake)
    assert expected in text_of(payload)
    assert len(payload["blocks"]) <= 50


@pytest.mark.parametrize("command", ["/brief", "/quotes", "/rivals", "/digest"])
def test_help_is_ephemeral_usage_without_a_share_button(server, fake, command):
    server.signed(command_body(command, "help", fake.response_url()), FORM)
    payload = answer_of(fake)
    assert payload["response_type"] == "ephemeral"
    assert "Usage" in payload["text"] or "Usage" in text_of(payload)
    assert not [b for b in payload["blocks"] if b["type"] == "actions"]


def test_an_unknown_company_gets_a_helpful_answer(server, fake):
    server.signed(command_body("/rivals", "Zyxwv Corp", fake.response_url()), FORM)
    assert "No company named" in text_of(answer_of(fake))


def test_a_failing_answer_is_apologised_for_not_dropped(server, fake, app, monkeypatch):
    from bot.answers import Answers

    def broken(self, name, text=""):
        raise RuntimeError("boom")

    monkeypatch.setattr(Answers, "command", broken)
    server.signed(command_body("/rivals", "Sony", fake.response_url()), FORM)
    assert "Sorry" in answer_of(fake)["text"]
