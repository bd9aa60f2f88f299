"""Answering a message in a conversation: in a thread under a mention, or in the DM."""

from __future__ import annotations

import logging

from bot.answers import Answers
from bot.slack import incoming
from bot.slack.dedupe import Seen
from bot.slack.listeners.common import answer_payload, answer_safely, for_workspace
from bot.slack.pages import Question, Stash
from bot.slack.work import QUICK, Work, submit

log = logging.getLogger("bot.slack")


def question_of(text: str | None, bot_user_id: str | None) -> str:
    """The question as the user typed it, without the bot's own mention, on one line."""
    return " ".join(incoming.text(text, bot_user_id=bot_user_id).split())


def is_question(event: dict, bot_user_id: str | None) -> bool:
    """A person's new message: not the bot's own (nor another app's), not an edit, a deletion,
    a join or any other subtype."""
    return not (
        event.get("subtype")
        or event.get("bot_id")
        or event.get("app_id")
        or (bot_user_id and event.get("user") == bot_user_id)
        or not event.get("user")
    )


def reply(
    event: dict,
    client,
    answers: Answers,
    seen: Seen,
    stash: Stash,
    *,
    bot_user_id: str | None,
    in_thread: bool,
    zones=None,
) -> None:
    """Answer ``event`` once, however many times and under whichever event types it arrives:
    the key is the message itself (channel and ts), whatever the event's type or id."""
    channel, ts = event.get("channel"), event.get("ts")
    if not channel or not ts or not seen.first_time(f"msg:{channel}:{ts}"):
        return
    question = Question("ask", question_of(event.get("text"), bot_user_id), answers.limit)
    thread_ts = (event.get("thread_ts") or ts) if in_thread else event.get("thread_ts")

    def post(payload: dict):
        kwargs = {"thread_ts": thread_ts} if thread_ts else {}
        return client.chat_postMessage(channel=channel, unfurl_links=False, unfurl_media=False, **payload, **kwargs)

    zone = zones.lazy(event.get("user"), client) if zones is not None else None
    answer_safely(lambda: answer_payload(answers, stash, question, zone=zone), post, what="a message")


def reply_later(
    work: Work, event: dict, client, context, answers: Answers, seen: Seen, stash: Stash, *, in_thread: bool, zones=None
) -> None:
    """:func:`reply` on ``work.answers``, with the answers and saved pages of the event's
    workspace; Bolt acknowledges the event when this returns (its listeners run on the thread
    that received the request). A full pool drops it, with a warning."""
    scoped, scoped_stash = for_workspace(context, answers, stash)
    kwargs = {"bot_user_id": context.bot_user_id, "in_thread": in_thread, "zones": zones}
    if not submit(work.answers, lambda: reply(event, client, scoped, seen, scoped_stash, **kwargs), quick=QUICK):
        log.warning("too busy to answer a message: dropped")
