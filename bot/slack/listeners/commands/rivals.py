"""`/rivals`: see ``bot.answers.Answers.rivals``."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack.listeners.commands.answer import command_listener
from bot.slack.pages import Stash
from bot.slack.work import Work


def register(app, answers: Answers, stash: Stash, work: Work) -> None:
    app.command("/rivals")(command_listener("rivals", answers, stash, work))
