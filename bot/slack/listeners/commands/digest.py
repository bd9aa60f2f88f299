"""`/digest`: subscribe the channel to a daily digest, and manage it (see ``bot.digest.commands``)."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from bot.answers import Answers
from bot.slack import incoming
from bot.slack.listeners.common import answer_safely, describe, responder
from bot.slack.render import plain, render

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
    except OSError as error:  # a timeout or a dropped connection, after the client's own retries
        log.warning("could not read the time zone of a user (users.info: %s)", type(error).__name__)
        return None


def register(app, answers: Answers, digests=None, news=None) -> None:
    """``digests`` runs the schedule commands and ``news`` the ``feeds`` ones; a process
    without them answers with the usage."""

    @app.command("/digest")
    def digest_command(ack, command, client):
        ack()
        respond = responder(command.get("response_url"))
        text = incoming.text(command.get("text"))
        words = text.split()
        is_feeds = bool(words) and words[0].casefold() == "feeds"

        def deliver(payload: dict):
            return respond(response_type="ephemeral", **payload)

        if (digests if not is_feeds else news) is None:
            answer_safely(lambda: render(answers.command("digest", text)), deliver, what="/digest")
            return

        def compute() -> dict:
            if is_feeds:
                return plain(news.command(" ".join(words[1:]), user=command.get("user_id")))
            needs_zone = len(words) == 2 and words[0].casefold() in {"daily", "weekdays"}
            zone = _user_zone(client, command.get("user_id")) if needs_zone else None
            reply = digests.handle(text, channel=command["channel_id"], user=command.get("user_id"), user_zone=zone)
            return plain(reply.text)

        answer_safely(compute, deliver, what="/digest")
