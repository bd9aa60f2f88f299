"""Mentions and direct messages over HTTP: answered once, in the right place."""

import json

from tests.slack.conftest import JSON, Server, event_body
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
    return {
        "type": "message",
        "channel_type": "im",
        "user": "U1",
        "text": text,
        "ts": ts,
        "event_ts": ts,
        "channel": "D1",
        **extra,
    }


def test_url_verification_echoes_the_challenge(server, fake):
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "legacy"})
    status, text = server.signed(body, JSON)
    assert status == 200 and json.loads(text) == {"challenge": "abc123"}
    assert fake.calls == []


def test_a_mention_is_answered_in_a_thread_under_it(server, fake):
    assert server.signed(event_body(mention()), JSON) == (200, "")
    [post] = fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "C1"
    assert post.body["thread_ts"] == "1700000000.000100"
    assert post.body["blocks"][0]["type"] == "header"
    assert "Microsoft" in post.body["text"] and "Google" in post.body["text"]
    assert "Sony and Microsoft announced a strategic partnership" in json.dumps(post.body["blocks"])
    assert post.body["unfurl_links"] is False
    assert post.headers["Authorization"] == "Bearer xoxb-test-token-0000"
    actions = [e["action_id"] for b in post.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert actions == ["map_answer"]  # nothing to share or expand; the map, for anyone in the thread


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


def test_a_direct_message_naming_the_bot_is_answered(server, fake):
    """Slack sends no app_mention for a DM: a DM that starts with @newsbot is a question too."""
    server.signed(event_body(dm(text=f"<@{BOT_USER}> who competes with Sony?", ts="1700000002.1")), JSON)
    [post] = fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "D1" and "Google" in post.body["text"]


def test_a_retried_event_is_answered_once(server, fake, listeners):
    body = event_body(mention(), event_id="EvRetry")
    server.signed(body, JSON)
    fake.wait_for("chat.postMessage")
    for attempt in ("1", "2", "3"):
        retry = {"X-Slack-Retry-Num": attempt, "X-Slack-Retry-Reason": "http_timeout"}
        assert server.signed(body, JSON, **retry)[0] == 200
    listeners.idle()
    assert len(fake.of("chat.postMessage")) == 1


def test_a_retried_event_reaches_no_listener_again(app, fake, listeners):
    """Any event, not only the messages the bot answers (those are also keyed by channel and
    ts): the retry is acknowledged and goes no further."""
    reactions = []
    app.event("reaction_added")(lambda event: reactions.append(event["reaction"]))
    server = Server(app)
    try:
        event = {"type": "reaction_added", "user": "U1", "reaction": "eyes", "event_ts": "1700000009.1"}
        body = event_body(event, event_id="EvReaction")
        assert server.signed(body, JSON)[0] == 200
        assert server.signed(body, JSON, **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})[0] == 200
        assert server.signed(event_body(event, event_id="EvReaction2"), JSON)[0] == 200  # a new event, answered
        listeners.idle()
    finally:
        server.stop()
    assert reactions == ["eyes", "eyes"]


def test_a_mention_that_also_arrives_as_a_message_is_answered_once(server, fake, listeners):
    event = mention(ts="1700000005.000100")
    as_message = {**event, "type": "message", "channel_type": "im"}
    server.signed(event_body(event, event_id="EvA"), JSON)
    server.signed(event_body(as_message, event_id="EvB"), JSON)
    listeners.idle()
    assert len(fake.of("chat.postMessage")) == 1


def test_the_message_first_then_the_mention_is_answered_once(server, fake, listeners):
    event = mention(ts="1700000006.000100")
    server.signed(event_body({**event, "type": "message", "channel_type": "im"}, event_id="EvC"), JSON)
    server.signed(event_body(event, event_id="EvD"), JSON)
    listeners.idle()
    assert len(fake.of("chat.postMessage")) == 1


def test_the_same_message_on_both_paths_at_once_is_answered_once(app, fake, listeners):
    """Both deliveries race on worker threads: still one answer."""
    from concurrent.futures import ThreadPoolExecutor

    from slack_bolt import BoltRequest

    bodies = []
    for n in range(20):
        event = mention(ts=f"1700000100.{n:06d}", channel=f"C{n}")
        bodies += [
            json.loads(event_body(event, event_id=f"EvM{n}")),
            json.loads(event_body({**event, "type": "message", "channel_type": "im"}, event_id=f"EvN{n}")),
        ]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda b: app.dispatch(BoltRequest(body=b, mode="socket_mode")), bodies))
    listeners.idle()
    answered = sorted(c.body["channel"] for c in fake.of("chat.postMessage"))
    assert answered == sorted(f"C{n}" for n in range(20))


def test_own_messages_edits_and_other_subtypes_are_ignored(server, fake, listeners):
    ignored = [
        dm(user=BOT_USER, ts="1.1"),
        dm(bot_id="BBOT", ts="1.2"),
        dm(subtype="message_changed", ts="1.3", message={"text": "who competes with Sony?"}),
        dm(subtype="message_deleted", ts="1.4"),
        dm(subtype="channel_join", ts="1.5"),
        dm(subtype="bot_message", ts="1.6", bot_id="BOTHER"),
        dm(subtype="file_share", ts="1.7"),
        {**dm(ts="1.8"), "channel_type": "channel"},  # channel messages: only mentions are answered
        mention(ts="1.9", bot_id="BBOT", user=BOT_USER),  # the bot mentioning itself
    ]
    for n, event in enumerate(ignored):
        assert server.signed(event_body(event, event_id=f"E{n}"), JSON)[0] == 200
    listeners.idle()
    assert fake.posts() == []


def test_a_rate_limited_post_is_retried_after_retry_after(server, fake):
    fake.fail_next("chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"})
    server.signed(event_body(dm(ts="1700000009.1")), JSON)
    posts = fake.wait_for("chat.postMessage", count=2)
    assert len(posts) == 2 and posts[1].body == posts[0].body


def test_a_dropped_connection_is_retried(server, fake):
    fake.drop_next("chat.postMessage")
    server.signed(event_body(dm(ts="1700000009.2")), JSON)
    posts = fake.wait_for("chat.postMessage", count=2)
    assert posts[1].body == posts[0].body


def test_a_slack_error_is_logged_with_method_and_code_and_answered_with_an_apology(server, fake, listeners, caplog):
    fake.fail_next("chat.postMessage", 200, {"ok": False, "error": "channel_not_found"})
    server.signed(event_body(dm(ts="1700000010.1")), JSON)
    listeners.idle()
    answer, apology = fake.of("chat.postMessage")
    assert "Kenichiro Yoshida" in answer.body["text"]
    assert "Sorry" in apology.body["text"] and apology.body["channel"] == "D1"
    assert "chat.postMessage: channel_not_found" in caplog.text
    assert "xoxb-test-token" not in caplog.text
