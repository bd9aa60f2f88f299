"""Cold start to the first real answer, of several checkouts in turn, and what their imports cost.

    .venv/bin/python bench/cold_bench.py /tmp/nb-100k.db CHECKOUT [CHECKOUT...] [--rounds 10]

Starts ``newsbot run --http`` of each checkout on the store, one after the other, ``--rounds``
times (which goes first alternates), and times it as ``http_bench.py`` does: from process start
to the arrival at a fake Web API of the answer to ``/rivals`` of the most written-about company;
also the server's own CPU time to that answer (user + system, from /proc), which other
processes on a shared machine inflate less than the wall clock. Then ``import bot.app`` in each
checkout, in turn: its CPU time, and the sum of ``-X importtime``'s own times. Each checkout's
modules are compiled to bytecode first (``bytecode.py``) and run with this interpreter, from the
checkout's root (give ``git worktree add --detach /tmp/main-tree main`` to compare with main).
Prints each round and the medians.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bytecode import compile_tree  # noqa: E402
from bench.http_bench import Server, cpu_seconds  # noqa: E402

IMPORT = "import time; t = time.process_time(); import bot.app; print(time.process_time() - t)"


def cold(checkout: Path, store: str) -> tuple[float, float]:
    """Milliseconds to the first answer, and the server's CPU milliseconds to it."""
    os.chdir(checkout)
    server = Server([sys.executable, "-m", "bot.cli", "run", "--http", "--host", "127.0.0.1"], store, [])
    cpu = cpu_seconds(server.process.pid) * 1000
    server.stop(1)
    return server.cold_ms, cpu


def imports(checkout: Path) -> tuple[float, float]:
    """``import bot.app``'s CPU milliseconds, and the sum of ``-X importtime``'s own times."""
    cpu = float(subprocess.run([sys.executable, "-c", IMPORT], cwd=checkout, capture_output=True, text=True).stdout)
    err = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import bot.app"], cwd=checkout, capture_output=True, text=True
    ).stderr
    own = sum(int(m[1]) for m in re.finditer(r"import time:\s+(\d+) \|", err))
    return cpu * 1000, own / 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("checkouts", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    checkouts = [c.resolve() for c in args.checkouts]
    for checkout in checkouts:
        compile_tree(checkout)
    kinds = ("cold", "cpu", "import", "own")
    figures: dict[Path, dict[str, list[float]]] = {c: {k: [] for k in kinds} for c in checkouts}
    for r in range(args.rounds):
        for checkout in checkouts if r % 2 == 0 else checkouts[::-1]:
            wall, cpu = cold(checkout, args.store)
            figures[checkout]["cold"].append(wall)
            figures[checkout]["cpu"].append(cpu)
            time.sleep(0.2)
        for checkout in checkouts if r % 2 == 0 else checkouts[::-1]:
            cpu, own = imports(checkout)
            figures[checkout]["import"].append(cpu)
            figures[checkout]["own"].append(own)
        line = "  ".join(
            f"{c.name}: {f['cold'][-1]:.0f} ms (CPU {f['cpu'][-1]:.0f}),"
            f" import {f['import'][-1]:.0f}/{f['own'][-1]:.0f}"
            for c, f in figures.items()
        )
        print(f"round {r + 1} (load {os.getloadavg()[0]:.1f}): {line}", flush=True)
    print("medians (lowest-highest):")
    for checkout, f in figures.items():
        print(
            f"  {checkout}: cold start {statistics.median(f['cold']):.0f} ms"
            f" ({min(f['cold']):.0f}-{max(f['cold']):.0f}),"
            f" the server's CPU to its first answer {statistics.median(f['cpu']):.0f} ms;"
            f" import bot.app: CPU {statistics.median(f['import']):.0f} ms,"
            f" -X importtime own times {statistics.median(f['own']):.0f} ms",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
