"""Build a store of N generated articles through the real write path, and time it.

    .venv/bin/python bench/build_store.py 100000 --db /tmp/newsbot-100k.db

Prints articles per second and database bytes per article. Adds to an existing store (the
articles are numbered, so a larger store reuses a smaller one's first articles).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synth import article, world
from storage import Store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int)
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    store = Store(args.db)
    have = store.article_count()
    w = world()
    start = time.perf_counter()
    for n in range(have, args.articles):
        ex = article(w, n)
        digest = hashlib.sha256(ex.body.encode() + str(n).encode()).hexdigest()
        store.save_article(ex, source=ex.source, content_hash=digest)
        if n and n % 50_000 == 0:
            print(f"  {n} articles...", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - start
    added = args.articles - have
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = os.path.getsize(args.db)
    if added:
        print(f"added {added} articles in {elapsed:.1f} s: {added / elapsed:.0f} articles/s")
    count = store.article_count()
    print(f"{count} articles, {size / 1e6:.1f} MB, {size / max(1, count):.0f} bytes/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
