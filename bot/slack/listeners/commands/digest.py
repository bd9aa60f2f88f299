"""`/digest`: subscribe the channel to a daily digest, and manage it (see ``bot.digest.commands``)."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from bot.answers import Answers
from bot.slack.listeners.common import answer_safely, describe
from bot.slack.render import escape, render

log = logging.getLogger("bot.slack")


def _user_zone(client, user: str | None) -> str | None:
    """The user's Slack time zone (``users.info``), the default for a new subscription."""
    if not user:
        return None
    try:
        return (client.users_info(user=user).get("user") or {}).get("tz")
    except SlackApiError as error:
        log.warning("could not read the time zone of a user (%s)", describe(error))
        return None


def register(app, answers: Answers, digests=None) -> None:
    @app.command("/digest")
    def digest_command(ack, command, respond, client):
        ack()
        text = (command.get("text") or "").strip()
        if digests is None:  # no scheduler in this process: say how to use the command
            respond(response_type="ephemeral", **render(answers.command("digest", text)))
            return

        def compute() -> dict:
            words = text.split()
            needs_zone = len(words) == 2 and words[0].casefold() in {"daily", "weekdays"}
            zone = _user_zone(client, command.get("user_id")) if needs_zone else None
            reply = digests.handle(text, channel=command["channel_id"], user=command.get("user_id"), user_zone=zone)
            body = escape(reply.text)
            return {"text": body, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": body[:3000]}}]}

        answer_safely(compute, lambda payload: respond(response_type="ephemeral", **payload), what="/digest")
