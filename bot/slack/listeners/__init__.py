"""Every listener, registered by kind (commands, events, actions)."""

from bot.slack.dedupe import Seen
from bot.slack.listeners import actions, commands, events


def register_listeners(app, answers, *, seen: Seen | None = None) -> None:
    seen = seen or Seen()
    commands.register(app, answers)
    events.register(app, answers, seen)
    actions.register(app, answers)
