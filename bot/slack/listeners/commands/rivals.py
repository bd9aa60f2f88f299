"""`/rivals`: see ``bot.answers.Answers.rivals``."""

from __future__ import annotations

from bot.answers import Answers
from bot.slack.listeners.commands.answer import command_listener
from bot.slack.pages import Stash


def register(app, answers: Answers, stash: Stash) -> None:
    app.command("/rivals")(command_listener("rivals", answers, stash))
