"""Shared fixtures: stores built from hand-made extractions, so answer tests do not depend on
the extraction rules, the paths of the project and of ../shared, and both stores.

A test that takes ``location`` (or a fixture built on it: the ``store`` of tests/storage, the
``db_path`` of tests/digest and tests/follows) runs twice: on an SQLite file and on a fresh
PostgreSQL database of a server started once a session (``tests/pg.py``). ``@pytest.mark.sqlite_only``
keeps a test about SQLite's own workings (its pragmas, FTS5, its files) to the first.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.extract.model import Entity, Extraction, Mention, Quote, Relation, Sentence
from storage import Store, open_store
from tests.pg import Unavailable, shared_server

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def make_extraction(
    title: str,
    sentences: list[str],
    *,
    entities: list[Entity] = (),
    quotes: list[Quote] = (),
    relations: list[Relation] = (),
    source: str | None = None,
) -> Extraction:
    """An extraction written by hand: mentions are found by the entities' names and aliases."""
    sents = [Sentence(i, text, score=1.0 / (i + 1)) for i, text in enumerate(sentences)]
    mentions = [
        Mention(e.name, s.index)
        for e in entities
        for s in sents
        if any(name in s.text for name in (e.name, *e.aliases))
    ]
    return Extraction(
        source=source or title,
        title=title,
        body=" ".join(sentences),
        sentences=sents,
        entities=list(entities),
        mentions=mentions,
        quotes=list(quotes),
        relations=list(relations),
    )


def save(store: Store, ex: Extraction, **kw):
    return store.save_article(ex, source=ex.source, content_hash=f"hash-{ex.source}-{len(ex.body)}", **kw)


@pytest.fixture
def fake():
    """A local fake of Slack's Web API on 127.0.0.1, recording every call."""
    from tests.slack.fake_slack import start_fake_slack

    fake = start_fake_slack()
    yield fake
    fake.close()


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: a test of the SQLite store's own workings (not run on PostgreSQL)")


def pytest_generate_tests(metafunc):
    if "backend" in metafunc.fixturenames:
        only = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("backend", ["sqlite"] if only else ["sqlite", "postgresql"], indirect=True)


@pytest.fixture(scope="session")
def pg_server():
    """One PostgreSQL server for the session (skipped, with the reason, where none can start)."""
    try:
        server = shared_server()
    except Unavailable as exc:
        pytest.skip(str(exc))
    return server


def on_postgresql() -> bool:
    """The tests above the store were asked to run on PostgreSQL (``NEWSBOT_TEST_STORE``)."""
    return os.environ.get("NEWSBOT_TEST_STORE") == "postgresql"


_LOCATIONS: dict[str, str] = {}  # a test's SQLite path -> the database standing in for it
_MADE: list[str] = []  # databases made since the current module began


def store_location(path: Path | str) -> Path | str:
    """Where a test above the store keeps the store it would keep at ``path``: that file, or, with
    ``NEWSBOT_TEST_STORE=postgresql``, a fresh database of the session's server (the same one
    for the same path: a store built by a fixture and then named to a command is one store)."""
    if not on_postgresql():
        return path
    key = str(path)
    if key not in _LOCATIONS:
        _LOCATIONS[key] = shared_server().database()
        _MADE.append(_LOCATIONS[key])
    return _LOCATIONS[key]


def open_test_store(path: Path | str):
    """The store at ``store_location(path)``."""
    return open_store(store_location(path))


def location_of(store) -> str:
    """What ``--db`` takes to name ``store`` (its file, or its database's URL)."""
    return getattr(store, "url", None) or str(store.path)


def is_built(location: Path | str) -> bool:
    """Whether a store at ``location`` holds any article (an SQLite file: whether it exists)."""
    if isinstance(location, Path):
        return location.exists()
    store = open_store(location)
    try:
        return store.article_count() > 0
    finally:
        store.close()


@pytest.fixture(autouse=True, scope="module")
def _drop_test_databases():
    """The databases ``store_location`` made for a module, dropped when the module is done."""
    yield
    while _MADE:
        url = _MADE.pop()
        for path in [key for key, value in _LOCATIONS.items() if value == url]:
            del _LOCATIONS[path]
        shared_server().drop(url)


@pytest.fixture
def backend(request) -> str:
    return request.param


@pytest.fixture
def location(backend, tmp_path, request):
    """Where a test's store is: an SQLite file, or a fresh PostgreSQL database's URL."""
    if backend == "sqlite":
        yield tmp_path / "test.db"
        return
    server = request.getfixturevalue("pg_server")
    url = server.database()
    yield url
    server.drop(url)


@pytest.fixture
def store(tmp_path, request) -> Store:
    """An SQLite store; ``NEWSBOT_TEST_STORE=postgresql``: a fresh PostgreSQL database instead, for
    the tests above the store (answers, terminal, map, fetch, ingest) to be run on it."""
    if on_postgresql():
        server = request.getfixturevalue("pg_server")
        url = server.database()
        s = open_store(url)
        yield s
        s.close()
        server.drop(url)
        return
    s = Store(tmp_path / "test.db")
    yield s
    s.close()


GAMING = make_extraction(
    "Sony and Microsoft team up on cloud gaming",
    [
        "Sony and Microsoft signed a partnership on cloud gaming.",
        '"We are delighted to work with Sony," said Satya Nadella, Microsoft\'s chief executive.',
        "The deal comes despite the rivalry between Xbox and PlayStation.",
        "Sony will use Azure to compete with Stadia, Google's streaming service.",
    ],
    entities=[
        Entity("Sony", "company", aliases=["Sony Corporation", "Sony Corp"]),
        Entity("Microsoft", "company", aliases=["Microsoft Corp"]),
        Entity("Google", "company"),
        Entity("Xbox", "product", owner="Microsoft"),
        Entity("PlayStation", "product", owner="Sony"),
        Entity("Azure", "product", owner="Microsoft"),
        Entity("Stadia", "product", owner="Google"),
        Entity("Satya Nadella", "person", role="chief executive", org="Microsoft", aliases=["Nadella", "Mr Nadella"]),
    ],
    quotes=[Quote("We are delighted to work with Sony,", "Satya Nadella", "chief executive", "Microsoft", 1)],
    relations=[
        Relation("partners", "Sony", "Microsoft", "Sony and Microsoft signed a partnership on cloud gaming.", 0),
        Relation(
            "competes", "Microsoft", "Sony", "The deal comes despite the rivalry between Xbox and PlayStation.", 2
        ),
        Relation(
            "competes", "Sony", "Google", "Sony will use Azure to compete with Stadia, Google's streaming service.", 3
        ),
    ],
    source="gaming.txt",
)

PHONES = make_extraction(
    "Nokia takes on Apple with new music phone",
    [
        "Nokia unveiled a music phone to take on Apple's iPod.",
        '"This phone will change how people listen to music," a Nokia spokesman said.',
        "Analysts said the battle for the music market was only starting.",
    ],
    entities=[
        Entity("Nokia", "company"),
        Entity("Apple", "company", aliases=["Apple Computer"]),
        Entity("iPod", "product", owner="Apple"),
    ],
    quotes=[Quote("This phone will change how people listen to music,", "Nokia", None, "Nokia", 1)],
    relations=[Relation("competes", "Nokia", "Apple", "Nokia unveiled a music phone to take on Apple's iPod.", 0)],
    source="phones.txt",
)


@pytest.fixture
def news_store(store) -> Store:
    save(store, GAMING)
    save(store, PHONES)
    return store
