"""An article's sentences (the most rows an article brings) written the way ``Store._save`` writes
them (``executemany`` of one prepared statement) against sqlite-utils' ``insert_all`` of the same
rows, into a fresh store each (its indexes and triggers), one call an article, one transaction
for all: what keeping hand-written inserts on the ingestion path is worth.

    python -m bench.sqlite_utils_bench [ARTICLES]   (default 2,000)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench import synth
from storage import Store


def rows_of(articles):
    """Each article's sentence rows, as ``_save`` writes them."""
    out = []
    for n, ex in enumerate(articles, start=1):
        order = sorted(ex.sentences, key=lambda s: (-s.score, s.index))
        rank = {id(s): place for place, s in enumerate(order, start=1)}
        out.append(
            [(n, s.index, s.paragraph, s.text, s.score, rank[id(s)]) for s in ex.sentences],
        )
    return out


COLUMNS = ("article_id", "idx", "paragraph", "text", "score", "rank")
SQL = "INSERT INTO sentences (article_id, idx, paragraph, text, score, rank) VALUES (?, ?, ?, ?, ?, ?)"


def fresh(folder: Path, name: str, count: int) -> Store:
    store = Store(folder / f"{name}.db")
    with store.transaction() as conn:  # the articles the sentences belong to
        conn.executemany(
            "INSERT INTO articles (id, source, content_hash, title, body, ingested_at) VALUES (?, ?, ?, 't', 'b', ?)",
            [(n, f"s{n}", f"h{n}", "2026-12-06T00:00:00Z") for n in range(1, count + 1)],
        )
    return store


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    w = synth.world()
    per_article = rows_of([synth.article(w, n) for n in range(count)])
    total = sum(len(rows) for rows in per_article)
    results = {}
    for way in ("executemany", "insert_all"):
        best = None
        for run in range(3):
            with tempfile.TemporaryDirectory() as folder:
                store = fresh(Path(folder), f"{way}{run}", count)
                db = store.db
                table = db["sentences"]
                started = time.perf_counter()
                with store.transaction() as conn:
                    for rows in per_article:  # one call an article, as ingestion makes it
                        if way == "executemany":
                            conn.executemany(SQL, rows)
                        else:
                            table.insert_all((dict(zip(COLUMNS, r, strict=True)) for r in rows), batch_size=100)
                took = time.perf_counter() - started
                best = took if best is None else min(best, took)
                store.close()
        results[way] = best
        print(
            f"{way:12} {count:,} articles, {total:,} sentences: {best * 1000:.0f} ms (best of 3),"
            f" {best / count * 1e6:.0f} us an article"
        )
    print(f"insert_all / executemany: {results['insert_all'] / results['executemany']:.1f}x")


if __name__ == "__main__":
    main()
