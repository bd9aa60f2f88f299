"""What every listener shares: answering safely, and reporting Slack errors."""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_sdk.errors import SlackApiError

from bot.slack.render import apology

log = logging.getLogger("bot.slack")


def describe(error: Exception) -> str:
    """``chat.postMessage: channel_not_found`` (never the token or the request)."""
    if isinstance(error, SlackApiError):
        response = error.response
        method = (getattr(response, "api_url", "") or "").rstrip("/").rsplit("/", 1)[-1] or "?"
        return f"{method}: {response.get('error', 'unknown_error')}"
    return type(error).__name__


def _delivered(result: object, what: str) -> bool:
    """A response_url post answers with a status instead of raising: check it."""
    status = getattr(result, "status_code", 200)
    if status != 200:
        log.error("response_url refused the answer to %s (HTTP %s)", what, status)
        return False
    return True


def answer_safely(compute: Callable[[], dict], deliver: Callable[[dict], object], *, what: str) -> None:
    """Compute an answer and deliver it; on failure, log it and deliver an apology instead.

    Slack's rate limits (429) are retried by the client's retry handler before we get here.
    """
    try:
        payload, failed = compute(), False
    except Exception:
        log.exception("failed to answer %s", what)
        payload, failed = apology(), True
    try:
        if _delivered(deliver(payload), what) or failed:
            return
    except SlackApiError as error:
        log.error("Slack refused the answer to %s (%s)", what, describe(error))
    except Exception as error:
        log.error("could not deliver the answer to %s (%s)", what, describe(error))
    if failed:
        return
    try:
        _delivered(deliver(apology()), what)
    except Exception as error:
        log.error("could not apologise for %s (%s)", what, describe(error))
