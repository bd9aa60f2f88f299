"""A listener for every slash command in ``bot.answers.commands``: those with more to them than
an answer (/brief add and follow, /rivals map, /digest) have a module of their own; the rest
are answered as they are (see ``answer.command_listener``)."""

from bot.answers.commands import SLASH
from bot.slack.listeners.commands import brief, digest, rivals
from bot.slack.listeners.commands.answer import command_listener

OWN = {"brief", "rivals", "digest"}


def register(app, answers, stash, work, digests=None, news=None, follows=None, *, zones=None) -> None:
    brief.register(app, answers, stash, work, news, follows, zones=zones)
    rivals.register(app, answers, stash, work, zones=zones)
    digest.register(app, answers, work, digests, news, zones=zones)
    for command in SLASH:
        if command.name not in OWN:
            app.command(f"/{command.name}")(command_listener(command.name, answers, stash, work, zones=zones))
