"""Digests at scale: a later digest's content per channel, and 1,000 channels due at once, day
after day, on large stores.

    .venv/bin/python bench/digest_bench.py /tmp/nb-1000.db /tmp/nb-100000.db
        [--channels 1000] [--days 3] [--new 5] [--workers 10] [--content 200] [--repeat 5]

Each store (made by ``build_store.py``) is copied first (the copy is changed, the store not).

**Content per channel** (``--content`` channels): each channel's last digest is recorded as
posted up to a moment that leaves 1 to 9 articles stored since (the case where the content
query walked the whole recency index: fewer new articles than a digest shows), and the content
of its next digest (``bot.digest.content.build``) is built: the first time, then ``--repeat``
times more (hot). The stores are measured in turn, channel by channel, so that the machine's
drift falls on all alike, and the ratio of the largest store's median to the smallest's is
taken within the run.

**Fan-out**: ``--channels`` channels subscribed at 08:00 UTC, and ``--days`` days: each day
``--new`` new generated articles are stored (one transaction, as an ingest stores them; fewer
than a digest shows, the case where the content query walked the store), then
every channel's digest is fired at once, as APScheduler's pool fires due jobs (``--workers``
threads; the channels in another order each day), against a local fake Web API that holds each
channel to one message a second (a second message within the second gets 429 and
``Retry-After: 1``, which the digest's client waits out). The first day's digests are first
digests (the latest five); the later days' hold what was stored since. The days follow each
other at once, so a channel posted late one day and early the next meets the rate limit.
Prints each day's time until all are posted, 429s, the outcomes and the ledger, and checks
that every channel got exactly one digest for each day.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.fake_api import FakeApi
from bench.synth import article, world
from bot.config import Secret, Settings
from bot.digest import content
from bot.digest.runner import Runner
from bot.digest.scheduler import DigestScheduler
from bot.slack.app import once_client
from storage import Store

FIRST_DAY = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
CREATED = "2026-01-01T00:00:00.000000Z"


def copy_of(path: str, folder: Path) -> Path:
    target = folder / Path(path).name
    shutil.copyfile(path, target)
    return target


def add_articles(store: Store, count: int, w) -> None:
    """``count`` generated articles after those stored, in one transaction."""
    first = store.article_count()
    batch = []
    for n in range(first, first + count):
        ex = article(w, n)
        digest = hashlib.sha256(ex.body.encode() + str(n).encode()).hexdigest()
        batch.append((ex, {"source": ex.source, "content_hash": digest}))
    store.save_articles(batch)


def posted_up_to(store: Store, channel: str, until: str) -> None:
    """Record the channel's last digest as posted, covering what was stored up to ``until``."""
    now = "2026-05-31T08:00:00.000000Z"
    run = store.digests.claim(channel, "2026-05-31", worker="bench", lease="bench", now=now, dead_before=now)
    store.digests.finish(run["id"], "bench", "posted", now=now, ts="1.0", articles=1, until=until)


def content_per_channel(stores: list[Path], channels: int, repeat: int) -> dict[Path, dict]:
    """First and hot times (ms) of a later digest's content, channel by channel, stores in turn."""
    rng = random.Random(5)
    opened = {path: Store(path) for path in stores}
    setups = {}
    for path, store in opened.items():
        # the moment stored of the articles at the end of the store, newest last
        marks = [
            row[0] for row in store.conn.execute("SELECT ingested_at FROM articles ORDER BY ingested_at DESC LIMIT 10")
        ][::-1]
        new = [rng.randint(1, 9) for _ in range(channels)]
        for i in range(channels):
            posted_up_to(store, f"C{i:05d}", marks[-new[i] - 1])
        setups[path] = new
    times = {path: {"first": [], "hot": [], "items": []} for path in stores}
    for i in range(channels):
        channel = f"C{i:05d}"
        for path, store in opened.items():
            start = time.perf_counter()
            digest = content.build(store, channel)
            times[path]["first"].append((time.perf_counter() - start) * 1000)
            hot = []
            for _ in range(repeat):
                start = time.perf_counter()
                content.build(store, channel)
                hot.append((time.perf_counter() - start) * 1000)
            times[path]["hot"].append(statistics.median(hot))
            times[path]["items"].append(len(digest.items))
            assert len(digest.items) == setups[path][i], (len(digest.items), setups[path][i])
    for store in opened.values():
        store.close()
    return times


def fan_out(path: Path, channels: int, days: int, new: int, workers: int) -> list[dict]:
    """``days`` days of ``channels`` digests due at once on the store at ``path``."""
    store = Store(path)
    w = world()
    names = [f"F{i:05d}" for i in range(channels)]
    for channel in names:
        store.digests.subscribe(channel, schedule="daily", at="08:00", zone="UTC", now=CREATED)
    fake = FakeApi(per_channel_interval=1.0)
    client = once_client(Settings(bot_token=Secret("xoxb-bench"), api_url=f"{fake.url}/api/"))
    results = []
    try:
        for day in range(days):
            due = FIRST_DAY + timedelta(days=day, seconds=1)
            add_articles(store, new, w)
            scheduler = DigestScheduler(Runner(store, client, clock=lambda due=due: due))
            order = names[:]
            random.Random(day).shuffle(order)
            rejected = fake.rejected
            start = time.perf_counter()
            with ThreadPoolExecutor(workers) as pool:
                outcomes = list(pool.map(scheduler.fire, order))
            elapsed = time.perf_counter() - start
            statuses: dict = {}
            for o in outcomes:
                key = o.status if o else None
                statuses[key] = statuses.get(key, 0) + 1
            period = due.strftime("%Y-%m-%d")
            ledger = store.query(
                "SELECT status, count(*) AS n FROM digest_runs WHERE period = ? GROUP BY status", (period,)
            )
            results.append(
                {
                    "day": day + 1,
                    "elapsed": elapsed,
                    "rejected": fake.rejected - rejected,
                    "statuses": statuses,
                    "ledger": {r["status"]: r["n"] for r in ledger},
                    "once": sum(1 for c in names if fake.periods.get((c, period)) == 1),
                    "articles": sum(o.articles for o in outcomes if o),
                }
            )
    finally:
        fake.close()
        store.close()
    return results


def spread(values: list[float], fmt: str = ".2f") -> str:
    return f"{format(statistics.median(values), fmt)} ({format(min(values), fmt)}-{format(max(values), fmt)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="+")
    parser.add_argument("--channels", type=int, default=1000)
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--new", type=int, default=5, help="articles stored before each day's digests")
    parser.add_argument("--workers", type=int, default=10)
    parser.add_argument("--content", type=int, default=200, help="channels whose content is timed")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", default=None, help="where the copies go (default: a new folder under /tmp)")
    args = parser.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="digest-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    ok = True
    copies = [copy_of(path, work) for path in args.stores]
    sizes = {copy: Store(copy).article_count() for copy in copies}
    if args.content:
        times = content_per_channel(copies, args.content, args.repeat)
        print(f"later digests' content, {args.content} channels with 1 to 9 new articles each (ms a channel):")
        for copy in copies:
            t = times[copy]
            print(
                f"  {sizes[copy]:>9,} articles: first {spread(t['first'])}, hot {spread(t['hot'])}"
                f" (median, lowest-highest over the channels)"
            )
        small, large = copies[0], copies[-1]
        print(
            f"  ratio {sizes[large]:,} / {sizes[small]:,} articles: first"
            f" {statistics.median(times[large]['first']) / statistics.median(times[small]['first']):.2f}x,"
            f" hot {statistics.median(times[large]['hot']) / statistics.median(times[small]['hot']):.2f}x",
            flush=True,
        )
    for copy in copies if args.channels else []:
        print(
            f"fan-out on {sizes[copy]:,} articles: {args.channels} channels, {args.days} days,"
            f" {args.new} new articles a day, {args.workers} threads:",
            flush=True,
        )
        days = fan_out(copy, args.channels, args.days, args.new, args.workers)
        for r in days:
            ok = ok and r["once"] == args.channels
            print(
                f"  day {r['day']}: all done in {r['elapsed']:.2f} s ({args.channels / r['elapsed']:.0f} digests/s);"
                f" 429s {r['rejected']}; outcomes {r['statuses']}; ledger {r['ledger']};"
                f" channels with exactly one digest that day: {r['once']} of {args.channels};"
                f" {r['articles']} articles posted",
                flush=True,
            )
        later = [r["elapsed"] for r in days[1:]]
        print(
            f"  all {args.days} days posted in {sum(r['elapsed'] for r in days):.2f} s;"
            f" later days {spread(later) if later else '-'} s each; 429s {sum(r['rejected'] for r in days)}"
        )
    print(f"every channel exactly one digest a day: {'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
