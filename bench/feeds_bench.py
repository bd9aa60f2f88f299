"""Polling a local feed of 500 entries: time, entries stored, duplicates refused, and a second
poll answered 304 Not Modified.

    .venv/bin/python bench/feeds_bench.py [--entries 500] [--latency MS] [--serial] [--repeat N]
                                          [--profile]

The feed and its pages are generated here and served on 127.0.0.1. Of the entries, one in ten
repeats an earlier entry's GUID and one in ten links an earlier story under another URL.
``--latency`` makes each page answer that much later, as a distant site would; ``--serial``
fetches one page at a time (no fetching ahead), to compare; ``--profile`` prints where the
first poll's time goes (cProfile, by cumulative time). Wall and CPU time are the best of
``--repeat`` polls, each into a new store.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.fetch import feeds
from bot.fetch.addresses import Policy
from storage import Store


def serve(entries: int, latency: float = 0.0):
    pages: dict[str, bytes] = {}
    items = []
    for n in range(entries):
        source = n
        if n % 10 == 9:  # the same story under another URL
            source = n - 2
        path = f"/story/{n}"
        body = (
            f"Firm{source} and Partner{source} Ltd agree a deal on chips ({source})",
            f"Firm{source} Inc said on Tuesday that it would work with Partner{source} Ltd on new chips for phones.",
            f'"This is a big step for both of us and for our customers," said Ann Smith{source}, chief executive.',
        )
        pages[path] = (
            f"<html><head><title>{body[0]}</title></head><body><article><h1>{body[0]}</h1>"
            f"<p>{body[1]}</p><p>{body[2]}</p></article></body></html>"
        ).encode()
        guid = f"g{n - 3 if n % 10 == 4 else n}"  # a GUID seen before
        items.append(f"<item><title>{n}</title><link>PLACEHOLDER{path}</link><guid>{guid}</guid></item>")
    state = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            if self.path == "/feed":
                if self.headers.get("If-None-Match") == '"v1"':
                    self.send_response(304)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = state["feed"]
                kind, extra = "application/rss+xml", {"ETag": '"v1"'}
            else:
                body, kind, extra = pages.get(self.path, b""), "text/html", {}
                time.sleep(latency)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind)
            for k, v in extra.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    state["feed"] = (
        (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>{"".join(items)}</channel></rss>')
        .replace("PLACEHOLDER", base)
        .encode()
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.0, help="milliseconds before each page answers")
    parser.add_argument("--serial", action="store_true", help="fetch one page at a time")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    if args.serial:
        feeds.AHEAD = 0
    import feedparser  # noqa: F401 - imported before timing, as in a running bot
    import trafilatura  # noqa: F401

    server, base = serve(args.entries, args.latency / 1000)
    policy = Policy(allow_loopback=True)
    best = None
    for _ in range(max(1, args.repeat)):
        store = Store(Path(tempfile.mkdtemp()) / "feeds.db")
        store.feeds.add(f"{base}/feed")
        profiler = cProfile.Profile() if args.profile else None
        wall, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        first = feeds.poll(store, store.feeds.get(f"{base}/feed"), policy)
        if profiler:
            profiler.disable()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if best is None or wall < best[0]:
            best = (wall, cpu, first, store, profiler)
    wall, cpu, first, store, profiler = best
    start = time.perf_counter()
    second = feeds.poll(store, store.feeds.get(f"{base}/feed"), policy)
    again = time.perf_counter() - start
    server.shutdown()
    mode = "one page at a time" if args.serial else f"{feeds.FETCHERS} pages at a time"
    print(
        f"first poll of {args.entries} entries ({mode}, pages answering after {args.latency:g} ms):"
        f" {wall:.2f} s wall, {cpu:.2f} s CPU ({args.entries / wall:.0f} entries/s; best of {args.repeat})"
    )
    print(f"  stored {first.stored}, duplicates refused {first.duplicates}, failed {len(first.failed)}")
    print(f"  articles in the store: {store.article_count()}")
    print(f"second poll: {'304 not modified' if second.not_modified else second.summary()} in {again * 1000:.1f} ms")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
