"""`/quotes`: see ``bot.answers.Answers.quotes``."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack.listeners.commands.answer import command_listener
from bot.slack.pages import Stash
from bot.slack.work import Work


def register(app, answers: Answers, stash: Stash, work: Work, *, zones=None) -> None:
    app.command("/quotes")(command_listener("quotes", answers, stash, work, zones=zones))
