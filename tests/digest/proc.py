"""One bot process for the multi-process tests: a digest scheduler on a database, at a given time.

    python -m tests.digest.proc --db FILE --api URL --now ISO [--fire CHANNEL...] [--ready FILE --go FILE]
                                [--hang-at STEP --marker FILE] [--pause-at STEP --marker FILE --resume FILE]

It fires the jobs of the ``--fire`` channels (as APScheduler would at their minute: their
runs queued together, then the queue drained), then ticks once (as at start), and prints the
outcomes as JSON. ``--ready``/``--go``: say it is ready, then wait for the start line, so racing
processes start together. ``--hang-at``: at that step of a run, write ``--marker`` and hang, for
the test to kill it there (SIGKILL). ``--pause-at``: at that step, write ``--marker`` and go on
once ``--resume`` exists (the test freezes it there with SIGSTOP). It logs to stderr as ``newsbot`` does.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from datetime import datetime
from pathlib import Path

from bot.config import Secret, Settings
from bot.digest.runner import Runner
from bot.digest.scheduler import DigestScheduler
from bot.slack.app import once_client
from storage import open_store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--api", required=True)
    parser.add_argument("--now", required=True)
    parser.add_argument("--fire", nargs="*", default=[])
    parser.add_argument("--ready")
    parser.add_argument("--go")
    parser.add_argument("--hang-at")
    parser.add_argument("--marker")
    parser.add_argument("--pause-at")
    parser.add_argument("--resume")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    now = datetime.fromisoformat(args.now)

    def hook(step: str) -> None:
        if step == args.hang_at:
            Path(args.marker).write_text(step)
            while True:  # killed here
                time.sleep(60)
        if step == args.pause_at:
            Path(args.marker).write_text(step)
            while not Path(args.resume).exists():
                time.sleep(0.001)

    client = once_client(Settings(bot_token=Secret("xoxb-proc"), api_url=args.api))
    scheduler = DigestScheduler(Runner(open_store(args.db), client, clock=lambda: now, hook=hook))
    if args.ready:
        Path(args.ready).write_text("ready")
        while not Path(args.go).exists():  # the start line
            time.sleep(0.001)
    if args.fire:  # what the jobs of these channels do at their minute: queued together, then posted
        scheduler.queue_due(set(args.fire))
    outcomes = scheduler.drain() + scheduler.tick()
    print(json.dumps({"worker": scheduler.runner.worker, "outcomes": [o.status if o else None for o in outcomes]}))


if __name__ == "__main__":
    main()
