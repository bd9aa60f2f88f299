"""Every listener, registered by kind (commands, events, actions)."""

from bot.slack.dedupe import Seen
from bot.slack.listeners import actions, commands, events


def register_listeners(app, answers, *, seen: Seen | None = None, digests=None) -> None:
    """``digests`` (a ``bot.digest.commands.DigestCommands``) enables /digest; without it, /digest gives its usage."""
    seen = seen or Seen()
    commands.register(app, answers, digests)
    events.register(app, answers, seen)
    actions.register(app, answers)
