"""The slash commands that answer from the store: /brief, /quotes, /rivals."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack.listeners.common import answer_safely
from bot.slack.render import render


def command_listener(name: str, answers: Answers):
    """A listener for ``/name``: acknowledge at once, then answer ephemerally with a share button."""

    def listener(ack, command, respond):
        ack()
        text = (command.get("text") or "").strip()
        answer_safely(
            lambda: render(answers.command(name, text), share=(name, text)),
            lambda payload: respond(response_type="ephemeral", **payload),
            what=f"/{name}",
        )

    listener.__name__ = f"{name}_command"
    return listener
