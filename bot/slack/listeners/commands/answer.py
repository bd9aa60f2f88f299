"""A slash command answered from the store (/quotes, and /brief and /rivals once their own verbs are
set aside)."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack import incoming
from bot.slack.listeners.common import (
    READING,
    SLOW_BUSY,
    answer_payload,
    answer_safely,
    for_workspace,
    hand_off,
    responder,
)
from bot.slack.pages import Question, Stash
from bot.slack.render import plain
from bot.slack.work import Work

ADD_USAGE = "Usage: /brief add URL (a web page with a news story; it is stored and cited)"


def command_listener(name: str, answers: Answers, stash: Stash, work: Work, news=None, *, zones=None):
    """A listener for ``/name``: acknowledged at once, on the thread that received it, then
    answered through the command's response_url from ``work.answers``: ephemeral, with "Share
    in channel", and "Show more" when there is more.

    With ``news`` (a ``bot.fetch.news.News``), ``/brief add URL`` adds an article from the web,
    on ``work.slow``. ``zones`` (``bot.slack.zones.Zones``): the asker's time zone, for the
    times in a question.
    """

    def listener(ack, command, client=None, context=None):
        text = incoming.text(command.get("text"))
        response_url = command.get("response_url")

        def deliver(payload: dict):
            return responder(response_url)(response_type="ephemeral", **payload)

        verb, _, rest = text.partition(" ")
        url = rest.strip()
        if news is not None and name == "brief" and verb.casefold() == "add":
            # with many workspaces, the article is the asking workspace's own
            team = context.get("workspace") if context is not None else None

            def add() -> None:
                answer_safely(
                    lambda: plain(news.add_url(url, team=team)[1] if url else ADD_USAGE), deliver, what="/brief add"
                )

            if url:
                hand_off(ack, work.slow, add, what="/brief add", busy=SLOW_BUSY, note=READING, quick=0)
            else:
                hand_off(ack, work.answers, add, what="/brief add")
            return
        question = Question(name, text, answers.limit)
        zone = zones.lazy(command.get("user_id"), client) if zones is not None else None
        scoped, scoped_stash = for_workspace(context, answers, stash)

        def answer() -> None:
            answer_safely(
                lambda: answer_payload(scoped, scoped_stash, question, share=True, zone=zone), deliver, what=f"/{name}"
            )

        hand_off(ack, work.answers, answer, what=f"/{name}")

    listener.__name__ = f"{name}_command"
    return listener
