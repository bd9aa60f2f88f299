"""The floor for the HTTP benchmark: the same server stack and Bolt, answering a constant.

python bench/floor_app.py PORT   (SLACK_* variables as for newsbot run --http)

The same ``serve`` (uvicorn, the server's routes into Bolt), the same Web API client, a Bolt app
built as ``bot.slack.app.create_app`` builds it (no token check at start, the same logger,
listeners run before the response and hand their work on as newsbot's do), the same commands
and message listener: each answers a constant through response_url or chat.postMessage on a
pool of five threads, and acknowledges. What newsbot adds (reading the store, rendering the
answer, its middleware and other listeners) is what the benchmark's ratio shows.
"""

from __future__ import annotations

import logging
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from slack_bolt import App

from bot.config import Settings
from bot.slack.app import BOLT_LOGGER, settle_log_levels, web_client
from bot.slack.listeners.common import hand_off
from bot.slack.server import serve
from bot.slack.work import QUICK, submit


def main() -> int:
    settings = Settings.load(None)
    logging.basicConfig(level=getattr(logging, settings.log_level, logging.INFO))  # as newsbot's CLI does
    settle_log_levels()
    client = web_client(settings)
    app = App(
        client=client,
        signing_secret=settings.signing_secret.reveal(),
        token_verification_enabled=False,
        logger=logging.getLogger(BOLT_LOGGER),
        process_before_response=True,
    )
    answer = {"text": "constant", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "constant"}}]}
    pool = ThreadPoolExecutor(5, thread_name_prefix="listener")

    for name in ("/brief", "/quotes", "/rivals"):

        @app.command(name)
        def constant(ack, respond):
            hand_off(ack, pool, lambda: respond(response_type="ephemeral", **answer), what="a command")

    @app.event("message")
    def message(event, client):
        submit(pool, lambda: client.chat_postMessage(channel=event["channel"], **answer), quick=QUICK)

    serve(app, host="127.0.0.1", port=int(sys.argv[1]), signing_secret=settings.signing_secret.reveal())
    return 0


if __name__ == "__main__":
    sys.exit(main())
