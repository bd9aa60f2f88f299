"""One bot process for the multi-process follow tests: a follow worker's pass on a database.

    python -m tests.follows.proc --db FILE --api URL --now ISO [--ready FILE --go FILE]
                                 [--hang-at STEP --marker FILE]

``--hang-at``: at that step, write ``--marker`` and hang, for the test to kill it (SIGKILL).
Prints the outcomes as JSON."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from datetime import datetime
from pathlib import Path

from bot.config import Secret, Settings
from bot.follows.worker import FollowWorker
from bot.slack.app import once_client
from storage import open_store


def main() -> None:
    parser = argparse.ArgumentParser()
    for name in ("--db", "--api", "--now"):
        parser.add_argument(name, required=True)
    for name in ("--ready", "--go", "--hang-at", "--marker"):
        parser.add_argument(name)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    now = datetime.fromisoformat(args.now)

    def hook(step: str) -> None:
        if step == args.hang_at:
            Path(args.marker).write_text(step)
            while True:  # killed here
                time.sleep(60)

    client = once_client(Settings(bot_token=Secret("xoxb-proc"), api_url=args.api))
    worker = FollowWorker(open_store(args.db), client, clock=lambda: now, hook=hook, pace=0.0)
    if args.ready:
        Path(args.ready).write_text("ready")
        while not Path(args.go).exists():
            time.sleep(0.001)
    outcomes = worker.run_once()
    found = [[o.channel, o.status, o.articles, o.detail] for o in outcomes]
    print(json.dumps({"worker": worker.worker, "outcomes": found}))


if __name__ == "__main__":
    main()
