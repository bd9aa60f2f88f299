"""Feeds: conditional GET, deduplication by GUID, canonical link and content; bad feeds."""

import pytest

from bot.cli import main
from bot.fetch.news import News
from storage import feeds as follow
from tests.fetch.conftest import LOOPBACK, STORY, Route


def rss(*items: tuple[str, str, str | None]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        + (f"<guid>{guid}</guid>" if guid else "")
        + "<pubDate>Mon, 01 Jun 2026 08:00:00 GMT</pubDate></item>"
        for title, link, guid in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test news</title>{entries}</channel></rss>'.encode()
    )


@pytest.fixture
def news(store):
    return News(store, LOOPBACK)


def story(site, path, title, n):
    return site.page(path, title, *(f"{s} (story {n})" for s in STORY))


def test_a_feed_is_polled_with_conditional_get_and_each_story_stored_once(news, site, store):
    a = story(site, "/a", "Story A", 1)
    b = story(site, "/b", "Story B", 2)
    c = story(site, "/c", "Story C", 3)
    site.routes["/c-copy"] = site.routes["/c"]  # the same story under another URL
    site.routes["/feed"] = Route(
        rss(
            ("A", a, "guid-a"),
            ("A again", a, "guid-a"),  # the same GUID twice
            ("B", b + "?utm_source=rss", "guid-b"),
            ("B elsewhere", b, "guid-b2"),  # the same link, without tracking
            ("C", c, None),
            ("C copy", site.url("/c-copy"), None),  # same content, other link
        ),
        content_type="application/rss+xml",
        etag='"v1"',
    )
    ok, message = news.follow(site.url("/feed"))
    assert ok, message
    assert "3 stored, 3 already known" in message
    assert store.article_count() == 3

    assert "not modified" in news.poll()
    assert site.hits[-1][1].get("If-None-Match") == '"v1"'

    site.routes["/feed"].etag = '"v2"'
    assert "0 stored, 6 already known" in news.poll()
    assert store.article_count() == 3


def test_entries_without_dates_and_with_duplicate_dates_are_fine(news, site, store):
    one, two = story(site, "/1", "One", 1), story(site, "/2", "Two", 2)
    body = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>'
        f'<entry><title>One</title><link href="{one}"/><id>1</id></entry>'
        f'<entry><title>Two</title><link href="{two}"/><id>2</id></entry></feed>'
    ).encode()
    site.routes["/atom"] = Route(body, content_type="application/atom+xml")
    ok, message = news.follow(site.url("/atom"))
    assert ok and "2 stored" in message


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (Route(b"<rss><channel><item>", content_type="application/rss+xml"), "malformed feed"),
        (Route(b"<html>not a feed</html>"), "not a feed"),
        (Route(b"nope", 404, "text/plain"), "HTTP 404"),
    ],
)
def test_bad_feeds_are_refused_and_change_nothing(news, site, store, route, reason):
    site.routes["/bad"] = route
    ok, message = news.follow(site.url("/bad"))
    assert not ok and reason in message
    assert follow.all_feeds(store) == [] and store.article_count() == 0


def test_a_failing_entry_is_reported_and_tried_again_next_time(news, site, store):
    good = story(site, "/good", "Good", 1)
    site.routes["/feed"] = Route(
        rss(("Good", good, "g"), ("Broken", site.url("/missing"), "m")), content_type="application/rss+xml"
    )
    ok, message = news.follow(site.url("/feed"))
    assert ok and "1 stored" in message and "1 failed" in message
    story(site, "/missing", "Fixed", 2)
    assert "1 stored" in news.poll()


def test_feeds_from_the_command_line(site, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("NEWSBOT_ALLOW_LOOPBACK_URLS", "1")
    monkeypatch.setenv("NEWSBOT_SEEDS", str(tmp_path / "no-seeds"))
    a = story(site, "/a", "Story A", 1)
    site.routes["/feed"] = Route(rss(("A", a, "a")), content_type="application/rss+xml")
    assert main(["feeds", "add", site.url("/feed")]) == 0
    assert main(["feeds", "list"]) == 0
    assert main(["feeds", "poll"]) == 0
    assert main(["feeds", "remove", site.url("/feed")]) == 0
    assert main(["add", story(site, "/b", "Story B", 2)]) == 0
    assert main(["add", "ftp://example.com/x"]) == 3
    out = capsys.readouterr().out
    assert "Following" in out and "1 entries" in out and "Added: Story B" in out
