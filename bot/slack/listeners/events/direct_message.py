"""A direct message to the bot: answered in the DM. Other messages are ignored."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack.dedupe import Seen
from bot.slack.listeners.events.conversation import mentions_bot, reply


def register(app, answers: Answers, seen: Seen) -> None:
    @app.event("message")
    def message(event, client, context):
        # the bot's own messages, edits, deletions, joins and other subtypes are not questions
        if event.get("subtype") or event.get("bot_id") or event.get("user") == context.bot_user_id:
            return
        if event.get("channel_type") != "im":
            return  # in channels the bot answers mentions only (see app_mention)
        if mentions_bot(event.get("text") or "", context.bot_user_id) and not seen.first_time(
            f"msg:{event.get('channel')}:{event.get('ts')}"
        ):
            return
        reply(event, client, answers, seen, bot_user_id=context.bot_user_id, in_thread=False)
