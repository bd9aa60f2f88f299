"""Answer latency in process, next to the bare queries each answer rests on, in the same run.

    .venv/bin/python bench/answers_bench.py /tmp/nb-100k.db [/tmp/nb-1m.db ...] [--runs 5]

For each store, each run asks a fresh mix of distinct, real questions (``bench/questions.py``):
1,170, of seven kinds: /brief on topics and on companies, /quotes of people and of roles
(``Acme CEO``), /rivals, and plain-English questions ("who competes with X?", "what did Y
say?"), through ``Answers`` (the answers layer alone). No question is asked twice in a run
(nor one company under /rivals and "who competes", nor one person under /quotes and "what did
Y say"): each first ask finds in SQLite's cache only what other questions left there. Each run
opens the store anew (a new connection, its cache empty; the name index built before the
clock starts). The runs draw from the same pools of names, another sample in another order
each, so the operating system may still hold pages an earlier run read, as it would for a bot
that has been answering for a while. Answers are asked as a server asks them
(``bot/app.py``): what answers compile on first use made beforehand (``bot.answers.prepare``),
what the process made before serving frozen, the garbage collection CPython would make run
between answers, outside the clock (``bot.slack.collector``), and no statement traced while
the answer is timed (its statements are learnt from a second, untimed ask); ``--as-before``
leaves these out, as the benchmark did until the sixth session.

Every SQL statement an answer issues is recorded (sqlite3's trace callback). Right after each
answer, the bare FTS5 queries it issued (``SELECT rowid FROM ..._fts WHERE ... MATCH ? ORDER
BY rowid DESC LIMIT ?``: the search, and the capped count for a brief's total) are run again
alone, with the same expressions and limits, as ``SELECT count(*) FROM (...)`` so that no
row is even handed to Python: that is the FTS5 work the answer rests on.
Answers that issue no FTS5 query (/rivals, a person's quotes) rest on index look-ups: for
them, and for every answer, the statements it issued are also replayed bare ("all its SQL"),
so the ratio shows what the answers layer adds to the store's own time.

The first ask of each question is the answer's latency ("answer"): the store's pages it reads
for the first time are part of it. The replays come after it and find those pages in memory,
so the ratios compare them with the same question asked once more ("again"), under the same
conditions: what the answers layer adds, not what reading the disk costs.

Prints, per kind and overall, p50/p95/p99 in milliseconds: the median over the runs of each
run's percentile.
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.questions import draw
from bot.answers import Answers, prepare
from bot.slack import collector
from storage import Store

# questions of each kind per run (the pools allow 150 companies under each of the two kinds that
# read a company's pairs, 138 people under each of the two that read a person's quotes)
KINDS = {
    "/rivals": 150,
    "who competes": 150,
    "/quotes person": 135,
    "what did X say": 135,
    "/quotes role": 200,
    "/brief topic": 200,
    "/brief company": 200,
}
RUN = sum(KINDS.values())

FTS = re.compile(r"SELECT rowid FROM (\w+_fts) WHERE \1 MATCH '((?:[^']|'')*)'( ORDER BY rowid DESC)? LIMIT (\d+)")


def queries(seed: int = 1) -> list[tuple[str, str, str]]:
    """``(kind, command or "ask", text)``: a run's distinct questions."""
    return draw(KINDS, seed)


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    if len(samples) < 2:
        return (samples * 3 or [float("nan")] * 3)[0], samples[0] if samples else float("nan"), float("nan")
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return q[49], q[94], q[98]


CLOCK = time.perf_counter  # --clock cpu: time.thread_time, this thread's CPU time
AS_SERVED = True  # --as-before: False (no prepare, collections wherever CPython makes them)


def _timed(fn) -> float:
    start = CLOCK()
    fn()
    return (CLOCK() - start) * 1000


def one_run(store: Store, answers: Answers, mix) -> dict[str, dict[str, list[float]]]:
    """{kind: {"answer": [...], "again": [...], "fts": [...], "sql": [...]}} for one pass over
    ``mix`` ("again": the same answer right after the replays, with what they found in memory)."""
    conn = store.conn
    issued: list[str] = []
    out: dict[str, dict[str, list[float]]] = {}

    def answer(command: str, text: str):
        return answers.ask(text) if command == "ask" else answers.command(command, text)

    for kind, command, text in mix:
        issued.clear()
        if AS_SERVED:
            # the first ask untraced (a server traces nothing: SQLite expanding each statement's
            # text costs a tenth of an answer), then the same question again to learn its SQL
            took = _timed(lambda: answer(command, text))  # noqa: B023
            conn.set_trace_callback(issued.append)
            answer(command, text)
        else:
            conn.set_trace_callback(issued.append)
            took = _timed(lambda: answer(command, text))  # noqa: B023
        conn.set_trace_callback(None)
        statements = [s for s in issued if not s.startswith(("BEGIN", "COMMIT", "PRAGMA"))]
        bare_fts = []
        for sql in statements:
            for table, expr, order, limit in FTS.findall(sql):
                bare_fts.append(
                    (
                        f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH ?{order} LIMIT ?)",
                        (expr.replace("''", "'"), int(limit)),
                    )
                )
        fts = _timed(lambda: [conn.execute(q, p).fetchall() for q, p in bare_fts]) if bare_fts else None  # noqa: B023
        sql = _timed(lambda: [conn.execute(s).fetchall() for s in statements])  # noqa: B023
        again = _timed(lambda: answer(command, text))  # noqa: B023
        if AS_SERVED:
            collector.collect_if_due()
        times = out.setdefault(kind, {"answer": [], "again": [], "fts": [], "sql": []})
        times["answer"].append(took)
        times["again"].append(again)
        times["sql"].append(sql)
        if fts is not None:
            times["fts"].append(fts)
    return out


def bench(path: str, runs: int, team: str | None = None) -> None:
    per_run = []
    for run in range(runs):
        store = Store(path)
        answers = Answers(store).for_team(team)
        answers.names.lookup("Anyone")  # the name index, built before the clock starts
        gc.collect()
        if AS_SERVED:
            prepare()
            collector.settle()
        mix = queries(seed=run + 1)
        assert len({(command, text) for _kind, command, text in mix}) == len(mix) == RUN
        per_run.append(one_run(store, answers, mix))
        gc.unfreeze()
        count = store.article_count()
        store.close()
    kinds = sorted({k for r in per_run for k in r})

    def med(pick) -> tuple[float, float, float]:
        """The median over runs of each percentile of the samples ``pick`` takes from a run."""
        ps = [percentiles(xs) for xs in (pick(r) for r in per_run) if xs]
        return tuple(statistics.median(p[i] for p in ps) for i in range(3)) if ps else (float("nan"),) * 3

    def row(label: str, a, g, f, s) -> str:
        cell = lambda p: f"{p[0]:6.2f} {p[1]:6.2f} {p[2]:6.2f}"  # noqa: E731
        ratio = lambda x, y: f"{x[2] / y[2]:5.1f}x" if y[2] == y[2] else "    -"  # noqa: E731
        fts = cell(f) if f[2] == f[2] else f"{'(none)':>20}"
        return f"  {label:16} {cell(a)} | {g[2]:6.2f} | {fts} {ratio(g, f)} | {cell(s)} {ratio(g, s)}"

    clock = "CPU time" if CLOCK is time.thread_time else "wall-clock"
    asked = f", asked as workspace {team}" if team else ""
    print(f"{count} articles ({path}){asked}, {runs} runs of {RUN} distinct questions; {clock} ms, medians over runs")
    head = f"  {'':16} {'answer p50 p95 p99':>20} | {'again':>6} | {'bare FTS5 p50 p95 p99':>20} {'p99 x':>6}"
    print(f"{head} | {'all its SQL p50 p95 p99':>20} {'p99 x':>6}")
    for kind in kinds:
        print(
            row(
                kind,
                med(lambda r: r.get(kind, {}).get("answer", [])),  # noqa: B023
                med(lambda r: r.get(kind, {}).get("again", [])),  # noqa: B023
                med(lambda r: r.get(kind, {}).get("fts", [])),  # noqa: B023
                med(lambda r: r.get(kind, {}).get("sql", [])),  # noqa: B023
            )
        )
    everything = lambda r, key: [x for k in r.values() for x in k[key]]  # noqa: E731
    with_fts = lambda r, key: [x for k in r.values() if k["fts"] for x in k[key]]  # noqa: E731
    print(
        row(
            "all answers",
            med(lambda r: everything(r, "answer")),
            med(lambda r: everything(r, "again")),
            (float("nan"),) * 3,
            med(lambda r: everything(r, "sql")),
        )
    )
    print(
        row(
            "answers on FTS5",
            med(lambda r: [x for k in r.values() if len(k["fts"]) == len(k["answer"]) for x in k["answer"]]),
            med(lambda r: [x for k in r.values() if len(k["fts"]) == len(k["answer"]) for x in k["again"]]),
            med(lambda r: [x for k in r.values() if len(k["fts"]) == len(k["answer"]) for x in k["fts"]]),
            med(lambda r: with_fts(r, "sql")),
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="+")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--clock",
        choices=["wall", "cpu"],
        default="wall",
        help="wall: elapsed time (the figure); cpu: this thread's CPU time, which other processes"
        " on a busy machine do not inflate (for comparisons while the machine is shared)",
    )
    parser.add_argument(
        "--team",
        help="answer as this workspace reads the store (many workspaces: the articles other workspaces"
        " added left out); by default as the single-workspace mode does",
    )
    parser.add_argument(
        "--as-before",
        action="store_true",
        help="without what a server does before and between answers (bot.answers.prepare, the"
        " frozen start-up, collections after answers): as the benchmark ran until the sixth session",
    )
    args = parser.parse_args()
    global CLOCK, AS_SERVED
    CLOCK = time.thread_time if args.clock == "cpu" else time.perf_counter
    AS_SERVED = not args.as_before
    for path in args.stores:
        bench(path, args.runs, args.team)
    return 0


if __name__ == "__main__":
    sys.exit(main())
