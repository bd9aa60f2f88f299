"""@newsbot in a channel: answered in a thread under the mention."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack.dedupe import Seen
from bot.slack.listeners.events.conversation import reply


def register(app, answers: Answers, seen: Seen) -> None:
    @app.event("app_mention")
    def app_mention(event, client, context):
        if event.get("subtype") or event.get("bot_id"):
            return
        reply(event, client, answers, seen, bot_user_id=context.bot_user_id, in_thread=True)
