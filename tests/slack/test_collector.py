"""Garbage collection between answers (``bot.slack.collector``): the collections CPython would
make, at its pace, after a listener rather than in the middle of one."""

import gc
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.slack import collector


@pytest.fixture
def clean_gc():
    gc.collect()
    before = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)
    gc.collect()


class Node:
    """A tracked object, as a list or an answer's dataclass is."""


def test_nothing_is_collected_until_enough_young_objects_are_made(clean_gc):
    gc.set_threshold(0)  # no automatic collection in this test
    gc.collect()
    assert collector.collect_if_due() is None
    kept = [Node() for _ in range(collector.YOUNG - 50)]
    assert collector.collect_if_due() is None
    kept += [Node() for _ in range(51)]  # more than YOUNG, as CPython counts
    assert collector.collect_if_due() == 0
    assert gc.get_count()[0] < collector.YOUNG
    assert len(kept) == collector.YOUNG + 1


def test_older_generations_are_collected_at_cpython_s_pace(clean_gc):
    gc.set_threshold(0)
    gc.collect()
    kept, collected = [], []
    for _ in range(144):
        kept += [Node() for _ in range(collector.YOUNG + 1)]
        collected.append(collector.collect_if_due())
    # as CPython counts: eleven young collections, then one of the middle generation with
    # them; the twelfth time the middle one is due, the oldest goes too
    assert collected[:12] == [0] * 11 + [1]
    assert collected.count(1) == 11 and collected.index(2) == 143


def test_cyclic_garbage_made_by_a_listener_is_freed_after_it(clean_gc):
    gc.set_threshold(0)
    gc.collect()

    def listener():
        for _ in range(collector.YOUNG + 1):  # cycles: only a collection frees them
            a, b = Node(), Node()
            a.other, b.other = b, a

    with collector.CollectingExecutor(ThreadPoolExecutor(max_workers=1)) as pool:
        pool.submit(listener).result()
    assert not any(isinstance(o, Node) for o in gc.get_objects())


def test_the_collection_follows_the_task_even_when_it_fails():
    events = []

    def collect():
        events.append("collect")

    def failing():
        events.append("task")
        raise RuntimeError("boom")

    with collector.CollectingExecutor(ThreadPoolExecutor(max_workers=1), collect) as pool:
        assert pool.submit(lambda: events.append("task") or 42).result() == 42
        with pytest.raises(RuntimeError):
            pool.submit(failing).result()
    assert events == ["task", "collect", "task", "collect"]


def test_settle_freezes_start_up_and_raises_the_automatic_trigger(clean_gc):
    made_at_start = [Node()]
    collector.settle()
    assert gc.get_threshold() == (collector.SAFETY, collector.PER_OLDER, collector.PER_OLDER)
    assert gc.get_freeze_count() > 0
    assert not any(o is made_at_start[0] for o in gc.get_objects())


def test_settle_turns_collection_back_on_after_a_start_up_without_it(clean_gc):
    gc.disable()  # as newsbot run imports
    try:
        collector.settle()
        assert gc.isenabled()
        assert gc.get_threshold() == (collector.SAFETY, collector.PER_OLDER, collector.PER_OLDER)
    finally:
        gc.enable()
