"""Ingestion end to end next to extraction alone, on the same files: time, CPU, bytes written.

    .venv/bin/python bench/ingest_bench.py [--articles 2000] [--runs 5] [--into STORE] [--tree PATH]

The articles are the 200 BBC articles of ../shared/corpus/bbc-tech (read, never copied into the
project), each written out ``--articles / 200`` times under /tmp with its headline numbered, so
that every file is a distinct article (another content hash) that extraction reads as it reads
the original. Each run times, one after the other (which goes first alternates from run to
run, so that the machine's drift falls on both alike):

- ``newsbot extract --json FILE...`` on every file, its output thrown away: extraction alone,
  in one process, as the command does it;
- ``newsbot --db STORE ingest FOLDER``: the same files read, extracted and stored, into a new
  store, or into a copy of ``--into`` (a store made by ``build_store.py``: the copy is made
  before the clock starts).

Each command runs as ``python -c`` in a process of its own (from ``--tree``: another checkout,
to measure the code before a change with the same benchmark), which reports, after the command
has returned and closed its store, its own ``/proc/self/io`` ``write_bytes`` (bytes sent to the
file system, temporary files, the write-ahead log and its checkpoints included; a page counted
when it turns dirty, so a page written again before the system writes it out counts once) and its
``wchar`` (every byte handed to ``write()``: what it asked to be written), its CPU time
and its peak resident memory (the mapped store's pages count in it), and those of every process
it started (the fork server and the workers, reaped by it as their subreaper). The time is
wall-clock, from the process's start to the command's return (its store closed): what its user
waits for. The benchmark's own wait after it, until the fork server and its resource tracker
have stopped and been reaped (their CPU counted; ``newsbot ingest``'s fork server stops by
itself once the command has exited, and its user does not wait for that), is printed apart, as
"to exit". The CPU says how much of the time the other processes on a shared machine took. The
store's growth is its file's size after the command minus before (the write-ahead log is
checkpointed and removed when the command closes the store). The full-text indexes' segments are
counted after each ingest (the structure record FTS5 keeps: ``*_data`` id 10), since a search
reads every segment.

The tree's modules are compiled to bytecode first (``bytecode.py``), as an installed newsbot
has them; ``--source`` leaves them as they are (with ``PYTHONDONTWRITEBYTECODE`` set, each
process then compiles every module it imports).

Prints each run and the medians (with the lowest and highest) over the runs: seconds, articles
per second, ingest time / extraction time, written bytes / store growth.

On a shared machine, ``nice -n -20`` alone does not give it the processors (the kernel shares
them between sessions first): run it in a session of its own whose group is at -20,
``setsid -w bash -c 'echo -20 > /proc/self/autogroup && exec nice -n -20 .venv/bin/python bench/ingest_bench.py'``
(bench/README.md, issue 21).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bytecode import compile_tree  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-tech" / "articles"

# run in the measured process: the command, then what it wrote and the CPU it used, as JSON
# on the descriptor BENCH_REPORT_FD names
CHILD = """
import ctypes, json, os, resource, sys, time
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER: its workers' processes are reaped here
from bot.cli import main
code = main(sys.argv[1:])
returned = time.time()  # the command done, its store closed: what its user waits for
io = dict(line.split(": ") for line in open("/proc/self/io").read().splitlines())
from multiprocessing import forkserver, resource_tracker
for helper in (forkserver._forkserver, resource_tracker._resource_tracker):
    try:  # the fork server the worker pool started (and through it the workers), its resource tracker
        helper._stop()
    except Exception:
        pass
deadline = time.monotonic() + 30
while time.monotonic() < deadline:  # every process it started, reaped here: their CPU counts too
    try:
        if os.waitpid(-1, os.WNOHANG) == (0, 0):
            time.sleep(0.01)
    except ChildProcessError:
        break
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
with os.fdopen(int(os.environ["BENCH_REPORT_FD"]), "w") as out:
    json.dump({"code": code, "returned": returned, "write_bytes": int(io["write_bytes"]), "wchar": int(io["wchar"]),
               "cpu": me.ru_utime + me.ru_stime, "sys": me.ru_stime,
               "children_cpu": kids.ru_utime + kids.ru_stime,
               "peak_mb": me.ru_maxrss / 1024, "children_peak_mb": kids.ru_maxrss / 1024}, out)
"""


def articles(n: int, folder: Path) -> list[Path]:
    """``n`` article files: the corpus's articles, each copy's headline numbered."""
    originals = sorted(CORPUS.glob("*.txt"))
    if not originals:
        raise SystemExit(f"no articles in {CORPUS}")
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        copy, original = divmod(i, len(originals))
        headline, _, rest = originals[original].read_text(encoding="utf-8").partition("\n")
        path = folder / f"{copy:03d}-{originals[original].name}"
        path.write_text(f"{headline} ({copy + 1})\n{rest}", encoding="utf-8")
        files.append(path)
    return files


def measured(tree: Path, argv: list[str]) -> dict:
    """Run ``newsbot ARGV`` (from ``tree``) in a process of its own: wall time, what it reports."""
    read, write = os.pipe()
    start, started = time.perf_counter(), time.time()
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD, *argv],
        cwd=tree,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        pass_fds=(write,),
        env={**os.environ, "BENCH_REPORT_FD": str(write)},
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        report = pipe.read()
    _pid, status = os.waitpid(process.pid, 0)
    elapsed = time.perf_counter() - start
    errors = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if not report:
        raise RuntimeError(f"newsbot {argv[:3]} failed (status {status}): {errors[-2000:]}")
    found = json.loads(report)
    found["seconds"] = found["returned"] - started
    found["to_exit"] = elapsed
    return found


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """SQLite's variable-length integer (as FTS5 writes it) at ``at``: (value, next position)."""
    value = 0
    for i in range(8):
        byte = data[at + i]
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, at + i + 1
    return (value << 8) | data[at + 8], at + 9


def segments(db: Path, table: str) -> int:
    """How many segments the FTS5 index ``table`` is made of (its structure record, id 10)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = conn.execute(f"SELECT block FROM {table}_data WHERE id = 10").fetchone()
    finally:
        conn.close()
    if row is None:
        return 0
    data = row[0]
    at = 4  # the cookie
    if data[4:8] == b"\xff\x00\x00\x01":  # the second version of the record (SQLite 3.43 on)
        at = 8
    _levels, at = _varint(data, at)
    count, _at = _varint(data, at)
    return count


def one_run(tree: Path, files: list[Path], folder: Path, into: str | None, work: Path, extract_first: bool) -> dict:
    db = work / "ingest.db"
    for leftover in work.glob("ingest.db*"):
        leftover.unlink()
    if into:
        shutil.copyfile(into, db)
        os.sync()  # the copy's own writes are not the ingest's
    before = db.stat().st_size if db.exists() else 0
    runs = {}
    order = ("extract", "ingest") if extract_first else ("ingest", "extract")
    for what in order:
        if what == "extract":
            runs[what] = measured(tree, ["extract", "--json", *map(str, files)])
        else:
            runs[what] = measured(tree, ["--db", str(db), "ingest", str(folder)])
    after = db.stat().st_size
    wal = sum(p.stat().st_size for p in work.glob("ingest.db-wal"))
    stored = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    count = stored.execute("SELECT count(*) FROM articles").fetchone()[0]
    stored.close()
    return {
        **runs,
        "growth": after + wal - before,
        "articles": count,
        "segments": {t: segments(db, t) for t in ("articles_fts", "quotes_fts")},
    }


def spread(values: list[float], fmt: str) -> str:
    return f"{format(statistics.median(values), fmt)} ({format(min(values), fmt)}-{format(max(values), fmt)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--into", help="a store to ingest into (copied for each run); default: a new store")
    parser.add_argument("--tree", default=str(ROOT), help="the checkout whose newsbot runs (default: this one)")
    parser.add_argument("--work", default=None, help="where the articles and stores go (default: a new folder)")
    parser.add_argument("--source", action="store_true", help="do not compile the tree's modules to bytecode first")
    args = parser.parse_args()
    tree = Path(args.tree).resolve()
    if not args.source:
        compile_tree(tree)
    work = Path(args.work or tempfile.mkdtemp(prefix="ingest-bench-"))
    folder = work / "articles"
    if folder.exists():
        shutil.rmtree(folder)
    files = articles(args.articles, folder)
    print(
        f"{len(files)} articles, {tree}; into {args.into or 'a new store'}; {os.cpu_count()} CPUs,"
        f" load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    results = []
    for run in range(args.runs):
        r = one_run(tree, files, folder, args.into, work, extract_first=run % 2 == 0)
        results.append(r)
        ex, ing = r["extract"], r["ingest"]
        print(
            f"run {run + 1}: extract {ex['seconds']:.2f} s ({len(files) / ex['seconds']:.0f}/s, CPU {ex['cpu']:.2f} s);"
            f" ingest {ing['seconds']:.2f} s ({len(files) / ing['seconds']:.0f}/s, CPU {ing['cpu']:.2f} s"
            f" of which system {ing['sys']:.2f} s, workers {ing['children_cpu']:.2f} s):"
            f" {ing['seconds'] / ex['seconds']:.3f}x extraction"
            f" (to exit {ing['to_exit']:.2f} s and {ex['to_exit']:.2f} s: {ing['to_exit'] / ex['to_exit']:.3f}x);"
            f" wrote {ing['write_bytes'] / 1e6:.0f} MB for {r['growth'] / 1e6:.1f} MB of growth"
            f" ({ing['write_bytes'] / max(1, r['growth']):.1f}x; handed to write() {ing['wchar'] / 1e6:.0f} MB);"
            f" {r['articles']} articles stored;"
            f" segments {r['segments']}; peak memory {ing['peak_mb']:.0f} MB"
            f" (a worker's {ing['children_peak_mb']:.0f} MB);"
            f" exit {ing['code']}; load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    ratio = [r["ingest"]["seconds"] / r["extract"]["seconds"] for r in results]
    to_exit = [r["ingest"]["to_exit"] / r["extract"]["to_exit"] for r in results]
    written = [r["ingest"]["write_bytes"] / max(1, r["growth"]) for r in results]
    extract = [r["extract"]["seconds"] for r in results]
    ingest = [r["ingest"]["seconds"] for r in results]
    print(
        f"\nmedians over {args.runs} runs (lowest-highest): extract {spread(extract, '.2f')} s,"
        f" ingest {spread(ingest, '.2f')} s;"
        f" ingest / extract {spread(ratio, '.3f')}x (to exit {spread(to_exit, '.3f')}x);"
        f" written / growth {spread(written, '.1f')}x"
        f" ({spread([r['ingest']['write_bytes'] / 1e6 for r in results], '.0f')} MB for"
        f" {spread([r['growth'] / 1e6 for r in results], '.1f')} MB;"
        f" handed to write() {spread([r['ingest']['wchar'] / 1e6 for r in results], '.0f')} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
