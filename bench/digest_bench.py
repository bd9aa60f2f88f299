"""Digest fan-out: 1,000 subscribed channels due at the same minute.

    .venv/bin/python bench/digest_bench.py [--channels 1000] [--workers 10]

A store of generated articles, N subscriptions at 08:00 UTC, and a local fake Web API that
enforces Slack's per-channel limit (one message a second per channel; more gets 429 with
Retry-After). The due jobs are fired the way APScheduler's default pool does (10 worker
threads). Prints the time until all are posted, posts per second, 429s seen, and checks that
every channel got exactly one digest and the ledger says posted for each.
"""

from __future__ import annotations

import argparse
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
from bot.slack.app import web_client
from storage import Store
from storage import digests as ledger

DUE = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=10)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp()) / "fanout.db"
    store = Store(path)
    w = world()
    for n in range(200):
        ex = article(w, n)
        store.save_article(ex, source=ex.source, content_hash=f"h{n}")
    channels = [f"C{i:05d}" for i in range(args.channels)]
    for channel in channels:
        ledger.subscribe(store, channel, schedule="daily", at="08:00", zone="UTC", now="2026-01-01T00:00:00.000000Z")

    fake = FakeApi(per_channel_interval=1.0)
    client = web_client(Settings(bot_token=Secret("xoxb-bench"), api_url=f"{fake.url}/api/"))
    scheduler = DigestScheduler(Runner(store, client, clock=lambda: DUE.replace(second=1)))
    start = time.perf_counter()
    with ThreadPoolExecutor(args.workers) as pool:
        outcomes = list(pool.map(scheduler.fire, channels))
    elapsed = time.perf_counter() - start
    fake.close()

    statuses = {}
    for o in outcomes:
        statuses[o.status if o else None] = statuses.get(o.status if o else None, 0) + 1
    runs = store.query("SELECT status, count(*) AS n FROM digest_runs GROUP BY status")
    once = sum(1 for c in channels if fake.posts.get(c) == 1)
    print(f"{args.channels} channels due at once, {args.workers} workers: all done in {elapsed:.2f} s")
    print(f"  {args.channels / elapsed:.0f} digests/s, 429s from the per-channel limit: {fake.rejected}")
    ledger_counts = {r["status"]: r["n"] for r in runs}
    print(f"  outcomes: {statuses}; ledger: {ledger_counts}")
    print(f"  channels with exactly one digest: {once} of {args.channels}")
    return 0 if once == args.channels else 1


if __name__ == "__main__":
    sys.exit(main())
