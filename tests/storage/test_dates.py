"""Dates in the store: "latest" is the latest published (the moment stored only for an article
with no date), a time span is a range of dates read at each date's own precision, a date given
later reaches every copy of it, and migration 15 brings an older store along."""

from __future__ import annotations

import sqlite3

import pytest
import time_machine

from bot.extract.model import Entity, Quote, Relation
from storage import SCHEMA_VERSION, Span, Store
from tests.conftest import make_extraction, save
from tests.storage.test_store import _upgrade, _v6_database


def story(n: int, title: str, *, company: str = "Acme", other: str = "Globex", speaker: str = "Ada Stone"):
    sentences = [
        f"{company} competes with {other} in story {n}.",
        f'"We will win," said {speaker}, chief executive of {company}.',
        f"Shares moved, story {n}.",
    ]
    return make_extraction(
        title,
        sentences,
        entities=[
            Entity(company, "company"),
            Entity(other, "company"),
            Entity(speaker, "person", role="chief executive", org=company),
        ],
        quotes=[Quote("We will win,", speaker, "chief executive", company, 1)],
        relations=[Relation("competes", company, other, sentences[0], 0)],
        source=f"story-{n}.txt",
    )


NOW = "2026-12-09 12:00Z"  # a Wednesday


@pytest.fixture
def feeds_then_archive(store):
    """This week's feed stories stored first, then an archive from 2004 (dated by --date)."""
    with time_machine.travel(NOW, tick=False):
        save(store, story(1, "Acme this week", speaker="Ada Stone"), published="2026-12-07T09:00:00Z")
        save(store, story(2, "Acme on Monday", speaker="Ada Stone"), published="2026-12-07")
        for n in range(3, 6):
            save(store, story(n, f"Acme in 2004, part {n}", speaker="Old Timer"), published="2004-12-13")
        save(store, story(6, "Acme, undated"))  # stored last, with no date
    return store


def titles(rows) -> list[str]:
    return [r["title"] for r in rows]


def test_latest_is_the_latest_published_and_the_moment_stored_only_stands_in_for_no_date(feeds_then_archive):
    # the undated story was stored just now: that is all that is known of it
    assert titles(feeds_then_archive.latest_articles(3)) == ["Acme, undated", "Acme this week", "Acme on Monday"]
    assert titles(feeds_then_archive.latest_articles(6))[3:] == [
        "Acme in 2004, part 5",
        "Acme in 2004, part 4",
        "Acme in 2004, part 3",
    ]


def test_a_topic_s_latest_are_by_date_not_by_when_they_were_stored(feeds_then_archive):
    found = feeds_then_archive.find_articles("acme", 3)
    assert titles(found.rows) == ["Acme, undated", "Acme this week", "Acme on Monday"]
    assert (found.total, found.capped) == (6, False)
    mentioned = feeds_then_archive.find_mentioning([1], 3)  # Acme, the first entity stored
    assert titles(mentioned.rows) == titles(found.rows)


def test_quotes_are_the_latest_published_first(feeds_then_archive):
    assert [q["speaker"] for q in feeds_then_archive.latest_quotes(6)][1:3] == ["Ada Stone", "Ada Stone"]
    by_org = feeds_then_archive.quotes_by(orgs=["Acme"], limit=3)
    assert [q["title"] for q in by_org] == ["Acme, undated", "Acme this week", "Acme on Monday"]


DECEMBER_2004_UTC = Span(start=("2004-12", "2004-12-01T00:00:00Z"), end=("2005", "2005-01-01T00:00:00Z"))
DECEMBER_2004_NEW_YORK = Span(start=("2004-12", "2004-12-01T05:00:00Z"), end=("2005", "2005-01-01T05:00:00Z"))


@pytest.mark.parametrize(
    ("published", "utc", "new_york"),
    [
        ("2004-12", True, True),  # known to the month: December wherever one is
        ("2004", False, False),  # known to the year: not known to be December
        ("2004-12-01", True, True),  # known to the day: that day of the asker's calendar
        ("2004-11-30", False, False),
        ("2004-12-31", True, True),
        ("2005-01", False, False),
        ("2004-12-01T03:00:00Z", True, False),  # 22:00 on 30 November in New York
        ("2005-01-01T03:00:00Z", False, True),  # still 31 December in New York
    ],
)
def test_a_span_reads_each_date_at_its_own_precision(store, published, utc, new_york):
    save(store, story(1, "The story"), published=published)
    for span, expected in ((DECEMBER_2004_UTC, utc), (DECEMBER_2004_NEW_YORK, new_york)):
        assert bool(store.latest_articles(5, within=span)) is expected, (published, span)
        assert bool(store.find_articles("story", 5, within=span).rows) is expected
        assert bool(store.quotes_by(speakers=["Ada Stone"], within=span)) is expected
        assert store.count_articles(within=span) == int(expected)


def test_an_undated_article_falls_in_a_span_by_the_moment_it_was_stored(store):
    with time_machine.travel(NOW, tick=False):
        save(store, story(1, "Stored now"))
    assert titles(store.latest_articles(5, within=Span(start=("2026-12", "2026-12-01T00:00:00Z")))) == ["Stored now"]
    assert store.latest_articles(5, within=Span(end=("2026-12-09", "2026-12-09T00:00:00Z"))) == []
    assert store.latest_articles(5, within=DECEMBER_2004_UTC) == []


def test_a_date_given_later_reaches_the_quotes_and_the_pairs_evidence(store):
    ex = story(1, "Acme story")
    first = save(store, ex)
    again = save(store, ex, published="2004-12-13")
    assert (again.article_id, again.status, again.dated) == (first.article_id, "unchanged", True)
    assert save(store, ex, published="2004-12-13").dated is False  # the same date: nothing to do
    assert store.latest_articles(1)[0]["published"] == "2004-12-13"
    [quote] = store.quotes_by(speakers=["Ada Stone"])
    assert (quote["published"], quote["dated"]) == ("2004-12-13", "2004-12-13")
    [pair] = store.relation_pairs("Acme", evidence=3)
    assert [e["published"] for e in pair["evidence"]] == ["2004-12-13"]
    [lead] = store.relation_pairs("Acme", evidence=1)
    assert lead["evidence"][0]["published"] == "2004-12-13"
    assert [q["text"] for q in store.search_quotes("win")] == ["We will win,"]  # still found by its words
    assert store.search_articles("acme")[0]["published"] == "2004-12-13"
    assert [a["title"] for a in store.latest_articles(5, within=DECEMBER_2004_UTC)] == ["Acme story"]
    assert store.count_quotes_by(["Ada Stone"], within=DECEMBER_2004_UTC) == 1


@pytest.mark.sqlite_only
def test_a_date_given_later_reindexes_nothing(store):
    ex = story(1, "Acme story")
    save(store, ex)
    quotes_fts_rows = store.conn.execute("SELECT count(*) FROM quotes_fts_idx").fetchone()[0]
    save(store, ex, published="2004-12-13")
    assert store.conn.execute("SELECT count(*) FROM quotes_fts_idx").fetchone()[0] == quotes_fts_rows


def test_how_many_articles_mention_each_entity_follows_every_write(store):
    def counts():
        return {r["name"]: r["articles"] for r in store.query("SELECT name, articles FROM entities")}

    save(store, story(1, "One"))  # Acme is named in two sentences of it: one article
    save(store, story(2, "Two", other="Initech"))
    assert counts() == {"Acme": 2, "Globex": 1, "Initech": 1, "Ada Stone": 2}
    assert [r["name"] for r in store.known_entities("company", 2)] == ["Acme", "Globex"]
    assert store.count_entities("company") == 3
    store.delete_article(1)
    assert counts() == {"Acme": 1, "Globex": 0, "Initech": 1, "Ada Stone": 1}
    assert store.count_entities("company") == 2
    assert [r["name"] for r in store.known_entities("company", 5)] == ["Acme", "Initech"]


def test_migration_15_dates_the_quotes_and_counts_the_mentions_of_an_older_store(tmp_path):
    path = tmp_path / "v14.db"
    _v6_database(path)
    conn = _upgrade(sqlite3.connect(path, isolation_level=None), 14)
    conn.execute("UPDATE articles SET published = '2004-12-13' WHERE id = 2")
    conn.execute("INSERT INTO entities (id, name, type) VALUES (1, 'Sony', 'company')")
    conn.execute("INSERT INTO mentions (article_id, sentence_id, entity_id) SELECT article_id, id, 1 FROM sentences")
    conn.execute(
        "INSERT INTO quotes (article_id, text, speaker, title, published)"
        " SELECT id, 'Quoted', 'Ann Lee', title, published FROM articles"
    )
    conn.close()
    store = Store(path)
    assert store.version == SCHEMA_VERSION >= 15
    dated = {q["article_id"]: q["dated"] for q in store.quotes_by(speakers=["Ann Lee"])}
    assert dated == {1: "2020-01-01T00:00:00Z", 2: "2004-12-13", 3: "2020-01-03T00:00:00Z"}
    assert [q["article_id"] for q in store.latest_quotes(3)] == [3, 1, 2]
    assert store.known_entities("company", 1)[0]["articles"] == 3


def test_counts_for_paging_stop_at_their_cap(store):
    for n in range(7):
        save(store, story(n, f"Story {n}", other=f"Rival{n}"), published=f"2004-12-{n + 1:02d}")
    assert store.count_pairs("Acme") == (7, 0) and store.count_pairs("Acme", cap=5) == (5, 0)
    assert store.count_quotes_by(["Ada Stone"]) == 7 and store.count_quotes_by(["Ada Stone"], cap=3) == 3
    assert store.count_quotes_by(orgs=["Acme"]) == 7  # by organisation or by name: each quote once
    early = Span(end=("2004-12-04", "2004-12-04T00:00:00Z"))
    assert store.count_quotes_by(["Ada Stone"], within=early) == 3


# -- the latest dated of what is found, read from the latest stored down (migration 22) --------


def _stories_out_of_order(store):
    """Twelve Acme stories stored in an order that is not their dates': an archive between
    feeds, two undated (dated when stored), one day twice."""
    days = ["2026-12-01", "2026-12-03", "2004-12-13", "2004-12-14", "2026-12-03", None, "2026-12-05"]
    days += ["2026-11-30", None, "2026-12-06", "2026-12-06T10:00:00Z", "2005-01-01"]
    with time_machine.travel("2026-12-02 12:00Z") as clock:
        for n, day in enumerate(days, start=1):
            clock.shift(60)
            save(store, story(n, f"Acme story {n}"), **({"published": day} if day else {}))


def _same_as_every_date_read(store):
    for limit in range(1, 7):
        expected = titles(store.latest_articles(limit))  # every article names Acme
        found = store.find_articles("acme", limit)
        assert titles(found.rows) == expected
        assert (found.total, found.capped) == (store.article_count(), False)
        assert titles(store.find_mentioning([1], limit).rows) == expected
    capped = store.find_articles("acme", 2, cap=4)
    assert titles(capped.rows) == titles(store.latest_articles(99))[:2] or capped.capped
    assert (capped.total, capped.capped) == (4, True)


def test_the_latest_dated_of_what_is_found_whatever_order_it_was_stored_in(store):
    _stories_out_of_order(store)
    _same_as_every_date_read(store)
    save(store, story(3, "Acme story 3"), published="2026-12-07")  # the archive's first, dated later
    _same_as_every_date_read(store)
    store.delete_article(11)
    _same_as_every_date_read(store)
    with time_machine.travel("2026-12-08 12:00Z"):
        save(store, story(13, "Acme story 13"))  # stored last, the latest
    _same_as_every_date_read(store)


@pytest.mark.sqlite_only
def test_each_article_holds_the_latest_date_stored_up_to_it(store):
    def upto_is_the_latest_so_far():
        dates = store.conn.execute("SELECT id, coalesce(published, ingested_at) FROM articles ORDER BY id").fetchall()
        upto = dict(store.conn.execute("SELECT id, upto FROM articles_upto").fetchall())
        assert set(upto) == {i for i, _ in dates}
        latest = ""
        for i, date in dates:
            latest = max(latest, date)
            assert upto[i] >= latest  # at least: a date moved earlier or deleted leaves it higher

    _stories_out_of_order(store)
    upto_is_the_latest_so_far()
    save(store, story(3, "Acme story 3"), published="2026-12-07")
    save(store, story(2, "Acme story 2"), published="2004-01-01")  # dated earlier: left higher
    store.delete_article(11)
    upto_is_the_latest_so_far()
    _same_as_every_date_read(store)
    store.conn.execute(  # stored under a lower id than the latest (not how newsbot stores)
        "INSERT INTO articles (id, source, content_hash, title, body, published, ingested_at)"
        " VALUES (11, 's', 'h', 'Acme again', 'Acme.', '2027-01-01', '2026-12-08T00:00:00Z')"
    )
    upto_is_the_latest_so_far()
    assert titles(store.find_articles("acme", 2).rows) == ["Acme again", "Acme story 3"]


def test_migration_22_gives_an_older_store_its_latest_dates_so_far(tmp_path):
    path = tmp_path / "v21.db"
    _v6_database(path)
    conn = _upgrade(sqlite3.connect(path, isolation_level=None), 21)
    conn.execute("UPDATE articles SET published = '2021-06-01' WHERE id = 2")  # later than article 3's
    conn.close()
    store = Store(path)
    assert store.version == SCHEMA_VERSION >= 22
    upto = store.conn.execute("SELECT id, upto FROM articles_upto ORDER BY id").fetchall()
    assert [tuple(r) for r in upto] == [(1, "2020-01-01T00:00:00Z"), (2, "2021-06-01"), (3, "2021-06-01")]
    assert [r["title"] for r in store.find_articles("body", 2).rows] == ["Title 2", "Title 3"]


@pytest.mark.sqlite_only
def test_articles_stored_in_date_order_are_counted_not_all_read(store):
    with time_machine.travel("2026-12-02 12:00Z") as clock:
        for n in range(1, 13):
            clock.shift(60)
            save(store, story(n, f"Acme story {n}"))
    read = []
    store.conn.set_trace_callback(read.append)
    found = store.find_articles("acme", 3)
    store.conn.set_trace_callback(None)
    assert titles(found.rows) == ["Acme story 12", "Acme story 11", "Acme story 10"]
    assert (found.total, found.capped) == (12, False)
    [citations] = [s for s in read if "articles_upto" in s]
    assert citations.count(",", citations.index(" IN (")) == 3  # four ids: three kept, the next one's bound
