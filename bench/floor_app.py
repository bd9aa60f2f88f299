"""The floor for the HTTP benchmark: the same server stack and Bolt, answering a constant.

python bench/floor_app.py PORT   (SLACK_* variables as for newsbot run --http)

The same ``serve`` (uvicorn, Starlette, Bolt's adapter), the same Web API client, a Bolt app
built as ``bot.slack.app.create_app`` builds it (no token check at start, the same logger),
the same commands and message listener: each acknowledges, then answers a constant through
response_url or chat.postMessage. What newsbot adds (reading the store, rendering the answer,
its middleware and other listeners) is what the benchmark's ratio shows.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from slack_bolt import App

from bot.config import Settings
from bot.slack.app import BOLT_LOGGER, settle_log_levels, web_client
from bot.slack.server import serve


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
    )
    answer = {"text": "constant", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "constant"}}]}

    for name in ("/brief", "/quotes", "/rivals"):

        @app.command(name)
        def constant(ack, respond):
            ack()
            respond(response_type="ephemeral", **answer)

    @app.event("message")
    def message(event, client):
        client.chat_postMessage(channel=event["channel"], **answer)

    serve(app, host="127.0.0.1", port=int(sys.argv[1]), signing_secret=settings.signing_secret.reveal())
    return 0


if __name__ == "__main__":
    sys.exit(main())
