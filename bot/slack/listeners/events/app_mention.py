"""@newsbot in a channel: answered in a thread under the mention."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack.dedupe import Seen
from bot.slack.listeners.events.conversation import is_question, reply_later
from bot.slack.pages import Stash
from bot.slack.work import Work


def register(app, answers: Answers, seen: Seen, stash: Stash, work: Work, *, zones=None) -> None:
    @app.event("app_mention")
    def app_mention(event, client, context):
        if is_question(event, context.bot_user_id):
            reply_later(work, event, client, context, answers, seen, stash, in_thread=True, zones=zones)
