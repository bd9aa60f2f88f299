"""`/digest`: its usage, until scheduled digests are available."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack.render import render


def register(app, answers: Answers) -> None:
    @app.command("/digest")
    def digest_command(ack, command, respond):
        ack()
        respond(response_type="ephemeral", **render(answers.command("digest", command.get("text") or "")))
