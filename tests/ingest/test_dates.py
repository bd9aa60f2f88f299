"""A file's publication date: a ``Date:`` line near its top, or ``newsbot ingest --date``; a
date given to articles already stored dates them without storing them again."""

from __future__ import annotations

import pytest
import time_machine

from bot import dates
from bot.cli import main
from bot.ingest.files import read_article, split_date
from tests.conftest import SEEDS, is_built, open_test_store, store_location

BODY = "Acme Inc said on Monday it would sell a phone shaped like a rocket, to compete with Globex.\n"
NOW = "2026-12-09 12:00Z"


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("2004-12-13", "2004-12-13"),
        ("2004-12", "2004-12"),
        ("2004", "2004"),
        ("2004/12/3", "2004-12-03"),
        ("13 December 2004", "2004-12-13"),
        ("13th Dec. 2004", "2004-12-13"),
        ("December 13, 2004", "2004-12-13"),
        ("Monday, 13 December 2004", "2004-12-13"),
        ("December 2004", "2004-12"),
        ("Mon, 13 Dec 2004 10:30:00 GMT", "2004-12-13T10:30:00Z"),
        ("2004-12-13T10:30:00+01:00", "2004-12-13T09:30:00Z"),
        ("2004-12-13 10:30", "2004-12-13T10:30:00Z"),
    ],
)
def test_dates_as_people_write_them_are_read_at_the_precision_they_give(written, stored):
    with time_machine.travel(NOW):
        assert dates.parse(written) == stored


@pytest.mark.parametrize(
    "written", ["", "sometime last spring", "2004-13-01", "31 February 2004", "1850", "2027-06-01", "12/13/2004"]
)
def test_what_is_not_a_publication_date_is_not_read_as_one(written):
    with time_machine.travel(NOW):
        assert dates.parse(written) is None  # the last: day and month cannot be told apart


def test_a_date_line_near_the_top_is_the_date_and_not_the_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"Acme launches a rocket phone\nDate: 13 December 2004\n\n{BODY}", encoding="utf-8")
    plain = tmp_path / "b.txt"
    plain.write_text(f"Acme launches a rocket phone\n\n{BODY}", encoding="utf-8")
    dated, undated = read_article(path, max_bytes=10_000), read_article(plain, max_bytes=10_000)
    assert (dated.published, undated.published) == ("2004-12-13", None)
    assert "Date:" not in dated.text and dated.content_hash == undated.content_hash
    first = f"Date: 2004-12-13\nAcme launches a rocket phone\n\n{BODY}"
    assert split_date(first)[0].splitlines()[0] == "Acme launches a rocket phone"


def test_a_date_line_that_cannot_be_read_is_kept_as_text_and_said(tmp_path):
    text, published, problem = split_date(f"Acme launches\nDate: sometime last spring\n\n{BODY}")
    assert published is None and "Date: sometime last spring" in text and "not a date" in problem
    far = "Headline\n" + "\n".join(f"line {n}" for n in range(6)) + "\nDate: 2004-12-13\n"
    assert split_date(far) == (far, None, None)  # too far down: a sentence, not the file's date


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_DB", str(store_location(tmp_path / "cli.db")))
    monkeypatch.setenv("NEWSBOT_SEEDS", str(SEEDS))
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "one.txt").write_text(f"Acme launches a rocket phone\n\n{BODY}", encoding="utf-8")
    (folder / "two.txt").write_text(f"Globex answers Acme\nDate: 2004-11-02\n\n{BODY}Globex said no.\n")
    return tmp_path


def published(env) -> dict[str, str | None]:
    return {r["title"]: r["published"] for r in open_test_store(env / "cli.db").latest_articles(10)}


def test_ingest_date_dates_the_files_that_give_none_and_later_dates_those_already_stored(env, capsys):
    assert main(["ingest", str(env / "archive")]) == 0
    assert published(env) == {"Acme launches a rocket phone": None, "Globex answers Acme": "2004-11-02"}
    capsys.readouterr()
    assert main(["ingest", "--date", "December 2004", str(env / "archive")]) == 0
    assert "2 unchanged (1 given a date)" in capsys.readouterr().out
    assert published(env) == {"Acme launches a rocket phone": "2004-12", "Globex answers Acme": "2004-11-02"}


def test_ingest_refuses_a_date_it_cannot_read_and_stores_nothing(env, capsys):
    assert main(["ingest", "--date", "last spring", str(env / "archive")]) == 1
    err = capsys.readouterr().err
    assert "--date 'last spring' is not a date I can read" in err and "Traceback" not in err
    assert not is_built(store_location(env / "cli.db"))


def test_a_date_line_that_cannot_be_read_is_reported_and_the_article_stored(env, capsys):
    (env / "archive" / "three.txt").write_text(f"Initech news\nDate: soon\n\n{BODY}", encoding="utf-8")
    assert main(["ingest", str(env / "archive" / "three.txt")]) == 0
    err = capsys.readouterr().err
    assert "no date for" in err and "three.txt" in err and "'Date: soon'" in err
    assert published(env) == {"Initech news": None}
