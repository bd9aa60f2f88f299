"""Ingestion: bad files are skipped with their reason, the rest are stored, nothing twice."""

from pathlib import Path

import pytest

from bot.cli import main
from bot.ingest.files import Unreadable, content_hash, decode, read_article
from bot.ingest.pipeline import ensure_seeded, ingest_paths
from tests.conftest import SEEDS, store_location

LIMIT = 100_000
GOOD = "Acme launches a rocket phone\n\nAcme Inc said on Monday it would sell a phone shaped like a rocket.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


BAD = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"\n\n   \n", "empty file"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    "undecodable.txt": (b"Headline\n\x81\x8d\x8f\x90\x9d is not text in any encoding we read\n", "not UTF-8"),
    "headline-only.txt": (b"Just a headline\n", "only a headline"),
    "huge.txt": (b"Big headline\n" + b"word " * 30_000, "too large"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_each_kind_of_bad_file_is_refused_with_its_reason(tmp_path, name):
    content, reason = BAD[name]
    with pytest.raises(Unreadable, match=reason):
        read_article(write(tmp_path, name, content), max_bytes=LIMIT)


def test_a_missing_file_is_refused_with_its_reason(tmp_path):
    with pytest.raises(Unreadable, match="no such file"):
        read_article(tmp_path / "nope.txt", max_bytes=LIMIT)


def test_bad_files_are_skipped_and_the_rest_stored(store, tmp_path):
    for name, (content, _reason) in BAD.items():
        write(tmp_path, name, content)
    write(tmp_path, "good.txt", GOOD)
    write(
        tmp_path, "latin1.txt", "Caf\xe9 chain buys Acme\nThe caf\xe9 firm paid \xa3100m for Acme.\n".encode("cp1252")
    )
    report = ingest_paths(store, [tmp_path], max_bytes=LIMIT)
    assert sorted(Path(p).name for p in report.added) == ["good.txt", "latin1.txt"]
    assert sorted(Path(p).name for p, _ in report.skipped) == sorted(BAD)
    assert store.article_count() == 2
    assert {a["title"] for a in store.latest_articles(5)} == {"Acme launches a rocket phone", "Café chain buys Acme"}


def test_ingesting_twice_stores_once_and_a_changed_file_replaces_its_old_version(store, tmp_path):
    path = write(tmp_path, "a.txt", GOOD)
    assert len(ingest_paths(store, [path], max_bytes=LIMIT).added) == 1
    again = ingest_paths(store, [path, tmp_path], max_bytes=LIMIT)
    assert (len(again.added), len(again.unchanged)) == (0, 2)
    assert store.article_count() == 1

    path.write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    changed = ingest_paths(store, [path], max_bytes=LIMIT)
    assert len(changed.replaced) == 1
    assert store.article_count() == 1
    assert store.search_articles("Monday") == []
    assert len(store.search_articles("Tuesday")) == 1


def test_same_content_under_another_name_is_stored_once(store, tmp_path):
    write(tmp_path, "one.txt", GOOD)
    write(tmp_path, "two.txt", GOOD.replace("\n", "\r\n") + "\n\n")
    report = ingest_paths(store, [tmp_path], max_bytes=LIMIT)
    assert (len(report.added), len(report.unchanged)) == (1, 1)


def test_decoding_and_hashing():
    assert decode("naïve".encode()) == "naïve"
    assert decode("\ufeffBOM".encode()) == "BOM"
    assert decode("naïve".encode("utf-16")) == "naïve"
    assert decode("caf\xe9".encode("cp1252")) == "café"
    assert content_hash("a\r\nb  \n") == content_hash("a\nb")


def test_the_seeds_build_the_store_on_first_use_only(store):
    first = ensure_seeded(store, SEEDS, max_bytes=LIMIT)
    assert first is not None and len(first.added) == len(list(SEEDS.glob("*.txt")))
    assert ensure_seeded(store, SEEDS, max_bytes=LIMIT) is None


def test_cli_ingest_reports_skips_in_its_exit_code(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "empty.txt", b"")
    code = main(["--db", str(store_location(tmp_path / "n.db")), "ingest", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 3
    assert "empty.txt: empty file" in err
    assert "1 added" in out and "1 skipped" in out
    assert main(["--db", str(store_location(tmp_path / "n.db")), "ingest", str(tmp_path / "good.txt")]) == 0


def test_a_bulk_ingest_ends_by_merging_the_search_segments_it_wrote(tmp_path, monkeypatch):
    from bot.ingest import pipeline
    from tests.conftest import open_test_store

    for n in range(3):
        write(tmp_path, f"a{n}.txt", GOOD.replace("rocket", f"rocket{n}"))
    merged = []
    store = open_test_store(tmp_path / "nb.db")
    monkeypatch.setattr(store, "merge_search", lambda stored: merged.append((stored, store.article_count())))
    monkeypatch.setattr(store, "optimize_search", lambda: pytest.fail("the whole index is not rewritten"))
    monkeypatch.setattr(pipeline, "MERGE_AFTER", 3)
    ingest_paths(store, [tmp_path / "a0.txt", tmp_path / "a1.txt"], max_bytes=LIMIT)
    assert merged == []  # a few articles: left to FTS5's own merging
    ingest_paths(store, [tmp_path], max_bytes=LIMIT)  # a0 and a1 are unchanged: one stored
    assert merged == []
    for n in range(3, 6):
        write(tmp_path, f"a{n}.txt", GOOD.replace("rocket", f"rocket{n}"))
    ingest_paths(store, [tmp_path], max_bytes=LIMIT)
    assert merged == [(3, 6)]  # told how many the load stored, after storing them


def _newsbot(*args, cwd):
    """``newsbot ARGS`` in its own process, with a deadline: a file that made it wait for ever
    fails the test instead of hanging the suite (the test looks at what it said)."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "--db", str(cwd / "n.db"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NEWSBOT_SEEDS": str(SEEDS)},
    )


def test_only_regular_files_are_read_a_named_pipe_is_skipped(tmp_path):
    import os

    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "other.txt", GOOD.replace("rocket", "comet"))
    (tmp_path / "link.txt").symlink_to(tmp_path / "other.txt")  # a link to a file is read
    os.mkfifo(tmp_path / "f.txt")  # nothing will ever write to it
    (tmp_path / "pipe-link.txt").symlink_to(tmp_path / "f.txt")

    result = _newsbot("ingest", "f.txt", "pipe-link.txt", "good.txt", "link.txt", "/dev/null", cwd=tmp_path)
    assert result.returncode == 3
    assert result.stderr.splitlines() == [
        "skipped f.txt: is a named pipe (FIFO), not a file",
        "skipped pipe-link.txt: is a named pipe (FIFO), not a file",
        "skipped /dev/null: is a character device, not a file",
    ]
    assert result.stdout.startswith("ingested: 2 added, 0 updated, 0 unchanged, 3 skipped")

    extracted = _newsbot("extract", "f.txt", cwd=tmp_path)
    assert extracted.returncode == 3
    assert extracted.stderr == "skipped f.txt: is a named pipe (FIFO), not a file\n"
