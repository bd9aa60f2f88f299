"""The ledgers' queues (storage/digests.py, storage/follows.py), on both stores: runs due at a
minute and follow batches are queued, claimed by no one, then claimed a batch at a time by any
worker, each by one; on PostgreSQL a worker claiming at the same moment as another skips the
rows the other holds instead of waiting for them."""

from __future__ import annotations

import threading

import pytest

from storage import open_store

PERIOD = "2026-12-07"
NOW = "2026-12-07T08:00:00.000000Z"
SINCE = "2026-12-07T07:00:00.000000Z"


def claim(store, worker: str, limit: int) -> list[dict]:
    return store.digests.claim_queued(worker=worker, lease=f"lease-{worker}", now=NOW, limit=limit, since=SINCE)


def test_runs_queued_once_are_claimed_in_batches_each_by_one_worker(store):
    due = [(f"C{i:02d}", PERIOD) for i in range(12)]
    assert store.digests.queue(due, now=NOW) == 12
    assert store.digests.queue(due, now=NOW) == 0  # every replica queues the minute's runs: once
    batches = [claim(store, f"w{i}", 5) for i in range(4)]
    assert [len(b) for b in batches] == [5, 5, 2, 0]
    ids = [run["id"] for batch in batches for run in batch]
    assert len(set(ids)) == 12
    assert {run["claimed_by"] for run in batches[1]} == {"w1"}
    assert all(run["lease"] == "lease-w1" and run["attempts"] == 1 for run in batches[1])
    assert store.digests.worker_alive("w1", dead_before=SINCE)  # the claim beat for its worker
    # a run in the ledger is not queued again (posted, or claimed by anyone)
    assert store.digests.finish(batches[0][0]["id"], "lease-w0", "posted", now=NOW)
    assert store.digests.queue(due, now=NOW) == 0
    assert claim(store, "w9", 5) == []


def test_a_run_queued_before_the_window_is_not_claimed_from_the_queue_but_settled_as_abandoned(store):
    store.digests.queue([("C1", PERIOD)], now="2026-12-07T06:00:00.000000Z")
    assert claim(store, "w1", 5) == []
    [run] = store.digests.abandoned(dead_before=SINCE)
    assert run["channel"] == "C1" and run["claimed_by"] is None
    # a fresh queued run is no one's abandoned run while the workers may still claim it
    store.digests.queue([("C2", PERIOD)], now=NOW)
    assert [r["channel"] for r in store.digests.abandoned(dead_before=SINCE)] == ["C1"]
    taken = store.digests.claim("C1", PERIOD, worker="w2", lease="l2", now=NOW, dead_before=SINCE)
    assert taken is not None and taken["claimed_by"] == "w2"  # taken over like a dead worker's


def test_follow_batches_queued_are_claimed_a_few_at_a_time(store):
    plan = {f"C{i}": [(i + 1, ["Acme"])] for i in range(5)}
    made = store.follows.claim(plan, worker="w0", lease="l0", now=NOW, size=40, upto=0, queued=True)
    assert len(made) == 5 and {b["claimed_by"] for b in made} == {None}
    first = store.follows.claim_queued(worker="w1", lease="l1", now=NOW, limit=3)
    second = store.follows.claim_queued(worker="w2", lease="l2", now=NOW, limit=3)
    assert [len(first), len(second)] == [3, 2]
    assert {b["id"] for b in first} | {b["id"] for b in second} == {b["id"] for b in made}
    assert store.follows.claim_queued(worker="w3", lease="l3", now=NOW, limit=3) == []
    assert {b["lease"] for b in second} == {"l2"}
    assert store.follows.items(second[0]["id"])  # its articles came with it


def test_a_worker_claiming_while_another_holds_its_batch_skips_it_without_waiting(backend, location):
    if backend != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: a second claimer waits for the first")
    one, two = open_store(location), open_store(location)
    try:
        one.digests.queue([(f"C{i}", PERIOD) for i in range(6)], now=NOW)
        holding, release, got = threading.Event(), threading.Event(), {}

        def hold():
            with one.transaction():  # the first worker's claim, not yet committed
                got["one"] = claim(one, "w1", 3)
                holding.set()
                got["released"] = release.wait(10)  # False: the second claimer waited for us
            one.close_thread()

        thread = threading.Thread(target=hold)
        thread.start()
        assert holding.wait(10)
        got["two"] = claim(two, "w2", 6)  # while the first transaction holds its 3
        release.set()
        thread.join(10)
    finally:
        one.close()
        two.close()
    assert len(got["one"]) == 3 and len(got["two"]) == 3
    assert not {r["id"] for r in got["one"]} & {r["id"] for r in got["two"]}
    assert got["released"]  # the second claimed before the first let go: it did not wait
