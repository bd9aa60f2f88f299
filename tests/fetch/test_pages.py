"""newsbot add URL: a page becomes an article with its link and date; bad pages change nothing."""

import pytest

from bot.answers import Answers
from bot.fetch.news import News
from tests.fetch.conftest import LOOPBACK, STORY, Route


@pytest.fixture
def news(store):
    return News(store, LOOPBACK)


def test_a_page_is_stored_with_its_link_and_date_and_answers_cite_it(news, site, store):
    url = site.page("/acme", "Acme and Globex team up on phones", *STORY)
    ok, message = news.add_url(url)
    assert ok and message.startswith("Added: Acme and Globex team up on phones")
    [row] = store.latest_articles(5)
    assert row["url"] == url and row["published"].startswith("2026-05-01")
    brief = Answers(store).brief("Globex")
    assert brief.articles[0].source.url == url
    rivals = Answers(store).rivals("Acme")
    assert {f.other for f in rivals.partners} == {"Globex"}
    assert all(ev.source.url == url for f in rivals.partners for ev in f.evidence)
    assert news.add_url(url) == (True, f"Already known: Acme and Globex team up on phones ({url})")


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (Route(b"gone", 404, "text/plain"), "HTTP 404"),
        (Route(b"%PDF-1.4", 200, "application/pdf"), "not a web page"),
        (Route(b"<html><body></body></html>"), "no article"),
    ],
)
def test_bad_pages_get_a_clear_message_and_change_nothing(news, site, store, route, reason):
    site.routes["/bad"] = route
    ok, message = news.add_url(site.url("/bad"))
    assert not ok and reason in message
    assert store.article_count() == 0


def test_private_addresses_are_refused_by_default(store, site):
    from bot.fetch.http import Policy

    ok, message = News(store, Policy()).add_url(site.page("/p", "Title", *STORY))
    assert not ok and "private, loopback or reserved" in message
