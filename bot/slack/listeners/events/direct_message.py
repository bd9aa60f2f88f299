"""A direct message to the bot: answered in the DM. Other messages are ignored.

Slack never sends ``app_mention`` for a DM, so a DM that names the bot is answered here; a
mention that also arrives as a ``message`` (were the app subscribed to channel messages) is
answered once, by whichever listener sees it first (see ``conversation.reply``).
"""

from __future__ import annotations

from bot.answers import Answers
from bot.slack.dedupe import Seen
from bot.slack.listeners.events.conversation import is_question, reply_later
from bot.slack.pages import Stash
from bot.slack.work import Work


def register(app, answers: Answers, seen: Seen, stash: Stash, work: Work, *, zones=None) -> None:
    @app.event("message")
    def message(event, client, context):
        if event.get("channel_type") != "im" or not is_question(event, context.bot_user_id):
            return  # in channels the bot answers mentions only (see app_mention)
        reply_later(work, event, client, context, answers, seen, stash, in_thread=False, zones=zones)
