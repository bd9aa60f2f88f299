"""Digest fan-out: 1,000 subscribed channels due at the same minute.

    .venv/bin/python bench/digest_bench.py [--channels 1000] [--workers 10] [--runs 3]

A store of generated articles, N subscriptions at 08:00 UTC, and a local fake Web API that
enforces Slack's per-channel limit (one message a second per channel; more gets 429 with
Retry-After). The due jobs are fired the way APScheduler's default pool does (10 worker
threads). Prints the time until all are posted, posts per second, 429s seen, and checks that
every channel got exactly one digest and the ledger says posted for each; each run in a fresh
store, and the median time over the runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.fake_api import FakeApi
from bench.synth import article, world
from bot.config import Secret, Settings
from bot.digest.runner import Runner
from bot.digest.scheduler import DigestScheduler
from bot.slack.app import once_client
from storage import Store

DUE = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def fan_out(channels: int, workers: int) -> dict:
    """One fan-out in a fresh store: the time until all are posted, and what each got."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "fanout.db")
        w = world()
        for n in range(200):
            ex = article(w, n)
            store.save_article(ex, source=ex.source, content_hash=f"h{n}")
        names = [f"C{i:05d}" for i in range(channels)]
        for channel in names:
            store.digests.subscribe(
                channel, schedule="daily", at="08:00", zone="UTC", now="2026-01-01T00:00:00.000000Z"
            )

        fake = FakeApi(per_channel_interval=1.0)
        client = once_client(Settings(bot_token=Secret("xoxb-bench"), api_url=f"{fake.url}/api/"))
        scheduler = DigestScheduler(Runner(store, client, clock=lambda: DUE.replace(second=1)))
        start = time.perf_counter()
        with ThreadPoolExecutor(workers) as pool:
            outcomes = list(pool.map(scheduler.fire, names))
        elapsed = time.perf_counter() - start
        fake.close()

        statuses: dict = {}
        for o in outcomes:
            statuses[o.status if o else None] = statuses.get(o.status if o else None, 0) + 1
        runs = store.query("SELECT status, count(*) AS n FROM digest_runs GROUP BY status")
        store.close()
        return {
            "elapsed": elapsed,
            "rejected": fake.rejected,
            "statuses": statuses,
            "ledger": {r["status"]: r["n"] for r in runs},
            "once": sum(1 for c in names if fake.posts.get(c) == 1),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results = []
    for run in range(args.runs):
        r = fan_out(args.channels, args.workers)
        results.append(r)
        print(
            f"run {run + 1}: {args.channels} channels due at once, {args.workers} workers: all done in"
            f" {r['elapsed']:.2f} s ({args.channels / r['elapsed']:.0f} digests/s); 429s from the per-channel"
            f" limit: {r['rejected']}; outcomes {r['statuses']}; ledger {r['ledger']};"
            f" channels with exactly one digest: {r['once']} of {args.channels}",
            flush=True,
        )
    median = statistics.median(r["elapsed"] for r in results)
    everyone = all(r["once"] == args.channels for r in results)
    print(
        f"median over {args.runs} runs: all {args.channels} posted in {median:.2f} s;"
        f" every channel exactly one digest in every run: {'yes' if everyone else 'NO'}"
    )
    return 0 if everyone else 1


if __name__ == "__main__":
    sys.exit(main())
