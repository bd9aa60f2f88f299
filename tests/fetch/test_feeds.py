"""Feeds: conditional GET, deduplication by GUID, canonical link and content; bad feeds."""

import re
from xml.sax.saxutils import escape

import pytest

from bot.cli import main
from bot.fetch import feeds
from bot.fetch.news import News
from tests.fetch.conftest import LOOPBACK, STORY, Route


def rss(*items: tuple[str, str, str | None]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{escape(link)}</link>"
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
        (Route(b"<rss>" + b" " * 10_000_000 + b"</rss>", content_type="application/rss+xml"), "too large"),
    ],
)
def test_bad_feeds_are_refused_and_change_nothing(news, site, store, route, reason):
    site.routes["/bad"] = route
    ok, message = news.follow(site.url("/bad"))
    assert not ok and reason in message
    assert store.feeds.all_feeds() == [] and store.article_count() == 0


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
    site.routes["/feed"] = Route(b"nope", 500, "text/plain")
    assert main(["feeds", "poll"]) == 3  # a feed that failed: the exit code says so
    assert main(["feeds", "remove", site.url("/feed")]) == 0
    assert main(["add", story(site, "/b", "Story B", 2)]) == 0
    out, _err = capsys.readouterr()
    assert "Following" in out and "1 entries" in out and "Added: Story B" in out and "HTTP 500" in out
    assert main(["add", "ftp://example.test/x"]) == 3
    assert "not an http(s) URL" in capsys.readouterr().err  # a link, not a missing file


# -- what the first version missed ---------------------------------------------------------


def test_a_failed_entry_is_tried_again_even_when_the_feed_has_not_changed(news, site, store):
    """The feed's ETag is kept only once every entry is in: a 304 would hide the failed one."""
    good = story(site, "/good", "Good", 1)
    site.routes["/feed"] = Route(
        rss(("Good", good, "g"), ("Late", site.url("/late"), "l")), content_type="application/rss+xml", etag='"v1"'
    )
    ok, message = news.follow(site.url("/feed"))
    assert ok and "1 stored" in message and "1 failed" in message and "HTTP 404" in message
    story(site, "/late", "Late", 2)  # the page goes live; the feed itself is unchanged
    assert "1 stored, 1 already known" in news.poll()
    assert store.article_count() == 2
    assert "not modified" in news.poll()  # now that all is in, its ETag is used
    assert site.hits[-1][1].get("If-None-Match") == '"v1"'


def test_last_modified_is_sent_back_and_a_vanished_etag_is_forgotten(news, site, store):
    a = story(site, "/a", "Story A", 1)
    site.routes["/feed"] = Route(rss(("A", a, "a")), content_type="application/rss+xml", etag='"v1"')
    assert news.follow(site.url("/feed"))[0]
    # the server stops sending an ETag and sends Last-Modified instead
    site.routes["/feed"].etag = None
    site.routes["/feed"].body = rss(("A", a, "a"), ("B", story(site, "/b", "Story B", 2), "b"))
    site.routes["/feed"].last_modified = "Mon, 01 Jun 2026 08:00:00 GMT"
    assert "1 stored, 1 already known" in news.poll()
    assert "not modified" in news.poll()
    sent = site.hits[-1][1]
    assert sent.get("If-Modified-Since") == "Mon, 01 Jun 2026 08:00:00 GMT"
    assert "If-None-Match" not in sent
    assert store.article_count() == 2


def test_partly_valid_xml_is_refused_whole(news, site, store):
    a, b = story(site, "/a", "Story A", 1), story(site, "/b", "Story B", 2)
    broken = rss(("A", a, "a"), ("B", b, "b")).replace(b"</channel></rss>", b"<item><title>C</item>")
    site.routes["/feed"] = Route(broken, content_type="application/rss+xml")
    ok, message = news.follow(site.url("/feed"))
    assert not ok and "malformed feed, not well-formed XML (line 1" in message
    assert store.feeds.all_feeds() == [] and store.article_count() == 0
    assert [path for path, _ in site.hits] == ["/feed"]  # none of its entries was fetched


def test_a_feed_served_with_a_generic_type_and_relative_links(news, site, store):
    story(site, "/news/a", "Story A", 1)
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
    body += b"<item><title>A</title><link>/news/a</link><guid>a</guid></item></channel></rss>"
    site.routes["/feeds/main"] = Route(body, content_type="application/octet-stream")
    ok, message = news.follow(site.url("/feeds/main"))
    assert ok and "1 stored" in message
    assert store.latest_articles(1)[0]["url"] == site.url("/news/a")


def test_no_dates_and_duplicate_dates(news, site, store):
    """Without dates the order of the feed decides (the first entry is the newest); with one
    date for all, each story is still stored once and none is taken for another."""
    one, two, three = (site.page(f"/{n}", f"Story {n}", *(f"{s} ({n})" for s in STORY), date=None) for n in (1, 2, 3))
    undated = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        + "".join(f"<item><title>{n}</title><link>{u}</link></item>" for n, u in ((3, three), (2, two), (1, one)))
        + "</channel></rss>"
    )
    site.routes["/undated"] = Route(undated.encode(), content_type="application/rss+xml")
    assert "3 stored" in news.follow(site.url("/undated"))[1]
    assert [r["title"] for r in store.latest_articles(3)] == ["Story 3", "Story 2", "Story 1"]
    assert all(r["published"] is None for r in store.latest_articles(3))

    four, five = story(site, "/4", "Story 4", 4), story(site, "/5", "Story 5", 5)
    site.routes["/same-date"] = Route(rss(("4", four, None), ("5", five, None)), content_type="application/rss+xml")
    assert "2 stored" in news.follow(site.url("/same-date"))[1]
    dated = [r for r in store.latest_articles(5) if r["title"] in ("Story 4", "Story 5")]
    assert [r["published"] for r in dated] == ["2026-06-01T08:00:00Z"] * 2


def test_one_story_under_tracking_fragments_ports_and_slashes_is_stored_once(news, site, store):
    b = story(site, "/b", "Story B", 2)
    site.routes["/b/"] = site.routes["/b"]
    variants = [b + "?utm_source=rss&utm_medium=feed", b + "#comments", b + "/", b + "?fbclid=x&gclid=y"]
    site.routes["/feed"] = Route(
        rss(*((f"B{i}", v, f"guid-{i}") for i, v in enumerate(variants))), content_type="application/rss+xml"
    )
    assert "1 stored, 3 already known" in news.follow(site.url("/feed"))[1]
    assert store.article_count() == 1
    assert len([path for path, _ in site.hits if path.startswith("/b")]) == 1  # known links are not fetched again


def test_parameters_that_name_a_story_are_not_tracking(news, site, store):
    for n in (1, 2):
        site.routes[f"/story?ref_id={n}"] = Route(site.routes[story(site, f"/s{n}", f"S{n}", n)[-3:]].body)
    site.routes["/feed"] = Route(
        rss(("1", site.url("/story?ref_id=1"), "1"), ("2", site.url("/story?ref_id=2"), "2")),
        content_type="application/rss+xml",
    )
    assert "2 stored" in news.follow(site.url("/feed"))[1]


def test_unusable_entries_are_skipped_once_and_remembered(news, site, store):
    a = story(site, "/a", "Story A", 1)
    items = (
        f"<item><title>A</title><link>{a}</link><guid>a</guid></item>"
        '<item><title>No link</title><guid isPermaLink="false">nolink</guid></item>'
        "<item><title>Script</title><link>javascript:alert(1)</link><guid>js</guid></item>"
        "<item><title>Inside</title><link>http://10.0.0.7/admin</link><guid>in</guid></item>"
    )
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    site.routes["/feed"] = Route(body.encode(), content_type="application/rss+xml", etag='"v1"')
    ok, message = news.follow(site.url("/feed"))
    assert ok and "1 stored" in message and "3 skipped" in message and "failed" not in message
    assert "it has no link" in message and "private, loopback or reserved" in message
    site.routes["/feed"].etag = '"v2"'
    assert "0 stored, 4 already known" in news.poll()


def test_a_body_naming_a_local_file_is_not_read_from_disk(news, site, store, tmp_path):
    local = tmp_path / "local.xml"
    local.write_bytes(rss(("A", story(site, "/a", "Story A", 1), "a")).replace(b"Test news", b"Local file"))
    site.routes["/feed"] = Route(str(local).encode(), content_type="application/rss+xml")
    ok, message = news.follow(site.url("/feed"))
    assert not ok and "not a feed" in message
    assert store.article_count() == 0


def test_one_entry_crashing_does_not_stop_the_others(news, site, store, monkeypatch):
    import bot.fetch.pages as pages

    a, b = story(site, "/a", "Story A", 1), story(site, "/b", "Story B", 2)
    real = pages.page_of

    def flaky(response):  # as if trafilatura raised on one page
        if response.url.endswith("/a"):
            raise RuntimeError("boom")
        return real(response)

    monkeypatch.setattr(pages, "page_of", flaky)
    site.routes["/feed"] = Route(rss(("A", a, "a"), ("B", b, "b")), content_type="application/rss+xml")
    ok, message = news.follow(site.url("/feed"))
    assert ok and "1 stored" in message and "could not be stored (RuntimeError)" in message
    monkeypatch.setattr(pages, "page_of", real)
    assert "1 stored, 1 already known" in news.poll()


def test_one_feed_crashing_does_not_stop_the_poll_of_the_others(news, site, store, monkeypatch):
    import bot.fetch.feeds as feeds

    site.routes["/one"] = Route(rss(("A", story(site, "/a", "Story A", 1), "a")), content_type="application/rss+xml")
    site.routes["/two"] = Route(rss(("B", story(site, "/b", "Story B", 2), "b")), content_type="application/rss+xml")
    store.feeds.add(site.url("/one"))
    store.feeds.add(site.url("/two"))
    real = feeds.poll

    def flaky(store, feed, policy, **kwargs):
        if feed["url"].endswith("/one"):
            raise MemoryError("boom")
        return real(store, feed, policy, **kwargs)

    monkeypatch.setattr(feeds, "poll", flaky)
    out = news.poll()
    assert "/one: could not be polled (MemoryError)" in out and "/two: 1 stored" in out
    assert store.article_count() == 1


def test_the_same_feed_under_another_form_of_its_link_is_followed_once(news, site, store):
    site.routes["/feed/"] = Route(rss(("A", story(site, "/a", "Story A", 1), "a")), content_type="application/rss+xml")
    assert news.follow(site.url("/feed/"))[0]
    assert news.follow(site.url("/feed?utm_source=x"))[1].startswith("Already following")
    assert news.follow("<" + site.url("/feed/#top") + ">")[1].startswith("Already following")
    [feed] = store.feeds.all_feeds()
    assert feed["url"] == site.url("/feed/") and feed["title"] == "Test news"  # polled as given, slash and all
    assert "Test news" in news.list()
    assert news.unfollow(site.url("/feed"))[0]
    assert store.feeds.all_feeds() == []


@pytest.mark.parametrize(
    ("url", "reason"),
    [("ftp://example.test/rss", "not an http(s) URL"), ("http://u:secret@example.test/rss", "user name or password")],
)
def test_feed_links_that_cannot_be_followed(news, store, url, reason):
    ok, message = news.follow(url)
    assert not ok and reason in message and "secret" not in message
    assert store.feeds.all_feeds() == []


def test_an_unreachable_feed_and_a_server_error_change_nothing(news, site, store):
    site.routes["/err"] = Route(b"oops", 500, "text/plain")
    for url, reason in ((site.url("/err"), "HTTP 500"), ("http://gone.test/rss", "cannot resolve gone.test")):
        ok, message = news.follow(url)
        assert not ok and reason in message
    assert store.feeds.all_feeds() == [] and store.article_count() == 0


def test_a_feed_that_stops_answering_keeps_its_articles_and_says_why(news, site, store):
    site.routes["/feed"] = Route(rss(("A", story(site, "/a", "Story A", 1), "a")), content_type="application/rss+xml")
    assert news.follow(site.url("/feed"))[0]
    site.routes["/feed"] = Route(b"<rss><channel><item>", content_type="application/rss+xml")
    assert "malformed feed" in news.poll()
    assert store.article_count() == 1
    assert "error (malformed feed" in news.list()


def test_pages_are_fetched_a_few_at_a_time_and_stored_in_the_feeds_order(news, site, store):
    paths = [f"/p{n}" for n in range(12)]
    for n, path in enumerate(paths):
        story(site, path, f"Story {n}", n)
        site.routes[path].delay = 0.2  # a distant site: fetching ahead pays off
    items = [(f"S{n}", site.url(path), f"g{n}") for n, path in enumerate(paths)]
    site.routes["/feed"] = Route(rss(*items), content_type="application/rss+xml")
    store.feeds.add(site.url("/feed"))
    assert "12 stored" in news.poll()
    assert 1 < site.most_in_flight <= 1 + feeds.FETCHERS  # the feed, then a few pages at once
    # stored oldest (last in the feed) first: with equal dates, the first entry is the latest
    assert [r["title"] for r in store.latest_articles(3)] == ["Story 0", "Story 1", "Story 2"]


def test_entries_whose_memory_was_lost_are_known_by_their_content(news, site, store, monkeypatch):
    """Entries seen are written in batches: if the process stops before one is written, the
    next poll finds the stories by their link among the articles, without fetching them."""
    items = [(f"S{n}", story(site, f"/p{n}", f"Story {n}", n), f"g{n}") for n in range(3)]
    site.routes["/feed"] = Route(rss(*items), content_type="application/rss+xml", etag='"v1"')
    store.feeds.add(site.url("/feed"))
    monkeypatch.setattr(store.feeds, "remember_many", lambda *args: None)  # as if killed before writing
    assert "3 stored" in news.poll()
    monkeypatch.undo()
    site.routes["/feed"].etag = '"v2"'
    assert "0 stored, 3 already known" in news.poll()
    assert store.article_count() == 3
    site.routes["/feed"].etag = '"v3"'
    assert "0 stored, 3 already known" in news.poll()  # remembered now: not fetched again
    assert len([p for p, _ in site.hits if p.startswith("/p")]) == 3


def test_feedparser_raising_is_a_bad_feed_not_a_crash(news, site, store, monkeypatch):
    import feedparser

    def broken(*args, **kwargs):
        raise RecursionError("deeply nested")

    monkeypatch.setattr(feedparser, "parse", broken)
    site.routes["/feed"] = Route(rss(("A", story(site, "/a", "A", 1), "a")), content_type="application/rss+xml")
    ok, message = news.follow(site.url("/feed"))
    assert not ok and "could not read the feed (RecursionError)" in message
    assert store.feeds.all_feeds() == []


def test_files_and_links_in_one_newsbot_add(site, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("NEWSBOT_ALLOW_LOOPBACK_URLS", "1")
    monkeypatch.setenv("NEWSBOT_SEEDS", str(tmp_path / "no-seeds"))
    article = tmp_path / "story.txt"
    article.write_text("Initech opens a lab\n\n" + " ".join(STORY) + "\n", encoding="utf-8")
    assert main(["add", str(article), story(site, "/b", "Story B", 2)]) == 0
    out = capsys.readouterr().out
    assert "Added: Story B" in out and "1 added" in out


def test_the_running_app_polls_its_feeds_soon_after_start_and_then_on_its_interval(news, site, store):
    import threading

    from apscheduler.events import EVENT_JOB_EXECUTED
    from apscheduler.schedulers.background import BackgroundScheduler

    feed = rss(("A", story(site, "/a", "Story A", 1), "guid-a"))
    site.routes["/feed"] = Route(feed, content_type="application/rss+xml")
    store.feeds.add(site.url("/feed"))
    scheduler = BackgroundScheduler(timezone="UTC")
    polled = threading.Event()
    scheduler.add_listener(lambda event: polled.set(), EVENT_JOB_EXECUTED)
    feeds.schedule_polling(scheduler, store, LOOPBACK, minutes=30, first_in=0)
    job = scheduler.get_job(feeds.POLL_JOB)
    assert job.trigger.interval.total_seconds() == 30 * 60
    assert (job.coalesce, job.max_instances) == (True, 1)
    scheduler.start()
    try:
        assert polled.wait(timeout=30), "the first poll did not run at start"
    finally:
        scheduler.shutdown()
    assert store.article_count() == 1


def test_a_page_refused_as_too_large_is_not_fetched_again_at_the_next_poll(news, site, store):
    a = story(site, "/a", "Story A", 1)
    site.routes["/huge"] = Route(b"<html><body><p>" + b"word " * 300_000 + b"</p></body></html>")  # 1.5 MB
    site.routes["/feed"] = Route(
        rss(("A", a, "a"), ("Huge", site.url("/huge"), "huge")), content_type="application/rss+xml"
    )
    ok, message = news.follow(site.url("/feed"))
    assert ok and "1 stored" in message and "1 skipped" in message and "too large" in message
    for _ in range(2):  # no ETag: the feed is read again, and its entries with it
        assert "0 stored, 2 already known" in news.poll()
    assert [path for path, _ in site.hits].count("/huge") == 1
    assert store.article_count() == 1


def test_a_poll_stops_at_its_deadline_and_leaves_the_rest_for_the_next(news, site, store, monkeypatch):
    import threading

    hold = threading.Event()
    links = [story(site, f"/s{i}", f"Story {i}", i) for i in range(6)]
    for i in range(6):
        site.routes[f"/s{i}"].hold = hold
    site.routes["/feed"] = Route(
        rss(*((f"S{i}", link, f"s{i}") for i, link in enumerate(links))),
        content_type="application/rss+xml",
        etag='"v1"',
    )
    store.feeds.add(site.url("/feed"))
    feed = store.feeds.get(site.url("/feed"))
    slow = News(store, LOOPBACK)
    try:
        report = feeds.poll(store, feed, slow.policy, seconds=0.5)
        assert not hold.is_set()  # it came back while every page it asked for was still held
        assert report.stored == 0 and report.unfinished == 6
        assert "6 not reached in time (tried at the next poll)" in report.summary()
    finally:
        hold.set()
    [row] = store.feeds.all_feeds()
    assert row["etag"] is None  # not kept: the next poll reads the feed again
    assert "6 stored" in news.poll()
    assert store.article_count() == 6


def test_poll_all_stops_at_its_deadline_and_polls_the_rest_next_time(news, site, store):
    import threading

    hold = threading.Event()
    first = story(site, "/first", "The first story", 1)
    site.routes["/first"].hold = hold
    site.routes["/one"] = Route(rss(("A", first, "a")), content_type="application/rss+xml")
    site.routes["/two"] = Route(rss(("B", story(site, "/b", "Story B", 2), "b")), content_type="application/rss+xml")
    store.feeds.add(site.url("/one"))
    store.feeds.add(site.url("/two"))
    # the first feed's one page answers after the deadline (a page being fetched is not cut
    # short: the fetch has its own deadline)
    threading.Timer(1.0, hold.set).start()
    try:
        reports = feeds.poll_all(store, news.policy, seconds=0.5)
    finally:
        hold.set()
    assert [r.error for r in reports] == [None, feeds.OUT_OF_TIME]
    assert "/two: not polled: the poll ran out of time" in reports[1].summary()
    assert [row["last_polled_at"] is None for row in store.feeds.all_feeds()] == [False, True]
    assert "/two: 1 stored" in news.poll()


def test_a_workspaces_feed_gets_its_story_when_another_workspace_added_that_page(news, site, store):
    # T2 added the page by hand; T3's feed links to it: T3 gets the story too (stored once)
    a = story(site, "/a", "Story A", 1)
    assert news.add_url(a, team="T2")[0]
    site.routes["/feed"] = Route(rss(("A", a, "guid-a")), content_type="application/rss+xml")
    ok, message = news.follow(site.url("/feed"), team="T3")
    assert ok, message
    assert (store.article_count(team="T3"), store.article_count()) == (1, 1)
    assert store.article_count(team="T4") == 0  # and no one else
    site.routes["/feed"].etag = '"v2"'
    assert "0 stored, 1 already known" in news.poll()
    hits = [path for path, _headers in site.hits if path == "/a"]
    assert len(hits) == 2  # T2's add and T3's first poll: the page is not fetched again


def test_a_feed_for_everyone_makes_a_story_a_workspace_added_everyones(news, site, store):
    a = story(site, "/a", "Story A", 1)
    assert news.add_url(a, team="T2")[0]
    assert store.article_count(team="T3") == 0
    site.routes["/feed"] = Route(rss(("A", a, "guid-a")), content_type="application/rss+xml")
    ok, message = news.follow(site.url("/feed"))  # the operator's: for every workspace
    assert ok, message
    assert (store.article_count(team="T3"), store.article_count()) == (1, 1)


def test_joining_a_feed_another_workspace_follows_looks_the_same_as_following_it_first(site, location, request):
    """What T3 is told, shown and given on following a feed must not say whether T2 followed it
    first (under its own spelling, with an older story since gone from the feed): two stores,
    T2 first in one, T3 alone in the other."""
    from storage import open_store

    s0, s1, s2, s3 = (story(site, f"/s{n}", f"Story {n}", n) for n in range(4))
    site.routes["/feed"] = Route(rss(("S0", s0, "g0"), ("S1", s1, "g1")), content_type="application/rss+xml")
    site.routes["/feed"].etag = '"v1"'

    def world(where, *, t2_first: bool) -> dict:
        store = open_store(where)
        news = News(store, LOOPBACK)
        if t2_first:
            assert news.follow(site.url("/feed?utm_source=t2-newsletter"), team="T2")[0]
        site.routes["/feed"].body = rss(("S1", s1, "g1"), ("S2", s2, "g2"))
        site.routes["/feed"].etag = '"v2"'
        if t2_first:
            assert "1 stored" in news.poll(team="T2")
        site.routes["/feed"].body = rss(("S1", s1, "g1"), ("S2", s2, "g2"), ("S3", s3, "g3"))  # S3: new to all
        site.routes["/feed"].etag = '"v3"'
        seen = {
            "follow": news.follow(site.url("/feed"), team="T3"),
            "list": re.sub(r"last poll .*?\): ", "last poll (when): ", news.list(team="T3")),  # not the minute
            "articles": sorted(a["title"] for a in store.latest_articles(10, team="T3")),
            "poll": news.poll(team="T3"),
            "count": store.article_count(team="T3"),
        }
        if t2_first:  # T2 keeps what it had, the story gone from the feed included, and gets the new one
            titles = sorted(a["title"] for a in store.latest_articles(10, team="T2"))
            assert titles == ["Story 0", "Story 1", "Story 2", "Story 3"]
        store.close()
        site.routes["/feed"].body = rss(("S0", s0, "g0"), ("S1", s1, "g1"))
        site.routes["/feed"].etag = '"v1"'
        return seen

    if isinstance(location, str):  # a PostgreSQL database: another for the second store
        server = request.getfixturevalue("pg_server")
        other = server.database()
        request.addfinalizer(lambda: server.drop(other))
    else:
        other = location.with_name("alone.db")
    joined = world(location, t2_first=True)
    alone = world(other, t2_first=False)
    assert alone["follow"] == (
        True,
        f"Following {site.url('/feed')}. First poll: {site.url('/feed')}: 3 stored, 0 already known",
    )
    assert alone["articles"] == ["Story 1", "Story 2", "Story 3"]
    assert joined == alone
    assert "t2-newsletter" not in str(joined)
