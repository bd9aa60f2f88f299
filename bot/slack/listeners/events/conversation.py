"""Answering a message in a conversation: in a thread under a mention, or in the DM."""

from __future__ import annotations

import re

from bot.answers import Answers
from bot.slack.dedupe import Seen
from bot.slack.listeners.common import answer_safely
from bot.slack.render import render

_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")


def question_of(text: str, bot_user_id: str | None) -> str:
    """The question without the bot's own mention (other text stays as the user typed it)."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    return " ".join(text.split())


def reply(event: dict, client, answers: Answers, seen: Seen, *, bot_user_id: str | None, in_thread: bool) -> None:
    """Answer ``event`` once, however many times and under whichever event types it arrives."""
    channel, ts = event.get("channel"), event.get("ts")
    if not channel or not ts or not seen.first_time(f"msg:{channel}:{ts}"):
        return
    question = question_of(event.get("text") or "", bot_user_id)
    thread_ts = event.get("thread_ts") or ts if in_thread else event.get("thread_ts")

    def post(payload: dict):
        kwargs = {"thread_ts": thread_ts} if thread_ts else {}
        return client.chat_postMessage(channel=channel, unfurl_links=False, unfurl_media=False, **payload, **kwargs)

    answer_safely(lambda: render(answers.ask(question)), post, what="a message")


def mentions_bot(text: str, bot_user_id: str | None) -> bool:
    return bool(bot_user_id) and any(m.group(0).startswith(f"<@{bot_user_id}") for m in _MENTION.finditer(text))
