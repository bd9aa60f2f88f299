"""What is the PostgreSQL store's own: opening it by URL (the password never shown), migrating under
an advisory lock while other replicas start, refusing what is not its store, and article
writes that keep the order of their commits across processes. (Everything the two stores share
is tested on both: the rest of tests/storage.)"""

from __future__ import annotations

import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import psycopg
import pytest

from bot.config import Settings
from storage import DatabaseURL, Store, StoreError, location, open_store
from storage.postgres import SCHEMA_VERSION, PostgresStore
from tests.conftest import GAMING, PHONES, ROOT, save
from tests.storage.older import postgres_at


def test_a_location_is_a_file_or_a_url_whose_password_is_never_shown(tmp_path, monkeypatch):
    url = location("postgresql://newsbot:s3cret@db.example:5432/newsbot?sslmode=require")
    assert isinstance(url, DatabaseURL) and url.reveal().endswith("s3cret@db.example:5432/newsbot?sslmode=require")
    for shown in (str(url), repr(url), f"{url}", f"{url:>80}"):
        assert "s3cret" not in shown and "newsbot:***@db.example:5432/newsbot" in shown
    monkeypatch.setenv("NEWSBOT_DB", url.reveal())
    settings = Settings.load(None)
    assert settings.db_path == url and "s3cret" not in repr(settings)
    assert isinstance(open_store(tmp_path / "x.db"), Store)


def test_a_server_that_cannot_be_reached_is_named_without_its_password(tmp_path):
    socket_dir = tmp_path / "nothing-listens-here"
    socket_dir.mkdir()
    url = f"postgresql://newsbot:s3cret@/newsbot?host={socket_dir}"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert "cannot reach the store" in str(caught.value) and "s3cret" not in str(caught.value)


def test_the_sqlite_path_never_imports_the_postgresql_driver(tmp_path):
    script = (
        "import sys; from bot.cli import main; "
        f"code = main(['--db', {str(tmp_path / 'n.db')!r}, 'ask', '/rivals Sony']); "
        "assert 'psycopg' not in sys.modules, 'psycopg imported'; sys.exit(code)"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_without_the_driver_a_url_says_which_extra_to_install():
    script = (
        "import sys\n"
        "class NoDriver:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.partition('.')[0] == 'psycopg': raise ImportError('no psycopg here')\n"
        "sys.meta_path.insert(0, NoDriver())\n"
        "from storage import StoreError, open_store\n"
        "try:\n"
        "    open_store('postgresql://u:pw@localhost/db')\n"
        "except StoreError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "newsbot[postgres]" in done.stdout and "u:***@localhost" in done.stdout and "pw@" not in done.stdout


@pytest.fixture
def pg_url(pg_server):
    url = pg_server.database()
    yield url
    pg_server.drop(url)


@pytest.fixture
def empty_url(pg_server):
    url = pg_server.database(migrated=False)
    yield url
    pg_server.drop(url)


def test_replicas_starting_together_on_an_empty_database_migrate_it_once(empty_url):
    with ThreadPoolExecutor(4) as pool:
        stores = list(pool.map(lambda _: PostgresStore(empty_url), range(4)))
    assert {s.version for s in stores} == {SCHEMA_VERSION}
    assert stores[0].value("SELECT count(*) FROM newsbot_schema") == 1
    assert stores[0].value("SELECT count(*) FROM relation_kinds") >= 3
    for s in stores:
        s.close()


def test_a_database_from_a_newer_release_or_of_another_program_is_refused(empty_url):
    store = PostgresStore(empty_url)
    store.conn.execute("UPDATE newsbot_schema SET version = version + 1")
    with pytest.raises(StoreError, match="newer newsbot"):
        PostgresStore(empty_url)
    store.conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    store.conn.execute("CREATE TABLE invoices (id integer)")
    with pytest.raises(StoreError, match="not a newsbot store"):
        PostgresStore(empty_url)
    store.close()


def test_a_store_opened_read_only_reads_and_the_server_refuses_its_writes(pg_url):
    save(open_store(pg_url), GAMING)
    store = open_store(pg_url, read_only=True)
    assert store.article_count() == 1 and not store.writable
    with pytest.raises(StoreError):
        save(store, PHONES)
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        store.conn.execute("DELETE FROM articles")
    store.close()


def test_an_article_saved_while_another_is_being_saved_arrives_after_it(pg_url):
    """Article writes queue on one lock: the second waits for the first's commit, so arrivals
    (and ingestion times) are in commit order, whichever began first. (SQLite has one writer at a
    time by itself.)"""
    first, second = open_store(pg_url), open_store(pg_url)
    done = threading.Event()
    with first.transaction():
        save(first, GAMING)
        thread = threading.Thread(target=lambda: (save(second, PHONES), done.set()))
        thread.start()
        assert not done.wait(0.5)  # waits for the first's commit
    thread.join(10)
    assert done.is_set()
    arrived = first.follows.arrivals(0, 10, stored_since="")
    titles = [first.get_article(a["article_id"])["title"] for a in arrived]
    assert titles == [GAMING.title, PHONES.title]
    assert arrived[0]["stored_at"] <= arrived[1]["stored_at"]
    first.close()
    second.close()


def test_the_same_content_saved_by_two_replicas_at_once_is_stored_once(location):
    stores = [open_store(location) for _ in range(4)]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda s: save(s, GAMING), stores))
    assert sorted(r.status for r in results) == ["added", "unchanged", "unchanged", "unchanged"]
    assert {r.article_id for r in results} == {results[0].article_id}
    assert stores[0].article_count() == 1 and stores[0].follows.latest_seq() == 1
    again = replace(GAMING, body=GAMING.body + " More.")
    assert save(stores[1], again).status == "replaced"  # the same source, changed: its new version
    for s in stores:
        s.close()


def test_migration_6_dates_the_quotes_and_counts_the_mentions_of_an_older_store(empty_url):
    rows = []
    for n, published in ((1, None), (2, "2004-12-13"), (3, None)):
        rows.append(
            (
                "INSERT INTO articles (id, source, content_hash, title, body, published, ingested_at)"
                " VALUES (%s, %s, %s, %s, 'Sony. Sony again.', %s, %s)",
                (n, f"s{n}", f"h{n}", f"Story {n}", published, f"2020-01-0{n}T00:00:00Z"),
            )
        )
        rows.append(
            (
                "INSERT INTO sentences (id, article_id, idx, text) VALUES (%s, %s, 0, 'Sony.'), (%s, %s, 1, 'Again.')",
                (2 * n, n, 2 * n + 1, n),
            )
        )
    rows += [
        "INSERT INTO entities (id, name, type) VALUES (1, 'Sony', 'company')",
        "INSERT INTO mentions (article_id, sentence_id, entity_id) SELECT article_id, id, 1 FROM sentences",
        "INSERT INTO quotes (article_id, text, speaker, title, published)"
        " SELECT id, 'Quoted', 'Ann Lee', title, published FROM articles",
    ]
    postgres_at(empty_url, 5, rows)
    store = PostgresStore(empty_url)
    assert store.version == SCHEMA_VERSION >= 6
    dated = {q["article_id"]: q["dated"] for q in store.quotes_by(speakers=["Ann Lee"])}
    assert dated == {1: "2020-01-01T00:00:00Z", 2: "2004-12-13", 3: "2020-01-03T00:00:00Z"}
    assert [q["article_id"] for q in store.latest_quotes(3)] == [3, 1, 2]
    assert store.known_entities("company", 1)[0]["articles"] == 3  # two sentences each: three articles
    store.delete_article(2)
    assert store.known_entities("company", 1)[0]["articles"] == 2
    store.close()


def test_a_bulk_load_tidies_the_full_text_indexes_it_filled(pg_url):
    store = PostgresStore(pg_url)

    def pending() -> int:  # pages of the GIN indexes' pending lists, merged into the index now
        return sum(store.value("SELECT gin_clean_pending_list(%s::regclass)", (i,)) for i in store.SEARCH_INDEXES)

    store.save_articles([(GAMING, {"source": "g", "content_hash": "g"})])
    assert pending() > 0  # a load leaves its entries pending: what every search would read whole
    store.save_articles([(PHONES, {"source": "p", "content_hash": "p"})])
    store.merge_search(1)
    assert pending() == 0
    assert [a["title"] for a in store.search_articles("music phone")] == [PHONES.title]
    store.close()
