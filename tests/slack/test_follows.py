"""/brief follow, follows and unfollow through signed requests; the follow's post through the
fake Web API; in a DM, the follow is the person's own."""

from __future__ import annotations

import json

from bot.config import Secret, Settings
from bot.follows.worker import FollowWorker
from bot.slack.app import once_client
from tests.conftest import GAMING, open_test_store, save
from tests.follows.conftest import story
from tests.slack.conftest import FORM, Server, build_app, command_body


def brief(server, fake, text, name, **extra):
    assert server.signed(command_body("/brief", text, fake.response_url(name), **extra), FORM)[0] == 200
    [call] = fake.wait_for(f"response/{name}")
    assert call.body["response_type"] == "ephemeral"
    return call.body["text"]


def test_follow_in_a_channel_then_a_new_article_is_posted_there(settings, tmp_path, fake, listeners):
    store = open_test_store(tmp_path / "f.db")
    save(store, GAMING)
    server = Server(build_app(settings, store, listeners))
    try:
        said = brief(server, fake, "follow Microsoft", "a")
        assert said.startswith("Following the company Microsoft in this channel")
        assert "Microsoft (company)" in brief(server, fake, "follows", "b")
        said = brief(server, fake, "follow Nvidia", "dm", channel_id="D1", channel_name="directmessage")
        assert "in your DM with me" in said
        assert "Latest news" not in said
    finally:
        server.stop()
    save(store, story(1, company="Microsoft", other="Nvidia", kind="partners"))
    save(store, story(2, company="Nvidia", other="AMD"))
    client = once_client(Settings(bot_token=Secret("xoxb-x"), api_url=fake.base_url))
    outcomes = FollowWorker(store, client, pace=0.0).run_once()
    assert sorted((o.channel, o.articles) for o in outcomes) == [("C1", 1), ("U1", 2)]
    posts = {c.body["channel"]: c.body for c in fake.of("chat.postMessage")}
    assert "Microsoft story 1" in json.dumps(posts["C1"]["blocks"])
    assert "*New partner:* Microsoft partners with Nvidia" in json.dumps(posts["C1"]["blocks"])
    assert posts["C1"]["metadata"]["event_type"] == "newsbot_follow"
    assert "2 new articles about Nvidia" in posts["U1"]["text"]  # posted to the person: their DM with the bot


def test_unfollow_stops_and_brief_still_answers(server, fake):
    assert brief(server, fake, "follow Sony", "a").startswith("Following the company Sony")
    assert brief(server, fake, "unfollow sony", "b") == "Stopped following Sony in this channel."
    assert brief(server, fake, "follows", "c").startswith("Nothing is followed in this channel")
    assert "Latest news" in brief(server, fake, "", "d")  # /brief itself is untouched
