"""Finding a message of ours in a channel by its metadata, after a post whose answer was lost
(``conversations.history`` with ``include_all_metadata``): was it posted, and as which ``ts``.
Digests and follows, which each post once, read it before posting again."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from slack_sdk.errors import SlackApiError

log = logging.getLogger("bot.slack")

MARGIN = timedelta(minutes=10)  # read from this long before the first attempt
PAGES = 40


def find_posted(
    client, channel: str, *, event_type: str, ours: Callable[[dict], bool], since: datetime
) -> tuple[bool, str | None]:
    """(checked, ts): whether the channel could be read back to ``since``, and the ``ts`` of a
    message whose metadata is ``event_type`` and whose payload ``ours`` accepts (``None``: none)."""
    oldest = since - MARGIN
    cursor = None
    for _page in range(PAGES):
        try:
            response = client.conversations_history(
                channel=channel, oldest=f"{oldest.timestamp():.6f}", include_all_metadata=True, limit=100, cursor=cursor
            )
        except (SlackApiError, OSError) as error:
            code = error.response.get("error") if isinstance(error, SlackApiError) else type(error).__name__
            log.warning("could not check %s for an earlier post (%s)", channel, code)
            return False, None
        for message in response.get("messages") or []:
            meta = message.get("metadata") or {}
            if meta.get("event_type") == event_type and ours(meta.get("event_payload") or {}):
                return True, message.get("ts")
        cursor = (response.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return True, None
    log.warning("could not check %s for an earlier post: more than %d pages of history", channel, PAGES)
    return False, None
