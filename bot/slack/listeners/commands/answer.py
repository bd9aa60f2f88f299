"""The slash commands that answer from the store: /brief, /quotes, /rivals."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack.listeners.common import answer_safely
from bot.slack.render import plain, render


def command_listener(name: str, answers: Answers, news=None):
    """A listener for ``/name``: acknowledge at once, then answer ephemerally with a share button.

    With ``news`` (a ``bot.fetch.news.News``), ``/brief add URL`` adds an article from the web.
    """

    def listener(ack, command, respond):
        ack()
        text = (command.get("text") or "").strip()
        if news is not None and name == "brief" and text.casefold().startswith("add "):
            answer_safely(
                lambda: plain(news.add_url(text[4:].strip())[1]),
                lambda payload: respond(response_type="ephemeral", **payload),
                what="/brief add",
            )
            return
        answer_safely(
            lambda: render(answers.command(name, text), share=(name, text)),
            lambda payload: respond(response_type="ephemeral", **payload),
            what=f"/{name}",
        )

    listener.__name__ = f"{name}_command"
    return listener
