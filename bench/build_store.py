"""Build a store of N generated articles through the real write path, and time it.

    .venv/bin/python bench/build_store.py 100000 --db /tmp/nb-100k.db [--batch 500]
    .venv/bin/python bench/build_store.py 100000 --pg /tmp/nb-pg --db newsbot100k

With ``--pg FOLDER``, ``--db`` names a database of the PostgreSQL server kept in FOLDER
(``bench/pg.py``): the same articles through ``PostgresStore.save_articles``.

The articles come from ``bench/synth.py`` as extractions (the extraction step is not run: it
is measured by ``extract_bench.py``) and go through ``Store.save_articles``: the same
statements and triggers as ``save_article``, with ``--batch`` articles per transaction
(``--batch 1`` is ``save_article``, one transaction per article, as ``newsbot ingest`` does).
Prints articles per second and database bytes per article. Adds to an existing store (the
articles are numbered, so a larger store reuses a smaller one's first articles), then merges
its search indexes as ``newsbot ingest`` does after a bulk load (``Store.optimize_search``),
timed apart.
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
from storage import open_store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int)
    parser.add_argument("--db", required=True)
    parser.add_argument("--batch", type=int, default=500, help="articles per transaction (1: save_article)")
    parser.add_argument("--pg", metavar="FOLDER", help="--db is a database of the PostgreSQL server kept here")
    args = parser.parse_args()
    server = None
    if args.pg:
        from bench.pg import database
        from bench.pg import server as pg_server

        server = pg_server(args.pg)
        args.db = database(server, args.db)
    store = open_store(args.db)
    have = store.article_count()
    w = world()
    start = time.perf_counter()
    n = have
    while n < args.articles:
        batch = []
        for i in range(n, min(args.articles, n + args.batch)):
            ex = article(w, i)
            digest = hashlib.sha256(ex.body.encode() + str(i).encode()).hexdigest()
            batch.append((ex, {"source": ex.source, "content_hash": digest}))
        if args.batch == 1:
            store.save_article(batch[0][0], **batch[0][1])
        else:
            store.save_articles(batch)
        before, n = n, n + len(batch)
        if n // 50_000 != before // 50_000:
            rate = (n - have) / (time.perf_counter() - start)
            print(f"  {n} articles ({rate:.0f}/s)...", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - start
    added = args.articles - have
    merging = time.perf_counter()
    store.optimize_search()  # as newsbot ingest does after a bulk load
    merged = time.perf_counter() - merging
    if server is None:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = os.path.getsize(args.db)
    else:
        size = store.value("SELECT pg_database_size(current_database())")
    if added > 0:
        print(
            f"added {added} articles in {elapsed:.1f} s: {added / elapsed:.0f} articles/s"
            f" ({args.batch} per transaction)"
        )
    count = store.article_count()
    print(f"search indexes merged in {merged:.1f} s" if server is None else f"VACUUM ANALYZE in {merged:.1f} s")
    print(f"{count} articles, {size / 1e6:.1f} MB, {size / max(1, count):.0f} bytes/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
