"""The slash commands that answer from the store: /brief, /quotes, /rivals."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack import incoming
from bot.slack.listeners.common import answer_payload, answer_safely, responder
from bot.slack.pages import Question, Stash
from bot.slack.render import plain


def command_listener(name: str, answers: Answers, stash: Stash, news=None):
    """A listener for ``/name``: acknowledge at once (Bolt answers Slack's request as soon as
    ``ack`` is called, and runs the rest on a worker thread), then answer through the command's
    response_url: ephemeral, with "Share in channel", and "Show more" when there is more.

    With ``news`` (a ``bot.fetch.news.News``), ``/brief add URL`` adds an article from the web.
    """

    def listener(ack, command):
        ack()
        text = incoming.text(command.get("text"))
        respond = responder(command.get("response_url"))

        def deliver(payload: dict):
            return respond(response_type="ephemeral", **payload)

        verb, _, rest = text.partition(" ")
        if news is not None and name == "brief" and verb.casefold() == "add":
            url = rest.strip()
            if not url:
                deliver(plain("Usage: /brief add URL (a web page with a news story; it is stored and cited)"))
                return
            answer_safely(lambda: plain(news.add_url(url)[1]), deliver, what="/brief add")
            return
        question = Question(name, text, answers.limit)
        answer_safely(lambda: answer_payload(answers, stash, question, share=True), deliver, what=f"/{name}")

    listener.__name__ = f"{name}_command"
    return listener
