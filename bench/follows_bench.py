"""Follows: 1,000 follows across 500 channels, 200 new articles from a poll, on a large store.

    .venv/bin/python bench/follows_bench.py /tmp/nb-100000.db [--runs 3]

Each run works on a copy of the store (made by ``build_store.py``): 500 channels follow two
companies each (drawn from the generated world, so most are named by some of the new
articles), then 200 new generated articles are stored one transaction each, as a feed poll
stores them, while a follow worker runs as ``newsbot run`` runs it (a pass a second, posts
through the once client) against a local fake Web API that holds each channel to one message a
second (429 with Retry-After: 1 otherwise). Prints the time from each article's storing to
its post's arrival at the fake (median, p99, over every (channel, article) posted), the posts
and 429s, and checks every (channel, article) the follows want arrived exactly once.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synth import article, world
from bot.config import Secret, Settings
from bot.follows import matching
from bot.follows.worker import FollowWorker
from bot.slack.app import once_client
from storage import Store, iso

NUMBER = re.compile(r"\((\d+)\)")


class Fake:
    """chat.postMessage at one message a second per channel; what each post held, and when."""

    def __init__(self):
        self.posts: list[tuple[float, str, list[int]]] = []
        self.rejected = 0
        self.last: dict[str, float] = {}
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                now = time.perf_counter()
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                status, answer = 200, {"ok": True, "messages": [], "response_metadata": {"next_cursor": ""}}
                if self.path.endswith("/chat.postMessage"):
                    body = json.loads(raw)
                    channel = body["channel"]
                    with fake.lock:
                        if now - fake.last.get(channel, -1e9) < 1.0:
                            status, answer = 429, {"ok": False, "error": "ratelimited"}
                            fake.rejected += 1
                        else:
                            fake.last[channel] = now
                            numbers = [
                                int(m.group(1))
                                for b in body["blocks"]
                                if b["type"] == "section"
                                for m in [NUMBER.search(b["text"]["text"].split("\n", 1)[0])]
                                if m
                            ]
                            fake.posts.append((now, channel, numbers))
                            answer = {"ok": True, "channel": channel, "ts": f"{time.time():.6f}"}
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                if status == 429:
                    self.send_header("Retry-After", "1")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/api/"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def one_run(source: str, channels: int, follows: int, articles: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:
        path = Path(folder) / "follows.db"
        shutil.copy(source, path)
        store = Store(path)
        w = world()
        first = store.article_count() + 1_000_000 * seed  # numbers no store built before holds
        companies = w.companies[:120]  # the popular ones: most new articles name two of them
        for i in range(follows):
            channel = f"C{i % channels:05d}"
            store.follows.add(channel, "company", companies[(i * 7 + i // channels) % len(companies)], now=iso_now())
        fake = Fake()
        client = once_client(Settings(bot_token=Secret("xoxb-bench"), api_url=fake.url))
        worker = FollowWorker(Store(path), client)
        worker.start()
        stored: dict[int, float] = {}
        ids: dict[int, int] = {}
        start = time.perf_counter()
        for n in range(first, first + articles):  # a poll: one transaction an article
            ex = article(w, n)
            result = store.save_article(ex, source=ex.source, content_hash=f"bench-{n}")
            stored[n] = time.perf_counter()
            ids[result.article_id] = n
        stored_in = time.perf_counter() - start
        # what the follows want, worked out apart from the worker
        arrived = store.follows.arrivals(0, store.follows.latest_seq(), stored_since="")
        arrived = [a for a in arrived if a["article_id"] in ids]
        plan = matching.plan(store, store.follows.every(), arrived)
        wanted = {(c, ids[a]) for (c, _team), items in plan.items() for a, _ in items}
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with fake.lock:
                got = {(c, n) for _t, c, numbers in fake.posts for n in numbers}
            if wanted <= got:
                break
            time.sleep(0.05)
        time.sleep(1.5)  # anything posted twice would come now
        worker.shutdown()
        fake.close()
        delivered = [(t, c, n) for t, c, numbers in fake.posts for n in numbers]
        seen: dict[tuple[str, int], int] = {}
        for _t, c, n in delivered:
            seen[(c, n)] = seen.get((c, n), 0) + 1
        latencies = [t - stored[n] for t, _c, n in delivered]
        store.close()
        return {
            "stored_in": stored_in,
            "wanted": len(wanted),
            "delivered": len(seen),
            "missing": len(wanted - set(seen)),
            "duplicates": sum(k - 1 for k in seen.values()),
            "posts": len(fake.posts),
            "rejected": fake.rejected,
            "median": statistics.median(latencies),
            "p99": percentile(latencies, 0.99),
            "max": max(latencies),
        }


def iso_now() -> str:
    from datetime import UTC, datetime

    return iso(datetime.now(UTC))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--channels", type=int, default=500)
    parser.add_argument("--follows", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results = []
    for run in range(args.runs):
        r = one_run(args.store, args.channels, args.follows, args.articles, run + 1)
        results.append(r)
        print(
            f"run {run + 1}: {args.articles} articles stored in {r['stored_in']:.2f} s; {r['wanted']} (channel,"
            f" article) wanted, {r['delivered']} delivered, {r['missing']} missing, {r['duplicates']} duplicates;"
            f" {r['posts']} posts, {r['rejected']} 429s; storing to post: median {r['median']:.2f} s,"
            f" p99 {r['p99']:.2f} s, max {r['max']:.2f} s",
            flush=True,
        )
    ok = all(r["missing"] == 0 and r["duplicates"] == 0 for r in results)
    print(
        f"median over {args.runs} runs: storing to post median {statistics.median(r['median'] for r in results):.2f} s,"
        f" p99 {statistics.median(r['p99'] for r in results):.2f} s; posts"
        f" {statistics.median(r['posts'] for r in results):.0f}; duplicates {sum(r['duplicates'] for r in results)};"
        f" every wanted (channel, article) posted once in every run: {'yes' if ok else 'NO'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
