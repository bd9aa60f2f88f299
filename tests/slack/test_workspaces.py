"""Two workspaces on one app (installed by OAuth): one cannot read or change the other's
subscriptions, follows, feeds or articles (the page it added with /brief add, its feed's stories,
and every fact, name and count drawn from them) through any command, event or action, and
everything it makes the app do is done with its own token. Every listener the app registers
must be driven here (a new one fails the test until it is)."""

from __future__ import annotations

import json

import pytest
from slack_bolt import BoltRequest, BoltResponse

from bot.answers import Answers
from bot.answers.commands import SLASH
from bot.digest.commands import DigestCommands
from bot.digest.runner import Runner
from bot.fetch.news import News
from bot.follows.commands import FollowCommands
from bot.ingest.pipeline import ensure_seeded
from bot.slack.app import once_client, web_client
from bot.slack.oauth import posting_clients
from storage.teams import TeamReads
from tests.conftest import SEEDS, open_test_store
from tests.fetch.conftest import LOOPBACK, Route, Site, offline
from tests.fetch.test_feeds import rss
from tests.slack.conftest import FORM, JSON, Server, button
from tests.slack.oauth_helpers import action, command, event, install, oauth_app, oauth_settings
from tests.storage.test_team_articles import PARAGRAPHS, TITLE

# what T2 follows: T3 names these to try to change them...
SECRET_TOPIC = "quantum widgets"
SECRET_FEED = "https://t2-private.example/rss"
# ...and never names these, which nothing T3 is shown may hold
HIDDEN_TOPIC = "zeppelin batteries"
HIDDEN_FEED = "https://t2-hidden.example/feed"
# T2's own articles: a page added with /brief add, and its feed's story. T3 names the company of
# the first (SECRET_COMPANY), and nothing else of them, which nothing T3 is shown may hold
SECRET_COMPANY = "Zorblax"
FEED_TITLE = "Blorptech opens a lab in Tampere"
FEED_STORY = (
    "Blorptech competes with Sony in image sensors, its founder said on Monday.",
    '"Our sensors are sharper than anything Sony sells," said Ilkka Rantanen, chief executive of Blorptech.',
)
HIDDEN_WORDS = ("Quuxcorp", "Vexley", "Helsinki", "beat Sony", "cloud console", "Nintendo", "Blorptech", "Tampere",
                "Rantanen", "sharper", "t2-story", "t2-feed")  # fmt: skip


@pytest.fixture(autouse=True)
def names(monkeypatch):
    return offline(monkeypatch)  # no feed or page poll can reach DNS


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture
def store(tmp_path):
    """On an SQLite file; ``NEWSBOT_TEST_STORE=postgresql``: a PostgreSQL database."""
    store = open_test_store(tmp_path / "teams.db")
    ensure_seeded(store, SEEDS, max_bytes=1_000_000)
    yield store
    store.close()


@pytest.fixture
def app(fake, store, listeners):
    settings = oauth_settings(fake)
    runner = Runner(store, once_client(settings), clients=posting_clients(settings, store, web_client(settings)))
    return oauth_app(
        fake,
        store,
        listeners,
        digests=DigestCommands(runner),
        news=News(store, LOOPBACK),
        follows=FollowCommands(Answers(store)),
    )


def send(server, fake, team, name, text, tag, **kwargs) -> dict:
    """A slash command from ``team``; the ephemeral answer it got."""
    assert server.signed(command(team, name, text, fake.response_url(tag), **kwargs), FORM)[0] == 200
    return fake.wait_for(f"response/{tag}", timeout=30)[0].body


COMMANDS = [
    ("/brief", ""),
    ("/brief", "this week"),  # a time: the asker's zone read (users.info) with T3's token
    ("/brief", "follows"),
    ("/brief", f"unfollow {SECRET_TOPIC}"),
    ("/brief", "unfollow widgets"),
    ("/brief", "follow Sony"),
    ("/brief", "add https://t2-private.example/story"),
    ("/quotes", "Sony"),
    ("/rivals", "Sony"),
    ("/rivals", "Sony map"),
    ("/rivals", SECRET_COMPANY),
    ("/brief", SECRET_COMPANY),
    ("/quotes", SECRET_COMPANY),
    ("/rivals", f"Sony {SECRET_COMPANY}"),
    ("/digest", "daily 09:00"),  # T3's own digest, in the asker's zone (users.info)
    ("/digest", "status"),
    ("/digest", "off"),
    ("/digest", "now"),
    ("/digest", "feeds list"),
    ("/digest", f"feeds remove {SECRET_FEED}"),
    ("/digest", "feeds poll"),
    ("/digest", f"feeds add {SECRET_FEED}"),
    # and every command of the registry, so that one added there is driven here too
    *((f"/{c.name}", "help") for c in SLASH),
]


def t2_sets_up(server, fake, store, site) -> None:
    send(server, fake, "T2", "/digest", "daily 08:00 UTC", "t2-digest")
    assert "Following" in send(server, fake, "T2", "/brief", f"follow topic {SECRET_TOPIC}", "t2-follow")["text"]
    assert "Following" in send(server, fake, "T2", "/brief", f"follow topic {HIDDEN_TOPIC}", "t2-hidden")["text"]
    dm = send(server, fake, "T2", "/brief", "follow topic widgets", "t2-dm", channel="D2", channel_name="directmessage")
    assert "in your DM" in dm["text"]
    # feeds of T2's own, as the store keeps them, and one added from Slack, its story stored as T2's
    assert store.feeds.add(SECRET_FEED, added_by="U1", team="T2")
    assert store.feeds.add(HIDDEN_FEED, added_by="U1", team="T2")
    story = site.page("/t2-feed-story", FEED_TITLE, *FEED_STORY)
    site.routes["/t2-feed.rss"] = Route(rss((FEED_TITLE, story, None)), content_type="application/rss+xml")
    added = send(server, fake, "T2", "/digest", f"feeds add {site.url('/t2-feed.rss')}", "t2-feed")["text"]
    assert added.startswith("Following") and "1 stored" in added, added
    # and a page of its own
    page = site.page("/t2-story", TITLE, *PARAGRAPHS)
    assert send(server, fake, "T2", "/brief", f"add {page}", "t2-add")["text"] == f"Added: {TITLE} ({page})"


def t2_state(store) -> dict:
    return {
        "subscriptions": [s for s in store.digests.subscriptions() if s["team"] == "T2"],
        "follows": [f for f in store.follows.every() if f["team"] == "T2"],
        "feeds": store.feeds.all_feeds(team="T2"),
        "installation": store.installations.find(enterprise_id=None, team_id="T2"),
        "articles": TeamReads(store, "T2").latest_articles(50),
        "companies": TeamReads(store, "T2").known_entities("company", 50),
    }


def t3_drives_everything(server, fake, t2_buttons: dict) -> list[tuple[str, str]]:
    """Every command, event and action, from T3 (user U1: an org's user has one id in each of its
    workspaces), aimed at T2's things where a request can name them. The (body, content type) sent."""
    sent: list[tuple[str, str]] = []

    def post(body: str, kind: str) -> None:
        sent.append((body, kind))
        assert server.signed(body, kind)[0] == 200

    for i, (name, text) in enumerate(COMMANDS):
        post(command("T3", name, text, fake.response_url(f"t3-c{i}")), FORM)
        fake.wait_for(f"response/t3-c{i}", timeout=30)
    dm_follow = command(
        "T3", "/brief", "follows", fake.response_url("t3-dm"), channel="D3", channel_name="directmessage"
    )
    post(dm_follow, FORM)
    fake.wait_for("response/t3-dm", timeout=30)

    mention = {"type": "app_mention", "user": "U1", "text": f"<@UBOTT3> what do you know about {SECRET_TOPIC}?",
               "ts": "1700000100.1", "channel": "CT3", "event_ts": "1700000100.1"}  # fmt: skip
    im = {"type": "message", "channel_type": "im", "user": "U1", "text": "which companies do you know?",
          "ts": "1700000101.1", "channel": "D3", "event_ts": "1700000101.1"}  # fmt: skip
    home = {"type": "app_home_opened", "user": "U1", "channel": "D3", "tab": "home", "event_ts": "1700000102.1"}
    for i, payload in enumerate((mention, im, home)):
        post(event("T3", payload, f"EvT3-{i}"), JSON)
    fake.wait_for("chat.postMessage", 2, timeout=30)
    fake.wait_for("views.publish", timeout=30)

    # T2's own buttons, clicked in T3 (as if their values had been copied there)
    for i, (action_id, value) in enumerate(sorted(t2_buttons.items())):
        post(action("T3", action_id, value, fake.response_url(f"t3-a{i}")), FORM)
        fake.wait_for(f"response/t3-a{i}", timeout=30)

    for i, payload in enumerate(
        (
            {"type": "team_access_revoked", "team_ids": ["T2", "T3"]},  # T3 is no org's: nothing of T2's goes
            {"type": "tokens_revoked", "tokens": {"bot": ["UBOTT3"]}},
            {"type": "app_uninstalled"},
        )
    ):
        post(event("T3", payload, f"EvT3-gone-{i}"), JSON)
    return sent


def buttons_of(*payloads: dict) -> dict:
    found = {}
    for payload in payloads:
        for action_id in ("share_answer", "more_answer", "map_answer", "share_map", "rivals_answer"):
            element = button(payload, action_id)
            if element is not None:
                found[action_id] = element["value"]
    return found


def test_a_workspace_cannot_read_or_change_anothers_through_any_command_event_or_action(
    app, fake, store, listeners, site
):
    server = Server(app)
    try:
        install(server, fake, "T2")
        install(server, fake, "T3")
        t2_sets_up(server, fake, store, site)
        rivals = send(server, fake, "T2", "/rivals", "Sony", "t2-rivals")
        # T2 reads its articles (so that the checks below could fail)
        assert SECRET_COMPANY in rivals["text"] + json.dumps(rivals.get("blocks")) and "Blorptech" in json.dumps(rivals)
        assert "Vexley" in json.dumps(send(server, fake, "T2", "/quotes", SECRET_COMPANY, "t2-quotes"))
        shown = send(server, fake, "T2", "/rivals", "Sony map", "t2-map")
        brief = send(server, fake, "T2", "/brief", "", "t2-brief")
        t2_buttons = buttons_of(rivals, shown, brief)
        t2_buttons.setdefault("more_answer", '{"r":"brief","n":20,"t":""}')  # the seeds have too few for one
        assert set(t2_buttons) == {"share_answer", "more_answer", "map_answer", "share_map", "rivals_answer"}
        listeners.idle()
        before = t2_state(store)
        assert before["subscriptions"] and len(before["follows"]) == 3 and len(before["feeds"]) == 3
        assert {TITLE, FEED_TITLE} <= {a["title"] for a in before["articles"]}
        tokens = {row["team_id"]: row["bot_token"] for row in store.installations.every()}
        first = len(fake.calls)

        sent = t3_drives_everything(server, fake, t2_buttons)
        listeners.idle()
    finally:
        server.stop()

    assert t2_state(store) == before  # nothing of T2's read-and-changed, or removed
    assert store.installations.find(enterprise_id=None, team_id="T3") is None  # T3's own uninstall did work
    t3_calls = fake.calls[first:]
    seen_by_t3 = json.dumps([c.body for c in t3_calls], ensure_ascii=False)
    for secret in (HIDDEN_TOPIC, "zeppelin", "t2-hidden", "CT2", '"D2"', *HIDDEN_WORDS, TITLE):
        assert secret not in seen_by_t3, secret
    typed = [i for i, (_name, text) in enumerate(COMMANDS) if SECRET_COMPANY in text]
    unasked = [c.body for c in t3_calls if not any(c.path.endswith(f"/t3-c{i}") for i in typed)]
    assert SECRET_COMPANY not in json.dumps(unasked), "T2's company in an answer T3 did not name it in"
    api = [c for c in t3_calls if c.path.startswith("/api/")]
    assert api and {fake.token_of(c) for c in api} == {tokens["T3"]}, [(c.method, fake.token_of(c)) for c in api]
    assert {c.body.get("channel") for c in fake.of("chat.postMessage")[-3:]} <= {"CT3", "D3"}
    answers = {c.path.rsplit("/", 1)[-1]: c.body.get("text") or "" for c in t3_calls if c.path.startswith("/response/")}
    said = dict(zip([f"{name} {text}".strip() for name, text in COMMANDS], range(len(COMMANDS)), strict=True))

    def answer(typed: str) -> str:
        return answers[f"t3-c{said[typed]}"]

    assert answer("/brief add https://t2-private.example/story").startswith("Could not add")
    # a feed is a public address: T3 may follow it too, and is answered as if no one followed it
    # (polled at once: here it cannot be reached, as for a feed new to the store)
    assert answer(f"/digest feeds add {SECRET_FEED}").startswith(f"Not following {SECRET_FEED}: ")
    assert f"No company named '{SECRET_COMPANY}' in the news I have." in answer(f"/rivals {SECRET_COMPANY}")
    assert f"No articles about '{SECRET_COMPANY}'." in answer(f"/brief {SECRET_COMPANY}")
    assert "No quotes" in answer(f"/quotes {SECRET_COMPANY}"), answer(f"/quotes {SECRET_COMPANY}")
    assert answer(f"/brief unfollow {SECRET_TOPIC}").startswith(f"Not following {SECRET_TOPIC}")
    assert answer("/brief follows").startswith("Nothing is followed in this channel")
    assert answer(f"/digest feeds remove {SECRET_FEED}").startswith(f"Not following {SECRET_FEED}")
    assert answer("/digest feeds list").startswith("No feeds yet")
    assert answer("/digest daily 09:00").startswith("Subscribed")
    assert fake.of("users.info")  # read, with T3's token (every call above was)

    # every listener the app has was driven by some request of T3's
    requests = [BoltRequest(body=body, headers={"content-type": [kind]}) for body, kind in sent]
    undriven = [
        getattr(listener, "ack_function", listener).__name__
        for listener in app._listeners
        if not any(listener.matches(req=req, resp=BoltResponse(status=200)) for req in requests)
    ]
    assert undriven == []
