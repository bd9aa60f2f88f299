"""A later digest's content follows the articles stored since the channel's last digest, not the
store: the SQLite instructions it runs stay the same when the store holds four times as many
articles (counted with SQLite's progress handler, as ``tests/answers/test_scaling.py`` counts
the answers'); and what it holds is what was stored since, whatever its publication date."""

import pytest

from bot.digest import content
from bot.extract.model import Entity, Quote, Relation
from storage import Store, open_store
from tests.conftest import make_extraction

CHANNEL = "C_LATER"
STEP = 10  # the progress handler runs every STEP instructions
NEW = 3  # articles stored since the channel's last digest


def _article(n: int, *, title: str | None = None):
    a, b = ("Acme", "Globex") if n % 2 else ("Initech", "Hooli")
    sentences = [
        f"{a} will compete with {b} in cloud services, article {n}.",
        f'"Cloud is the future," said Ada Stone, chief executive of {a}.',
        f"Markets moved on the news, article {n}.",
    ]
    return make_extraction(
        title or f"{a} and {b}, story {n}",
        sentences,
        entities=[Entity(a, "company"), Entity(b, "company"), Entity("Ada Stone", "person", org=a)],
        quotes=[Quote("Cloud is the future,", "Ada Stone", "chief executive", a, 1)],
        relations=[Relation("competes", a, b, sentences[0], 0)],
        source=f"story{n}.txt",
    )


def _store(path, n: int, *, published=lambda i: None) -> Store:
    store = Store(path)
    store.save_articles(
        (_article(i), {"source": f"story{i}.txt", "content_hash": f"h{i}", "published": published(i)}) for i in range(n)
    )
    return store


def _digested(store: Store, channel: str, until: str) -> None:
    """The channel's last digest covered what was stored up to ``until``."""
    now = "2026-06-01T08:00:00.000000Z"
    digests = store.digests
    run = digests.claim(channel, "2026-06-01", worker="w", lease="l", now=now, dead_before=now)
    assert digests.finish(run["id"], "l", "posted", now=now, ts="1.0", articles=1, until=until)


def _instructions(store: Store) -> int:
    ticks = [0]

    def tick() -> int:
        ticks[0] += 1
        return 0

    content.build(store, CHANNEL)  # once outside the count: the same pages, the statements prepared
    store.conn.set_progress_handler(tick, STEP)
    digest = content.build(store, CHANNEL)
    store.conn.set_progress_handler(None, STEP)
    assert len(digest.items) == NEW and digest.total == NEW
    return ticks[0]


@pytest.fixture(scope="module")
def counts(tmp_path_factory):
    counted = []
    for name, n in (("small", 150), ("large", 600)):
        # a tenth of the articles dated, the rest ordered by when they were stored: the date
        # order and the order stored differ
        store = _store(tmp_path_factory.mktemp(name) / "s.db", n, published=lambda i: "2004-06-01" if i % 10 else None)
        marks = [row[0] for row in store.conn.execute("SELECT ingested_at FROM articles ORDER BY ingested_at")]
        _digested(store, CHANNEL, marks[-NEW - 1])
        counted.append(_instructions(store))
        store.close()
    return counted


def test_a_later_digest_does_not_grow_with_the_store(counts):
    small, large = counts
    assert large <= 1.3 * small + 20, (small, large)


def test_a_later_digest_holds_what_was_stored_since_whatever_its_date(location):
    store = open_store(location)
    save = lambda ex, published: store.save_article(  # noqa: E731
        ex, source=ex.source, content_hash=ex.source, published=published
    )
    save(_article(1, title="Old news, stored first"), "2004-01-01")
    save(_article(2, title="Dated later, stored first"), "2031-01-01")
    _digested(store, CHANNEL, store.digests.newest_ingestion())
    save(_article(3, title="Old news, stored since"), "2004-06-01")
    save(_article(4, title="Undated, stored since"), None)
    save(_article(5, title="Dated, stored since"), "2005-01-01")
    digest = content.build(store, CHANNEL)
    titles = [item.source.title for item in digest.items]
    # the latest published first (an undated article by when it was stored: now)
    assert titles == ["Undated, stored since", "Dated, stored since", "Old news, stored since"]
    assert digest.total == 3 and digest.until == store.digests.newest_ingestion()


def test_a_later_digest_leaves_what_is_stored_after_it_was_started_for_the_next(location):
    store = open_store(location)
    for n in range(3):
        store.save_article(_article(n), source=f"s{n}", content_hash=f"h{n}")
    marks = [row["ingested_at"] for row in store.query("SELECT ingested_at FROM articles ORDER BY ingested_at")]
    assert store.digests.new_articles(marks[0], marks[1], 10) == [
        row for row in store.digests.new_articles(marks[0], marks[2], 10) if row["ingested_at"] <= marks[1]
    ]
    assert [row["ingested_at"] for row in store.digests.new_articles(marks[0], marks[1], 10)] == [marks[1]]
    assert store.digests.count_new(marks[0], marks[2]) == 2
