"""The listeners' thread pool (``bot.slack.pool.WarmPool``): the thread that finished last takes
the next task, so one request at a time is answered by one thread (and its SQLite cache)."""

import threading

import pytest

from bot.slack.pool import WarmPool


def current() -> str:
    return threading.current_thread().name


def test_one_task_at_a_time_runs_on_the_thread_that_finished_last():
    with WarmPool(5, thread_name_prefix="listener") as pool:
        names = [pool.submit(current).result(timeout=5) for _ in range(20)]
    assert names == ["listener_0"] * 20


def test_the_pool_grows_to_max_workers_when_tasks_overlap_and_the_rest_wait():
    release = threading.Event()
    started = []
    lock = threading.Lock()

    def task(i):
        with lock:
            started.append(i)
        release.wait(5)
        return current()

    with WarmPool(3) as pool:
        futures = [pool.submit(task, i) for i in range(7)]
        for _ in range(100):
            with lock:
                if len(started) == 3:
                    break
            threading.Event().wait(0.01)
        assert sorted(started) == [0, 1, 2]  # three threads, four tasks waiting
        release.set()
        names = {f.result(timeout=5) for f in futures}
    assert sorted(started) == list(range(7))
    assert names == {"worker_0", "worker_1", "worker_2"}


def test_after_a_burst_the_most_recently_idle_thread_answers_next():
    gate = threading.Barrier(3)

    def together():
        gate.wait(5)
        return current()

    with WarmPool(3) as pool:
        for f in [pool.submit(together) for _ in range(3)]:
            f.result(timeout=5)
        first = pool.submit(current).result(timeout=5)
        again = [pool.submit(current).result(timeout=5) for _ in range(5)]
    assert again == [first] * 5


def test_a_task_s_exception_is_its_future_s_and_the_thread_goes_on():
    def fail():
        raise ValueError("no")

    with WarmPool(1) as pool:
        failed = pool.submit(fail)
        with pytest.raises(ValueError, match="no"):
            failed.result(timeout=5)
        assert pool.submit(lambda: 42).result(timeout=5) == 42


def test_a_cancelled_task_never_runs():
    release = threading.Event()
    ran = []
    with WarmPool(1) as pool:
        busy = pool.submit(release.wait, 5)
        waiting = pool.submit(ran.append, "waiting")
        assert waiting.cancel()
        release.set()
        busy.result(timeout=5)
        pool.submit(ran.append, "next").result(timeout=5)
    assert ran == ["next"]


def test_shutdown_finishes_the_waiting_tasks_in_order_then_refuses_new_ones():
    release = threading.Event()
    done = []
    pool = WarmPool(1)
    pool.submit(release.wait, 5)
    waiting = [pool.submit(done.append, i) for i in range(3)]
    release.set()
    pool.shutdown(wait=True)
    assert done == [0, 1, 2] and all(f.done() for f in waiting)
    with pytest.raises(RuntimeError):
        pool.submit(done.append, 4)


def test_shutdown_can_cancel_the_waiting_tasks():
    release = threading.Event()
    done = []
    pool = WarmPool(1)
    busy = pool.submit(release.wait, 5)
    waiting = pool.submit(done.append, "never")
    threading.Timer(0.05, release.set).start()
    pool.shutdown(wait=True, cancel_futures=True)
    assert waiting.cancelled() and busy.result() is True and done == []


def test_idle_threads_end_at_shutdown():
    pool = WarmPool(2, thread_name_prefix="ending")
    pool.submit(current).result(timeout=5)
    pool.shutdown(wait=True)
    assert not any(t.name.startswith("ending_") for t in threading.enumerate())


def test_at_least_one_thread():
    with pytest.raises(ValueError):
        WarmPool(0)
