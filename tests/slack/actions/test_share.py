"""The "Share in channel" button: the answer its user saw, posted for everyone."""

import json

from bot.answers import Answers
from bot.extract.model import Entity, Relation
from bot.slack.pages import Question, Stash, button_value
from tests.conftest import GAMING, make_extraction, open_test_store, save
from tests.slack.conftest import FORM, action_body, build_app, button, command_body
from tests.slack.conftest import Server as SlackServer


def ask_rivals(server, fake, text="Sony", name="cmd"):
    server.signed(command_body("/rivals", text, fake.response_url(name)), FORM)
    [call] = fake.wait_for(f"response/{name}")
    return call.body


def click(server, fake, value, name="share", **kwargs):
    assert server.signed(action_body(value, fake.response_url(name), **kwargs), FORM)[0] == 200


def test_share_posts_the_same_answer_in_channel_and_removes_the_ephemeral(server, fake):
    seen = ask_rivals(server, fake)
    click(server, fake, button(seen, "share_answer")["value"])
    shared, deleted = (c.body for c in fake.wait_for("response/share", count=2))
    assert shared["response_type"] == "in_channel" and shared["replace_original"] is False
    assert "Shared by <@U1>" in json.dumps(shared["blocks"])
    # for everyone, no buttons but the map's (a /rivals answer's picture, for anyone to ask)
    [actions] = [b for b in shared["blocks"] if b["type"] == "actions"]
    assert [e["action_id"] for e in actions["elements"]] == ["map_answer"]
    assert shared["blocks"][:-2] == [b for b in seen["blocks"] if b["type"] != "actions"]
    assert shared["text"] == seen["text"]
    assert deleted == {"delete_original": True}


def test_the_shared_answer_is_the_one_seen_even_if_the_store_changed_since(settings, tmp_path, fake, listeners):
    store = open_test_store(tmp_path / "s.db")
    save(store, GAMING)
    server = SlackServer(build_app(settings, store, listeners))
    try:
        seen = ask_rivals(server, fake)
        later = make_extraction(
            "Sony rivals Nintendo",
            ["Sony rivals Nintendo in handheld consoles."],
            entities=[Entity("Sony", "company"), Entity("Nintendo", "company")],
            relations=[Relation("competes", "Sony", "Nintendo", "Sony rivals Nintendo in handheld consoles.", 0)],
            source="later.txt",
        )
        save(store, later)
        click(server, fake, button(seen, "share_answer")["value"])
        shared = fake.wait_for("response/share")[0].body
        assert "Nintendo" not in json.dumps(shared)
        assert shared["text"] == seen["text"]
        assert "Nintendo" in [f.other for f in Answers(store).rivals("Sony").competes]  # the store did change
    finally:
        server.stop()


def test_after_a_restart_the_same_question_is_answered_again(server, fake, settings, seeded_store, listeners):
    seen = ask_rivals(server, fake)
    value = button(seen, "share_answer")["value"]
    restarted = SlackServer(build_app(settings, seeded_store, listeners))  # a new process: an empty stash
    try:
        click(restarted, fake, value)
        shared = fake.wait_for("response/share", count=2)[0].body
        assert shared["response_type"] == "in_channel"
        assert shared["text"] == seen["text"]
    finally:
        restarted.stop()


def test_a_question_too_long_for_a_button_still_shares(server, fake):
    text = "Sony " + "\U0001f3ae" * 1500  # 3,000 UTF-16 units: more than a button value may hold
    seen = ask_rivals(server, fake, text)
    value = button(seen, "share_answer")["value"]
    assert len(value.encode("utf-16-le")) // 2 <= 2000 and "t" not in json.loads(value)
    click(server, fake, value)
    shared = fake.wait_for("response/share", count=2)[0].body
    assert shared["response_type"] == "in_channel" and shared["text"] == seen["text"]


def test_an_expired_long_question_is_refused_politely(server, fake):
    value = button_value(Question("rivals", "x" * 3000, 5), Stash())  # a stash this process lacks
    click(server, fake, value, name="gone")
    [call] = fake.wait_for("response/gone")
    assert call.body["response_type"] == "ephemeral" and "Ask again" in call.body["text"]


def test_a_forged_share_value_is_refused_politely(server, fake):
    click(server, fake, '{"r": "ingest", "t": "/etc/passwd", "n": 5}', name="bad")
    [call] = fake.wait_for("response/bad")
    assert call.body["response_type"] == "ephemeral"
    assert "can no longer be shared" in call.body["text"]


def test_a_failed_share_apologises_to_its_user_only(server, fake, listeners):
    seen = ask_rivals(server, fake)
    fake.fail_next("response/share", 500, {"ok": False})
    click(server, fake, button(seen, "share_answer")["value"])
    listeners.idle()
    failed, apology = (c.body for c in fake.of("response/share"))
    assert failed["response_type"] == "in_channel"
    assert apology["response_type"] == "ephemeral" and "Sorry" in apology["text"]  # not in the channel
    assert not [c for c in fake.of("response/share") if c.body.get("delete_original")]
