"""Reading in worker processes: an article whose extraction never ends is refused with its reason
after the deadline, its worker replaced, and nothing else lost."""

import os
import signal
import threading
import time

import pytest

from bot.cli import main
from bot.extract import Extraction, extract
from bot.ingest.files import Unreadable
from bot.ingest.workers import STOPPING, TooSlow, WorkerPool
from tests.conftest import SEEDS
from tests.ingest.endless import endless_extraction, endless_sentence, started

GOOD = "Acme launches a rocket phone\n\nAcme Inc said on Monday it would sell a phone shaped like a rocket.\n"


def endless(flag) -> str:
    return f"Acme never stops\n\nAcme Inc said on Monday that it would go on. {endless_sentence(flag)}\n"


def workers(seconds: float):
    pool = WorkerPool(workers=2, seconds=seconds, initializer=endless_extraction)
    yield pool
    processes = pool.processes
    pool.close()
    for process in processes:
        process.join(5)
        assert not process.is_alive()


@pytest.fixture
def pool():
    yield from workers(1.0)


@pytest.fixture
def patient():
    """Workers with a deadline no test reaches."""
    yield from workers(60.0)


def in_thread(fn, *args) -> tuple[threading.Thread, dict]:
    outcome = {}

    def run():
        try:
            outcome["result"] = fn(*args)
        except Exception as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def test_a_call_runs_in_a_worker_process_and_gives_back_its_result_or_its_error(pool):
    assert pool(os.getpid) != os.getpid()
    result = pool(extract, GOOD, "good.txt")
    assert isinstance(result, Extraction) and result.title == "Acme launches a rocket phone"
    with pytest.raises(ValueError, match="invalid literal"):
        pool(int, "not a number")
    assert len(pool.processes) == 1  # the same worker, reused


def test_an_endless_extraction_is_refused_its_worker_killed_and_the_others_go_on(pool, tmp_path):
    pool(os.getpid)
    [first] = pool.processes
    thread, outcome = in_thread(pool, extract, endless(tmp_path / "flag"), "endless.txt")
    assert started(tmp_path / "flag")
    # meanwhile, another worker reads other articles
    titles = [pool(extract, GOOD, f"good-{i}.txt").title for i in range(3)]
    thread.join()
    assert isinstance(outcome["error"], TooSlow) and isinstance(outcome["error"], Unreadable)
    assert str(outcome["error"]) == "took longer than 1 s to read"
    assert titles == ["Acme launches a rocket phone"] * 3
    first.join(5)
    assert not first.is_alive() and first not in pool.processes
    assert pool(extract, GOOD, "after.txt").title == "Acme launches a rocket phone"


def test_a_worker_that_dies_is_replaced(patient, tmp_path):
    pid = patient(os.getpid)
    os.kill(pid, signal.SIGKILL)  # while idle: the next call gets a new worker
    assert patient(os.getpid) != pid

    flag = tmp_path / "flag"
    thread, outcome = in_thread(patient, extract, endless(flag), "endless.txt")
    killed = []
    for _attempt in range(2):  # a worker dying while reading: the article is tried once more
        assert started(flag)
        flag.unlink()
        [process] = patient.processes
        killed.append(process.pid)
        process.kill()
    thread.join()
    assert str(outcome["error"]) == "could not be read (the process reading it stopped)"
    assert patient(os.getpid) not in {pid, *killed}


def test_closing_stops_the_workers_even_busy_ones(patient, tmp_path):
    thread, outcome = in_thread(patient, extract, endless(tmp_path / "flag"), "endless.txt")
    assert started(tmp_path / "flag")
    [process] = patient.processes
    patient.close()
    thread.join()
    assert str(outcome["error"]) == STOPPING
    process.join(5)
    assert not process.is_alive()
    with pytest.raises(Unreadable, match="stopping"):
        patient(os.getpid)


@pytest.fixture
def deep():
    """One worker given two calls at a time."""
    pool = WorkerPool(workers=1, seconds=1.0, initializer=endless_extraction, depth=2)
    yield pool
    pool.close()


def test_a_worker_given_two_calls_answers_each_caller_its_own_in_turn(deep):
    pid = deep(os.getpid)
    calls = [in_thread(deep, extract, GOOD.replace("rocket", f"rocket {i}"), f"good-{i}.txt") for i in range(6)]
    for thread, _outcome in calls:
        thread.join()
    titles = [outcome["result"].title for _thread, outcome in calls]
    assert titles == [f"Acme launches a rocket {i} phone" for i in range(6)]
    assert [p.pid for p in deep.processes] == [pid]  # one worker did them all


def test_a_call_waiting_behind_one_that_passes_the_deadline_is_read_by_a_new_worker(deep, tmp_path):
    first = deep(os.getpid)
    slow, slow_outcome = in_thread(deep, extract, endless(tmp_path / "flag"), "endless.txt")
    assert started(tmp_path / "flag")
    waiting, outcome = in_thread(deep, extract, GOOD, "good.txt")  # sent to the same worker, behind it
    slow.join()
    waiting.join()
    assert isinstance(slow_outcome["error"], TooSlow)
    assert outcome["result"].title == "Acme launches a rocket phone"
    assert deep(os.getpid) != first


def test_newsbot_add_refuses_an_endless_file_with_its_reason_and_stores_the_rest(tmp_path, monkeypatch, capsys):
    import bot.fetch.news

    made = []

    def pool_for_tests(settings):
        made.append(WorkerPool(seconds=settings.extract_seconds, initializer=endless_extraction))
        return made[-1]

    monkeypatch.setattr(bot.fetch.news, "reading_pool", pool_for_tests)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("NEWSBOT_SEEDS", str(SEEDS))
    monkeypatch.setenv("NEWSBOT_EXTRACT_SECONDS", "1")
    (tmp_path / "endless.txt").write_text(endless(tmp_path / "flag"))
    (tmp_path / "good.txt").write_text(GOOD)
    assert main(["add", "endless.txt", "good.txt"]) == 3
    out, err = capsys.readouterr()
    assert "endless.txt: took longer than 1 s to read" in err
    assert "1 added" in out
    [pool] = made
    assert pool.processes == []  # stopped when the command ended


def test_a_pool_closed_while_it_warms_up_waits_for_the_start_and_stops_what_it_started(monkeypatch):
    import multiprocessing

    import bot.ingest.workers

    class SlowToStart(bot.ingest.workers._Worker):
        def __init__(self, *args):
            time.sleep(0.3)  # a machine under load: the fork server's first start takes a while
            super().__init__(*args)

    monkeypatch.setattr(bot.ingest.workers, "_Worker", SlowToStart)
    pool = WorkerPool(workers=2, seconds=60.0)
    pool.warm()
    pool.close()
    assert not [t for t in threading.enumerate() if t.name == "newsbot-readers-start"]
    assert not [p for p in multiprocessing.active_children() if p.name == "newsbot-reader"]
    assert pool.processes == []


def test_newsbot_ingest_refuses_a_store_it_cannot_open_before_any_worker_starts(tmp_path, monkeypatch, capsys):
    started = []
    monkeypatch.setattr(WorkerPool, "warm", lambda pool: started.append(pool))
    monkeypatch.setattr(WorkerPool, "__call__", lambda pool, *call: started.append(call))
    monkeypatch.setenv("NEWSBOT_SEEDS", str(SEEDS))
    (tmp_path / "store.db").mkdir()
    (tmp_path / "good.txt").write_text(GOOD)
    assert main(["--db", str(tmp_path / "store.db"), "ingest", str(tmp_path / "good.txt")]) == 1
    assert "is a folder, not a database file" in capsys.readouterr().err
    assert started == []
