"""`newsbot ingest` of the same files into SQLite and into PostgreSQL, in turn: articles/s.

    .venv/bin/python bench/ingest_pg_bench.py --pg DIR [--articles 2000] [--runs 4]

The files are ``ingest_bench.py``'s (the 200 BBC articles of ../shared, each copied with its
headline numbered). Each run ingests them with ``newsbot --db STORE ingest FOLDER`` into a new
SQLite file and into a new PostgreSQL database (the benchmarks' server, ``bench/pg.py``: a
pgserver in the folder ``--pg``, on a Unix socket, without fsync), which goes first alternating
from run to run. Each command runs in a process of its own, as ``ingest_bench.py`` runs it
(wall time; its CPU and its workers'); PostgreSQL's own processes work beside it: their CPU
is read from ``/proc`` (the postmaster's, its children's alive and reaped) before and after.
Prints each run, then the medians (lowest-highest).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
warnings.simplefilter("ignore")  # pgserver's platformdirs, when XDG_RUNTIME_DIR is unset

from bench.ingest_bench import ROOT, articles, measured, spread  # noqa: E402
from bench.pg import database, server  # noqa: E402


def server_cpu(folder: str) -> float:
    """CPU seconds the PostgreSQL server in ``folder`` has used so far: the postmaster's own and
    its reaped children's (the backends of connections closed), and its live children's."""
    tick = os.sysconf("SC_CLK_TCK")
    postmaster = int((Path(folder) / "data" / "postmaster.pid").read_text().split()[0])

    def stat(pid: int) -> list[str]:
        text = Path(f"/proc/{pid}/stat").read_text()
        return text[text.rindex(")") + 2 :].split()  # fields from the third (state) on

    mine = stat(postmaster)
    total = sum(int(v) for v in mine[11:15])  # utime, stime, cutime, cstime
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != postmaster:
            try:
                fields = stat(int(entry.name))
            except OSError:
                continue
            if int(fields[1]) == postmaster:  # a backend or helper of this server
                total += int(fields[11]) + int(fields[12])
    return total / tick


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", required=True, help="the folder of the benchmarks' PostgreSQL server (bench/pg.py)")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=4)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ingest-pg-bench-"))
    folder = work / "articles"
    files = articles(args.articles, folder)
    pg = server(args.pg)
    print(f"{len(files)} articles; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}", flush=True)
    seconds: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
    for run in range(args.runs):
        order = ("sqlite", "postgresql") if run % 2 == 0 else ("postgresql", "sqlite")
        line = []
        for kind in order:
            if kind == "sqlite":
                for leftover in work.glob("ingest.db*"):
                    leftover.unlink()
                store = str(work / "ingest.db")
            else:
                store = database(pg, "ingest_bench", fresh=True)
            before = server_cpu(args.pg)
            found = measured(ROOT, ["--db", store, "ingest", str(folder)])
            server_used = server_cpu(args.pg) - before
            if found["code"] not in (0, None):
                raise SystemExit(f"newsbot ingest into {kind} exited with {found['code']}")
            seconds[kind].append(found["seconds"])
            line.append(
                f"{kind} {found['seconds']:.2f} s ({len(files) / found['seconds']:.0f}/s, CPU {found['cpu']:.2f} s,"
                f" workers {found['children_cpu']:.2f} s"
                + (f", PostgreSQL's processes {server_used:.2f} s)" if kind == "postgresql" else ")")
            )
        print(f"run {run + 1}: {'; '.join(line)}; load {os.getloadavg()[0]:.1f}", flush=True)
    rates = {k: [len(files) / s for s in v] for k, v in seconds.items()}
    ratio = [p / s for p, s in zip(seconds["postgresql"], seconds["sqlite"], strict=True)]
    print(
        f"\nmedians over {args.runs} runs (lowest-highest): SQLite {spread(rates['sqlite'], '.0f')} articles/s,"
        f" PostgreSQL {spread(rates['postgresql'], '.0f')} articles/s;"
        f" PostgreSQL's time / SQLite's {spread(ratio, '.2f')}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
