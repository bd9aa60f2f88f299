"""Follows in one process: what is followed, what is posted (one message a burst, new facts
called out), once per channel (two follows, two passes, a digest), the day's window after
downtime, 429s waited out, and a post whose answer was lost found in the channel, not repeated."""

from __future__ import annotations

import json
from datetime import timedelta

from bot.answers import Answers
from bot.digest.runner import Runner
from bot.follows.commands import FollowCommands
from tests.follows.conftest import CHANNEL, follow, follow_posts, store_story, worker


def posted_blocks(fake) -> list[str]:
    return [json.dumps(c.body["blocks"]) for c in fake.of("chat.postMessage")]


def test_a_name_the_store_knows_is_followed_as_what_it_is(store):
    commands = FollowCommands(Answers(store))
    said = commands.handle("follow sony corporation", target=CHANNEL, user="U1")
    assert "Following the company Sony in this channel" not in said  # the reply says "here" by default
    assert said.startswith("Following the company Sony here")
    assert commands.handle("follow Satya Nadella", target=CHANNEL).startswith("Following Satya Nadella here")
    assert commands.handle("follow AI chips", target=CHANNEL).startswith("Following the topic AI chips here")
    assert commands.handle("follow topic Sony", target=CHANNEL).startswith("Following the topic Sony")
    assert commands.handle("follow Sony", target=CHANNEL).startswith("Already following the company Sony")
    listing = commands.handle("follows", target=CHANNEL)
    assert "Sony (company)" in listing and "Satya Nadella (person)" in listing and "AI chips (topic)" in listing
    assert commands.handle("follows", target="C_OTHER").startswith("Nothing is followed")
    assert commands.handle("unfollow AI chips", target=CHANNEL) == "Stopped following AI chips here."
    assert commands.handle("unfollow AI chips", target=CHANNEL).startswith("Not following AI chips")
    assert commands.handle("follow", target=CHANNEL).startswith("Followed here")
    assert commands.handle("unfollow", target=CHANNEL).startswith("Usage")


def test_ten_stories_from_one_poll_are_one_message_of_ten_once(store, client, slack, clock):
    follow(store, "Nvidia")
    for i in range(10):
        store_story(store, i)
    outcomes = worker(store, client, clock).run_once()
    assert [(o.status, o.articles) for o in outcomes] == [("posted", 10)]
    [post] = slack.of("chat.postMessage")
    assert post.body["channel"] == CHANNEL
    sections = [b for b in post.body["blocks"] if b["type"] == "section"]
    assert len(sections) == 10
    assert "10 new articles about Nvidia" in post.body["text"]
    first = sections[0]["text"]["text"]
    assert "Nvidia story 0" in first and "launched a new product number 0" in first
    assert "*New rival:* Nvidia competes with Rival0" in first  # a pair never stated before
    assert worker(store, client, clock).run_once() == []  # another pass, another worker: nothing again
    assert len(follow_posts(slack)) == 1


def test_only_articles_stored_after_the_follow_are_posted(store, client, slack, clock):
    store_story(store, 1)
    follow(store, "Nvidia")
    assert worker(store, client, clock).run_once() == []
    store_story(store, 2)
    [outcome] = worker(store, client, clock).run_once()
    assert outcome.articles == 1 and "Nvidia story 2" in posted_blocks(slack)[0]


def test_a_known_pair_is_not_called_new(store, client, slack, clock):
    store_story(store, 1, other="AMD")
    follow(store, "Nvidia")
    store_story(store, 2, other="AMD")
    worker(store, client, clock).run_once()
    [blocks] = posted_blocks(slack)
    assert "Nvidia competes with AMD" in blocks and "New rival" not in blocks


def test_an_article_two_follows_of_a_channel_want_comes_once(store, client, slack, clock):
    follow(store, "Nvidia")
    follow(store, "Intel")
    follow(store, "Nvidia", channel="C_OTHER")
    store_story(store, 1, other="Intel", kind="partners")
    outcomes = worker(store, client, clock).run_once()
    assert sorted((o.channel, o.articles) for o in outcomes) == [(CHANNEL, 1), ("C_OTHER", 1)]
    [here] = [c.body for c in slack.of("chat.postMessage") if c.body["channel"] == CHANNEL]
    assert "about Intel, Nvidia" in here["text"] and "*New partner:*" in json.dumps(here["blocks"])


def test_articles_stored_while_the_bot_was_down_are_posted_within_a_day(store, client, slack, clock):
    follow(store, "Nvidia")
    store_story(store, 1)
    clock.now += timedelta(hours=23)  # the bot comes back 23 hours later: still posted
    assert [o.articles for o in worker(store, client, clock).run_once()] == [1]
    store_story(store, 2)
    clock.now += timedelta(hours=25)  # 25 hours later: the digest's, not the follow's
    assert worker(store, client, clock).run_once() == []
    assert len(follow_posts(slack)) == 1


def test_digest_and_follows_do_not_repeat_each_other(store, client, slack, clock):
    store.digests.subscribe(CHANNEL, schedule="daily", at="08:00", zone="UTC", now="2026-01-01T00:00:00.000000Z")
    store_story(store, 1, company="Nvidia")
    Runner(store, client, clock=clock).run(CHANNEL, "manual-1")  # the digest has story 1
    follow(store, "Nvidia")
    store.follows.add(CHANNEL, "company", "Nvidia", now="x")  # no-op: already followed
    # story 1 arrives again in a follow's view (the follow began after it: nothing), story 2 is new
    store_story(store, 2, company="Nvidia")
    worker(store, client, clock).run_once()
    follow_text = posted_blocks(slack)[-1]
    assert "Nvidia story 2" in follow_text and "Nvidia story 1" not in follow_text
    # the next digest leaves out story 2, which the follow posted here
    before = len(slack.of("chat.postMessage"))
    store_story(store, 3, company="Other")
    outcome = Runner(store, client, clock=clock).run(CHANNEL, "manual-2")
    assert outcome.status == "posted" and outcome.articles == 1
    digest = posted_blocks(slack)[before]
    assert "Other story 3" in digest and "Nvidia story 2" not in digest


def test_a_follow_made_before_a_digest_leaves_its_articles_to_the_follow(store, client, slack, clock):
    follow(store, "Nvidia")
    store_story(store, 1)
    worker(store, client, clock).run_once()
    store.digests.subscribe(CHANNEL, schedule="daily", at="08:00", zone="UTC", now="2026-01-01T00:00:00.000000Z")
    # the digest is claimed between the follow's claim and post in another process: it skips it
    assert store.follows.claim_for_digest(CHANNEL, [store.latest_articles(1)[0]["id"]], now="x") == {
        store.latest_articles(1)[0]["id"]
    }


def test_a_429_is_waited_out_and_posted_once(store, client, slack, clock):
    follow(store, "Nvidia")
    store_story(store, 1)
    slack.fail_next("chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"})
    [outcome] = worker(store, client, clock).run_once()
    assert outcome.status == "posted"
    assert len(slack.of("chat.postMessage")) == 2 and len(follow_posts(slack)) == 1


def test_a_post_whose_answer_was_lost_is_found_in_the_channel_not_posted_again(store, client, slack, clock):
    follow(store, "Nvidia")
    store_story(store, 1)
    slack.drop_after_next("chat.postMessage")  # Slack posts it; its answer never arrives
    [outcome] = worker(store, client, clock).run_once()
    assert outcome.status == "failed" and len(follow_posts(slack)) == 1
    clock.now += timedelta(minutes=2)  # the retry is due
    [outcome] = worker(store, client, clock).run_once()
    assert outcome.status == "recovered"
    assert len(follow_posts(slack)) == 1 and len(slack.of("chat.postMessage")) == 1
    [batch] = store.query("SELECT * FROM follow_batches")
    assert batch["status"] == "posted" and batch["ts"] == follow_posts(slack)[0]["ts"]


def test_a_refused_post_is_retried_later_and_a_channel_gone_is_paused(store, client, slack, clock):
    follow(store, "Nvidia")
    store_story(store, 1)
    slack.fail_next("chat.postMessage", body={"ok": False, "error": "internal_error"})
    assert [o.status for o in worker(store, client, clock).run_once()] == ["failed"]
    assert worker(store, client, clock).run_once() == []  # not yet due
    clock.now += timedelta(minutes=2)
    assert [o.status for o in worker(store, client, clock).run_once()] == ["posted"]
    store_story(store, 2)
    slack.fail_next("chat.postMessage", body={"ok": False, "error": "not_in_channel"})
    assert [o.status for o in worker(store, client, clock).run_once()] == ["paused"]
    assert len(follow_posts(slack)) == 1


def test_newsbot_follows_names_the_workspace_of_a_shared_channels_follows(db_path, store, capsys):
    from bot.cli import main

    for team in ("T1", "T2"):  # one channel shared by two workspaces: the follows of each
        store.follows.add(CHANNEL, "company", "Sony", now="2026-01-01T00:00:00", team=team)
    assert main(["--db", str(db_path), "follows", "list"]) == 0
    listed = capsys.readouterr().out
    assert f"{CHANNEL} (T1): Sony (company)" in listed and f"{CHANNEL} (T2): Sony (company)" in listed
    assert main(["--db", str(db_path), "follows", "remove", "Sony", "--channel", CHANNEL, "--team", "T2"]) == 0
    assert capsys.readouterr().out.startswith(f"Stopped following Sony in {CHANNEL}")
    assert [(f["channel"], f["team"]) for f in store.follows.every()] == [(CHANNEL, "T1")]
