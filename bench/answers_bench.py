"""Answer latency in process, next to the bare FTS5 query each answer rests on.

    .venv/bin/python bench/answers_bench.py /tmp/nb-1k.db /tmp/nb-10k.db /tmp/nb-100k.db

For each store: a mix of /brief, /quotes and /rivals (popular and rare companies, people,
roles, topics, typos) and plain-English questions through ``Answers``, timed one by one after
a warm-up; then ``SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid
DESC LIMIT 5`` (the form the answers' searches take) for the same words. Prints p50/p95/p99
in milliseconds and their ratio.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synth import TOPICS, world
from bot.answers import Answers
from storage import Store, match_expression


def queries(seed: int = 1, n: int = 400) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    w = world()
    popular, rare = w.companies[:10], w.companies[150:]
    out = []
    for _ in range(n):
        company = rng.choice(popular if rng.random() < 0.6 else rare)
        person = rng.choice(w.people)
        kind = rng.randrange(7)
        out.append(
            [
                ("rivals", company),
                ("quotes", person[0]),
                ("quotes", f"{person[2]} CEO"),
                ("brief", rng.choice(TOPICS)),
                ("brief", company),
                ("ask", f"who competes with {company}?"),
                ("ask", f"what did {person[0].split()[-1]} say?"),
            ][kind]
        )
    return out


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return q[49], q[94], q[98]


def bench(path: str) -> None:
    store = Store(path)
    answers = Answers(store)
    mix = queries()
    for name, text in mix[:50]:  # warm-up: caches, the name index
        answers.ask(text) if name == "ask" else answers.command(name, text)
    timings = []
    for name, text in mix:
        start = time.perf_counter()
        answers.ask(text) if name == "ask" else answers.command(name, text)
        timings.append((time.perf_counter() - start) * 1000)
    fts = []
    for _name, text in mix:
        expr = match_expression(text)
        start = time.perf_counter()
        store.conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 5", (expr,)
        ).fetchall()
        fts.append((time.perf_counter() - start) * 1000)
    a, f = percentiles(timings), percentiles(fts)
    print(
        f"{store.article_count():>9} articles  answers p50 {a[0]:6.2f}  p95 {a[1]:6.2f}  p99 {a[2]:6.2f} ms"
        f"  | bare FTS5 p50 {f[0]:6.2f}  p95 {f[1]:6.2f}  p99 {f[2]:6.2f} ms  | p99 ratio {a[2] / f[2]:.1f}x"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="+")
    args = parser.parse_args()
    for path in args.stores:
        bench(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
