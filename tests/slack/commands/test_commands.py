"""Slash commands over HTTP: signed form posts in, acknowledged at once, answers out through
response_url."""

import json
import threading

import pytest

from bot.answers import Answers
from tests.slack.conftest import FORM, button, command_body


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
    share = button(payload, "share_answer")
    assert share is not None and json.loads(share["value"])["t"] == "Sony"
    assert button(payload, "more_answer") is None  # everything the store knows is shown
    assert "Microsoft" in payload["text"] and "Google" in payload["text"]  # plain-text fallback


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
    assert payload["response_type"] == "ephemeral"
    assert expected in text_of(payload)
    assert payload["text"]
    assert button(payload, "share_answer") is not None


@pytest.mark.parametrize("command", ["/brief", "/quotes", "/rivals", "/digest"])
def test_help_is_ephemeral_usage_without_buttons(server, fake, command):
    server.signed(command_body(command, "help", fake.response_url()), FORM)
    payload = answer_of(fake)
    assert payload["response_type"] == "ephemeral"
    assert "Usage" in text_of(payload)
    assert not [b for b in payload["blocks"] if b["type"] == "actions"]


def test_an_unknown_company_gets_a_helpful_answer(server, fake):
    server.signed(command_body("/rivals", "Zyxwv Corp", fake.response_url()), FORM)
    assert "No company named" in text_of(answer_of(fake))


def test_a_failing_answer_is_apologised_for_not_dropped(server, fake, monkeypatch, caplog):
    def broken(self, name, text="", **_):
        raise RuntimeError("boom")

    monkeypatch.setattr(Answers, "command", broken)
    server.signed(command_body("/rivals", "Sony", fake.response_url()), FORM)
    payload = answer_of(fake)
    assert payload["response_type"] == "ephemeral" and "Sorry" in payload["text"]
    assert "failed to answer /rivals" in caplog.text


def test_slack_is_acknowledged_before_a_slow_answer_is_ready(server, fake, listeners, monkeypatch):
    """Slack wants its answer within three seconds: the HTTP response must not wait for the
    answer. The answer is held until the acknowledgement has been seen."""
    release = threading.Event()
    original = Answers.command

    def slow(self, name, text="", **kw):
        assert release.wait(10), "the answer was never released"
        return original(self, name, text, **kw)

    monkeypatch.setattr(Answers, "command", slow)
    status, body = server.signed(command_body("/rivals", "Sony", fake.response_url()), FORM)
    assert (status, body) == (200, "")
    assert fake.of("response/r1") == []  # acknowledged while the answer is still being worked out
    release.set()
    assert "Microsoft" in answer_of(fake)["text"]


def test_a_rate_limited_response_url_is_retried_after_retry_after(server, fake):
    fake.fail_next("response/r1", 429, {"ok": False}, {"Retry-After": "1"})
    server.signed(command_body("/brief", "Azure", fake.response_url()), FORM)
    first, second = fake.wait_for("response/r1", count=2)
    assert first.body == second.body and "Azure" in second.body["text"]


def test_a_dropped_connection_to_response_url_is_retried(server, fake):
    fake.drop_next("response/r1")
    server.signed(command_body("/quotes", "Nadella", fake.response_url()), FORM)
    first, second = fake.wait_for("response/r1", count=2)
    assert first.body == second.body and "Nadella" in second.body["text"]


def test_a_refused_response_url_is_logged(server, fake, listeners, caplog):
    fake.fail_next("response/r1", 404, {"ok": False, "error": "expired_url"})
    server.signed(command_body("/brief", "", fake.response_url()), FORM)
    listeners.idle()
    assert "response_url refused the answer to /brief (HTTP 404" in caplog.text
    assert len(fake.of("response/r1")) == 2  # the answer, then the apology
