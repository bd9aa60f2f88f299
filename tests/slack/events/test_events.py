"""Mentions and direct messages over HTTP: answered once, in the right place."""

import json
import time

from tests.slack.conftest import JSON, event_body
from tests.slack.fake_slack import BOT_USER


def mention(text="who competes with Sony?", ts="1700000000.000100", **extra):
    return {
        "type": "app_mention",
        "user": "U1",
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts,
        "channel": "C1",
        "event_ts": ts,
        **extra,
    }


def dm(text="what did the Sony CEO say?", ts="1700000001.000100", **extra):
    return {"type": "message", "channel_type": "im", "user": "U1", "text": text, "ts": ts, "channel": "D1", **extra}


def settle():
    """Give a listener that should do nothing the time to do something, if it wrongly would."""
    time.sleep(0.3)


def test_url_verification_echoes_the_challenge(server):
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "legacy"})
    status, text = server.signed(body, JSON)
    assert status == 200 and "abc123" in text


def test_a_mention_is_answered_in_a_thread_under_it(server, fake):
    assert server.signed(event_body(mention()), JSON)[0] == 200
    [post] = fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "C1"
    assert post.body["thread_ts"] == "1700000000.000100"
    assert "Microsoft" in post.body["text"] and "Google" in post.body["text"]
    assert post.headers["Authorization"] == "Bearer xoxb-test-token-0000"


def test_a_mention_inside_a_thread_answers_in_that_thread(server, fake):
    server.signed(event_body(mention(thread_ts="1699999999.000001")), JSON)
    [post] = fake.wait_for("chat.postMessage")
    assert post.body["thread_ts"] == "1699999999.000001"


def test_a_direct_message_is_answered_in_the_dm(server, fake):
    server.signed(event_body(dm()), JSON)
    [post] = fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "D1"
    assert "thread_ts" not in post.body
    assert "Kenichiro Yoshida" in post.body["text"]


def test_a_retried_event_is_answered_once(server, fake):
    body = event_body(mention(), event_id="EvRetry")
    server.signed(body, JSON)
    fake.wait_for("chat.postMessage")
    assert server.signed(body, JSON, **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})[0] == 200
    settle()
    assert len(fake.of("chat.postMessage")) == 1


def test_a_mention_that_also_arrives_as_a_message_is_answered_once(server, fake):
    event = mention(ts="1700000005.000100")
    server.signed(event_body(event, event_id="EvA"), JSON)
    as_message = {**event, "type": "message", "channel_type": "im"}
    server.signed(event_body(as_message, event_id="EvB"), JSON)
    fake.wait_for("chat.postMessage")
    settle()
    assert len(fake.of("chat.postMessage")) == 1


def test_own_messages_edits_and_other_subtypes_are_ignored(server, fake):
    server.signed(event_body(dm(user=BOT_USER, ts="1.1"), event_id="E1"), JSON)
    server.signed(event_body(dm(bot_id="BBOT", ts="1.2"), event_id="E2"), JSON)
    server.signed(event_body(dm(subtype="message_changed", ts="1.3"), event_id="E3"), JSON)
    server.signed(event_body(dm(subtype="channel_join", ts="1.4"), event_id="E4"), JSON)
    server.signed(event_body({**dm(ts="1.5"), "channel_type": "channel"}, event_id="E5"), JSON)
    settle()
    assert fake.posts() == []


def test_a_rate_limited_post_is_retried_after_retry_after(server, fake):
    fake.fail_next("chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"})
    server.signed(event_body(dm(ts="1700000009.1")), JSON)
    posts = fake.wait_for("chat.postMessage", count=2)
    assert len(posts) == 2 and posts[1].body == posts[0].body


def test_a_slack_error_is_logged_with_method_and_code_and_never_the_token(server, fake, caplog):
    fake.fail_next("chat.postMessage", 200, {"ok": False, "error": "channel_not_found"})
    server.signed(event_body(dm(ts="1700000010.1")), JSON)
    fake.wait_for("chat.postMessage", count=2)  # the answer, then the apology
    deadline = time.monotonic() + 5
    while "channel_not_found" not in caplog.text and time.monotonic() < deadline:
        time.sleep(0.01)
    assert "chat.postMessage: channel_not_found" in caplog.text
    assert "xoxb-test-token" not in caplog.text
