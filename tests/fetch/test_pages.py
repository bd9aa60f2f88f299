"""newsbot add URL: a page becomes an article with its link and date; bad pages change nothing."""

import pytest

from bot.answers import Answers
from bot.fetch.addresses import FetchError
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
    assert [f.other for f in rivals.partners] == ["Globex"]  # "Globex Corp" is Globex, once
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
    from bot.fetch.addresses import Policy

    ok, message = News(store, Policy()).add_url(site.page("/p", "Title", *STORY))
    assert not ok and "private, loopback or reserved" in message


def test_answers_and_digests_cite_the_link_and_the_date(news, site, store):
    from bot.digest.content import build
    from bot.digest.text import render

    url = site.page("/acme", "Acme and Globex team up on phones", *STORY, date="2026-05-01T09:30:00+02:00")
    assert news.add_url(url)[0]
    [article] = Answers(store).brief().articles
    assert (article.source.url, article.source.published) == (url, "2026-05-01")
    [quote] = Answers(store).quotes("Jane Roe").quotes
    assert quote.evidence.source.url == url and quote.evidence.source.published == "2026-05-01"
    digest = build(store)
    assert digest.items[0].source.url == url and digest.items[0].source.published == "2026-05-01"
    assert url in render(digest)


def test_a_page_in_latin_1_declared_only_in_its_meta_tag(news, site, store):
    html = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
        "<title>Caf\xe9 chain Acme signs with Globex</title></head><body><article>"
        "<h1>Caf\xe9 chain Acme signs with Globex</h1>"
        + "".join(f"<p>{s} The caf\xe9s will sell the phones.</p>" for s in STORY)
        + "</article></body></html>"
    )
    site.routes["/latin"] = Route(html.encode("latin-1"), content_type="text/html")
    ok, message = news.add_url(site.url("/latin"))
    assert ok, message
    [row] = store.latest_articles(1)
    assert row["title"] == "Café chain Acme signs with Globex"
    assert "cafés" in store.get_article(row["id"])["body"]


def test_the_link_stored_is_clean_and_canonical_on_the_same_site(news, site, store):
    canonical = site.url("/news/acme-globex")
    site.page("/amp/acme", "Acme and Globex team up", *STORY, canonical=canonical)
    ok, message = news.add_url(site.url("/amp/acme?utm_source=twitter&utm_medium=social#comments"))
    assert ok, message
    assert store.latest_articles(1)[0]["url"] == canonical
    # the same story through its canonical link is known, not stored twice
    site.routes["/news/acme-globex"] = site.routes["/amp/acme"]
    assert news.add_url(canonical)[1].startswith("Already known")
    assert store.article_count() == 1


def test_a_canonical_link_on_another_site_is_not_believed(news, site, store):
    url = site.page("/story", "Acme and Globex team up", *STORY, canonical="https://elsewhere.test/story")
    assert news.add_url(url + "?fbclid=abc")[0]
    assert store.latest_articles(1)[0]["url"] == url


def test_a_redirected_page_is_stored_under_the_link_it_ended_at(news, site, store):
    url = site.page("/final", "Acme and Globex team up", *STORY)
    site.routes["/short"] = Route(b"", 301, headers={"Location": "/final"})
    assert news.add_url(site.url("/short"))[0]
    assert store.latest_articles(1)[0]["url"] == url


def test_dates_missing_or_in_the_future_are_not_stored(news, site, store):
    assert news.add_url(site.page("/undated", "Undated story", *STORY, date=None))[0]
    assert news.add_url(site.page("/future", "Future story", *(s + " Later." for s in STORY), date="2099-01-01"))[0]
    assert {r["title"]: r["published"] for r in store.latest_articles(5)} == {
        "Undated story": None,
        "Future story": None,
    }


def test_a_link_as_slack_writes_it_and_credentials_never_echoed(news, site, store):
    url = site.page("/acme", "Acme and Globex team up", *STORY)
    assert news.add_url(f"<{url}>")[0]
    ok, message = news.add_url(url.replace("://", "://bob:hunter2@"))
    assert not ok and "hunter2" not in message and "user name or password" in message


def test_a_page_with_text_but_no_headline_or_no_text_says_which(news, site, store):
    site.routes["/empty"] = Route(b"<html><head><title>Only a title</title></head><body><nav>Home</nav></body></html>")
    ok, message = news.add_url(site.url("/empty"))
    assert not ok and "no article text found on the page" in message
    assert store.article_count() == 0


def test_a_ten_megabyte_page_changes_nothing(news, site, store):
    site.routes["/big"] = Route(b"<html><body>" + b"<p>word</p>" * 1_000_000 + b"</body></html>", chunked=True)
    ok, message = news.add_url(site.url("/big"))
    assert not ok and "too large" in message
    assert store.article_count() == 0


def test_an_unreachable_host_changes_nothing(news, store):
    ok, message = news.add_url("http://nowhere.test/story")
    assert not ok and "unreachable: cannot resolve nowhere.test" in message
    assert store.article_count() == 0


def test_a_date_the_story_mentions_is_not_taken_for_its_publication_date(news, site, store):
    url = site.page(
        "/undated", "Acme and Globex team up", *STORY, "The two first met on 12 March 2019 in Barcelona.", date=None
    )
    assert news.add_url(url)[0]
    assert store.latest_articles(1)[0]["published"] is None
    site.page("/2026/04/05/dated", "Acme and Globex sign", *STORY, "They met in 2019.", date=None)
    assert news.add_url(site.url("/2026/04/05/dated"))[0]  # a date in the link is the page's own
    assert {r["title"]: r["published"] for r in store.latest_articles(2)}["Acme and Globex sign"] == "2026-04-05"


def test_the_settings_make_the_policy(monkeypatch, tmp_path):
    from bot.config import Settings
    from bot.fetch.addresses import check_address as _check_address
    from bot.fetch.news import policy_of

    monkeypatch.setenv("NEWSBOT_ALLOW_PRIVATE_URLS", "1")
    monkeypatch.setenv("NEWSBOT_MAX_FETCH_BYTES", "2000")
    monkeypatch.setenv("NEWSBOT_FETCH_TIMEOUT", "0")
    policy = policy_of(Settings.load(tmp_path / "no.env"))
    assert (policy.max_bytes, policy.timeout, policy.allow_private) == (2000, 1.0, True)
    _check_address("192.168.1.10", policy)  # allowed by the setting
    monkeypatch.delenv("NEWSBOT_ALLOW_PRIVATE_URLS")
    with pytest.raises(FetchError, match="NEWSBOT_ALLOW_PRIVATE_URLS"):
        _check_address("192.168.1.10", policy_of(Settings.load(tmp_path / "no.env")))
