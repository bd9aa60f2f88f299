"""Ingestion on every processor: files read and extracted in worker processes, one writer
storing them in the order of the files, many in a transaction; the same store as one file
after the other, the same report, and a bad file or a refused article costs only itself."""

import gc
import sqlite3
from pathlib import Path

import pytest

import bot.ingest.workers
from bot.cli import main
from bot.ingest import pipeline
from bot.ingest.pipeline import ingest_paths
from bot.ingest.workers import WorkerPool
from storage import Store
from tests.conftest import SEEDS, open_test_store
from tests.ingest.endless import endless_extraction, endless_sentence

LIMIT = 100_000


def _text(n: int) -> str:
    return (
        f"Acme{n} and Globex race over phones\n\n"
        f"Acme{n} Inc said on Monday it would sell a phone shaped like a rocket.\n\n"
        f'"It is the best phone we have made," said Jane Doe, the chief executive of Acme{n}.\n\n'
        f"Acme{n} will compete with Globex in phones, where Globex has led for years.\n"
    )


def _folder(folder: Path, n: int = 30) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(_text(i), encoding="utf-8")
    (folder / "050-again.txt").write_text(_text(5), encoding="utf-8")  # the same story, stored once
    (folder / "010-empty.txt").write_bytes(b"")
    (folder / "020-binary.txt").write_bytes(b"\x89PNG\x00\x00" + bytes(range(256)))
    return folder


def _contents(store: Store) -> dict:
    """What the store holds, in the order stored (ids), sources made relative."""
    found = {
        table: [tuple(row.values()) for row in store.query(sql)]
        for table, sql in {
            "articles": "SELECT id, source, title, content_hash FROM articles ORDER BY id",
            "sentences": "SELECT article_id, idx, text, rank FROM sentences ORDER BY id",
            "quotes": "SELECT article_id, text, speaker, org FROM quotes ORDER BY id",
            "relations": "SELECT article_id, type, a, b FROM relations ORDER BY id",
            "pairs": "SELECT company, type, other, n, last_id, lead FROM relation_pairs ORDER BY company, type, other",
        }.items()
    }
    found["articles"] = [(i, source[source.index("files") :], *rest) for i, source, *rest in found["articles"]]
    return found


def _names(report) -> dict:
    return {
        "added": [Path(p).name for p in report.added],
        "unchanged": [Path(p).name for p in report.unchanged],
        "skipped": [(Path(p).name, why) for p, why in report.skipped],
    }


@pytest.fixture
def pool():
    with WorkerPool(workers=2, seconds=60) as readers:
        yield readers


def test_workers_store_what_one_file_after_the_other_stores(tmp_path, pool):
    files = _folder(tmp_path / "files")
    one_by_one = open_test_store(tmp_path / "inline.db")
    together = open_test_store(tmp_path / "pool.db")
    alone = ingest_paths(one_by_one, [files], max_bytes=LIMIT)
    parallel = ingest_paths(together, [files], max_bytes=LIMIT, runner=pool)
    assert _names(parallel) == _names(alone)
    assert _names(parallel)["unchanged"] == ["050-again.txt"]
    assert [name for name, _ in _names(parallel)["skipped"]] == ["010-empty.txt", "020-binary.txt"]
    assert _contents(together) == _contents(one_by_one)
    assert together.article_count() == 30


def test_the_articles_are_stored_many_in_a_transaction(tmp_path, pool, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH", 4)
    monkeypatch.setattr(pipeline, "BATCH_SECONDS", 3600.0)
    monkeypatch.setattr(pipeline, "TAIL", 1000)  # nothing stored early near the end
    store = Store(tmp_path / "n.db")
    begun = []
    store.conn.set_trace_callback(lambda sql: begun.append(sql) if sql.startswith("BEGIN") else None)
    report = ingest_paths(store, [_folder(tmp_path / "files")], max_bytes=LIMIT, runner=pool)
    assert len(report.added) == 30 and len(report.unchanged) == 1
    assert len(begun) == 8  # 31 articles read, 4 a transaction


def test_near_the_end_the_articles_are_stored_while_the_rest_are_read(tmp_path, pool, monkeypatch):
    store = open_test_store(tmp_path / "n.db")
    real = type(store).save_articles
    sizes = []

    def counted(self, items):
        items = list(items)
        sizes.append(len(items))
        return real(self, items)

    monkeypatch.setattr(type(store), "save_articles", counted)
    report = ingest_paths(store, [_folder(tmp_path / "files")], max_bytes=LIMIT, runner=pool)
    # 31 read, stored once twice as many wait as are left to read: what is left after the last is a few
    assert sum(sizes) == 31 and len(report.added) == 30
    assert sizes == sorted(sizes, reverse=True) and sizes[0] >= 15 and sizes[-1] <= 2


def test_an_article_the_store_refuses_is_skipped_alone(tmp_path, pool, monkeypatch):
    store = open_test_store(tmp_path / "n.db")
    real = type(store)._upsert_entities  # what storing each article goes through, alone or with others

    def refusing(conn, ex, *seen):
        if ex.source.endswith("007.txt"):
            raise sqlite3.IntegrityError("CHECK constraint failed: made up for the test")
        return real(conn, ex, *seen)

    monkeypatch.setattr(type(store), "_upsert_entities", staticmethod(refusing))
    report = ingest_paths(store, [_folder(tmp_path / "files")], max_bytes=LIMIT, runner=pool)
    assert [(Path(p).name, why) for p, why in report.skipped] == [
        ("007.txt", "could not be stored (IntegrityError: CHECK constraint failed: made up for the test)"),
        ("010-empty.txt", "empty file"),
        ("020-binary.txt", "binary file (contains NUL bytes), not plain text"),
    ]
    assert len(report.added) == 29 and store.article_count() == 29
    assert "Acme7 and Globex race over phones" not in {r["title"] for r in store.latest_articles(40)}


def test_progress_is_told_of_each_file_in_order_and_all_are_stored_when_it_says_done(tmp_path, pool):
    store = open_test_store(tmp_path / "n.db")
    seen = []

    def progress(done, total, path):
        seen.append((done, total, Path(path).name, store.article_count()))

    ingest_paths(store, [_folder(tmp_path / "files")], max_bytes=LIMIT, runner=pool, progress=progress)
    names = sorted(p.name for p in (tmp_path / "files").iterdir())
    assert [(done, total, name) for done, total, name, _stored in seen] == [
        (i, len(names), name) for i, name in enumerate(names, start=1)
    ]
    assert seen[-1][3] == 30


def test_newsbot_ingest_refuses_an_endless_file_after_the_deadline_and_stores_the_rest(tmp_path, monkeypatch, capsys):
    class Endless(WorkerPool):
        def __init__(self, **keywords):
            super().__init__(**keywords, initializer=endless_extraction)

    monkeypatch.setattr(bot.ingest.workers, "WorkerPool", Endless)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_SEEDS", str(SEEDS))
    monkeypatch.setenv("NEWSBOT_EXTRACT_SECONDS", "1")
    files = _folder(tmp_path / "files", 6)
    (files / "003.txt").write_text(
        f"Acme never stops\n\nAcme Inc said on Monday it would go on. {endless_sentence(tmp_path / 'flag')}\n"
    )
    assert main(["--db", str(tmp_path / "n.db"), "ingest", str(files)]) == 3
    assert gc.isenabled()  # off while the command stored, on again after it
    out, err = capsys.readouterr()
    assert "003.txt: took longer than 1 s to read" in err
    assert "ingested: 5 added, 0 updated, 1 unchanged, 3 skipped" in out
