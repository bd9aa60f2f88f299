"""/brief add URL and /digest feeds ... through Slack."""

import pytest
from slack_bolt import BoltRequest

from bot.answers import Answers
from bot.fetch.addresses import Policy
from bot.fetch.news import News
from bot.slack.app import create_app, web_client
from tests.conftest import open_test_store
from tests.fetch.conftest import LOOPBACK, STORY, Route, Site, offline
from tests.slack.conftest import FORM, Server, build_app, command_body


@pytest.fixture(autouse=True)
def names(monkeypatch):
    """Host names come from a table: nothing here can reach DNS."""
    return offline(monkeypatch)


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture
def news_app(settings, tmp_path):
    store = open_test_store(tmp_path / "news.db")
    client = web_client(settings)
    return create_app(settings, Answers(store), client=client, news=News(store, LOOPBACK)), store


def send(app, fake, command, text, name):
    body = {"command": command, "text": text, "channel_id": "C1", "user_id": "U1", "team_id": "T1"}
    body["response_url"] = fake.response_url(name)
    assert app.dispatch(BoltRequest(body=body, mode="socket_mode")).status == 200
    [call] = fake.wait_for(f"response/{name}")
    return call.body["text"]


def test_brief_add_url_and_digest_feeds(news_app, fake, site):
    app, store = news_app
    url = site.page("/story", "Acme and Globex team up", *STORY)
    assert "Added: Acme and Globex team up" in send(app, fake, "/brief", f"add {url}", "add")
    assert store.article_count() == 1
    assert "Could not add" in send(app, fake, "/brief", "add ftp://example.test/x", "bad")

    item = f"<item><title>A</title><link>{site.page('/b', 'Another story', *STORY[1:])}</link></item>"
    site.routes["/feed"] = Route(
        f"<rss><channel><title>T</title>{item}</channel></rss>".encode(), content_type="application/rss+xml"
    )
    assert "Following" in send(app, fake, "/digest", f"feeds add {site.url('/feed')}", "follow")
    assert "1 entries" in send(app, fake, "/digest", "feeds list", "list")
    assert "Stopped following" in send(app, fake, "/digest", f"feeds remove {site.url('/feed')}", "rm")


@pytest.mark.parametrize("text", ["add", "add   ", "ADD"])
def test_brief_add_without_a_url_gets_its_usage_not_a_brief_about_add(news_app, fake, text):
    app, store = news_app
    assert "Usage: /brief add URL" in send(app, fake, "/brief", text, "usage")
    assert store.article_count() == 0


def test_slack_links_and_bad_feeds_through_slack(news_app, fake, site):
    app, store = news_app
    url = site.page("/story", "Acme and Globex team up", *STORY)
    # Slack writes a link as <url> or <url|label> when the command escapes links
    assert "Added: Acme and Globex team up" in send(app, fake, "/brief", f"add <{url}|story>", "add")
    site.routes["/bad"] = Route(b"<rss><channel><item>", content_type="application/rss+xml")
    reply = send(app, fake, "/digest", f"feeds add {site.url('/bad')}", "bad")
    assert "Not following" in reply and "malformed feed" in reply
    assert "No feeds yet" in send(app, fake, "/digest", "feeds list", "list")
    assert "Usage: feeds add URL" in send(app, fake, "/digest", "feeds frobnicate", "usage")
    assert store.article_count() == 1


def test_a_page_title_cannot_ping_the_channel(news_app, fake, site):
    app, _store = news_app
    url = site.page("/loud", "Big news <!channel> for <@U123>", *STORY)
    reply = send(app, fake, "/brief", f"add {url}", "loud")
    assert "Added" in reply and "<!channel>" not in reply and "<@U123>" not in reply


def test_an_internal_name_is_refused_without_saying_where_it_points(settings, listeners, fake, names, tmp_path):
    """Signed HTTP requests, as Slack sends them: any Slack user may ask for any link."""
    names.table["vm"] = ["127.0.0.1"]
    names.table["intranet"] = ["10.1.2.3", "10.1.2.4"]
    store = open_test_store(tmp_path / "news.db")
    server = Server(build_app(settings, store, listeners, news=News(store, Policy())))
    try:
        for name, url in (("vm", "http://vm:1/"), ("intranet", "https://intranet/wiki")):
            server.signed(command_body("/brief", f"add {url}", fake.response_url(name)), FORM)
            [call] = fake.wait_for(f"response/{name}")
            text = call.body["text"]
            assert "Could not add" in text and "private, loopback or reserved" in text
            assert not any(ip in text for ip in ("127.0.0.1", "10.1.2.3", "10.1.2.4")), text
    finally:
        server.stop()
    assert store.article_count() == 0
