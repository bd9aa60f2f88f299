"""Every listener, registered by kind (commands, events, actions)."""

from bot.slack.dedupe import Seen
from bot.slack.listeners import actions, commands, events


def register_listeners(app, answers, *, seen: Seen | None = None, digests=None, news=None) -> None:
    """``digests`` (``bot.digest.commands.DigestCommands``) enables /digest, ``news``
    (``bot.fetch.news.News``) /brief add and /digest feeds; without them they give their usage."""
    seen = seen or Seen()
    commands.register(app, answers, digests, news)
    events.register(app, answers, seen)
    actions.register(app, answers)
