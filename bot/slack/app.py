"""The Bolt app: a Web API client that retries, the listeners, and event de-duplication."""

from __future__ import annotations

import logging

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.answers import Answers
from bot.config import Settings
from bot.slack.dedupe import Seen
from bot.slack.listeners import register_listeners

log = logging.getLogger("bot.slack")


def web_client(settings: Settings) -> WebClient:
    """A client for ``SLACK_API_URL`` that waits out 429s (``Retry-After``) and retries dropped connections."""
    return WebClient(
        token=settings.bot_token.reveal() or None,
        base_url=settings.api_url,
        timeout=10,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=3), ConnectionErrorRetryHandler(max_retry_count=2)],
    )


def create_app(
    settings: Settings, answers: Answers, *, client: WebClient | None = None, digests=None, news=None
) -> App:
    client = client or web_client(settings)
    app = App(
        token=client.token,
        client=client,
        signing_secret=settings.signing_secret.reveal(),
        token_verification_enabled=False,  # no auth.test at start-up: it runs on the first request instead
        logger=logging.getLogger("bot.slack.bolt"),
    )
    seen = Seen()

    @app.middleware
    def once_per_event(body, next):
        """A retried delivery of an event already handled is acknowledged and dropped."""
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if event_id and not seen.first_time(f"event:{event_id}"):
            return BoltResponse(status=200, body="")
        return next()

    register_listeners(app, answers, seen=seen, digests=digests, news=news)
    return app
