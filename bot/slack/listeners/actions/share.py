"""The "Share in channel" button: posts the same answer to the channel for everyone."""

from __future__ import annotations

import json

from bot.answers import Answers
from bot.slack.listeners.common import answer_safely
from bot.slack.render import SHARE_ACTION, render

COMMANDS = {"brief", "quotes", "rivals"}


def register(app, answers: Answers) -> None:
    @app.action(SHARE_ACTION)
    def share(ack, action, body, respond):
        ack()
        try:
            request = json.loads(action.get("value") or "{}")
            name, text = str(request.get("c", "")), str(request.get("t", ""))[:1000]
        except (ValueError, AttributeError):
            name, text = "", ""
        if name not in COMMANDS:
            respond(response_type="ephemeral", replace_original=False, text="That answer can no longer be shared.")
            return
        user = (body.get("user") or {}).get("id")
        answer_safely(
            lambda: render(answers.command(name, text), shared_by=user),
            lambda payload: respond(response_type="in_channel", replace_original=False, **payload),
            what=f"sharing /{name}",
        )
        respond(delete_original=True)
