"""`/brief`: see ``bot.answers.Answers.brief``."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack.listeners.commands.answer import command_listener
from bot.slack.pages import Stash


def register(app, answers: Answers, stash: Stash, news=None) -> None:
    app.command("/brief")(command_listener("brief", answers, stash, news))
