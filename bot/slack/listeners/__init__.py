"""Every listener, registered by kind (commands, events, actions)."""

from bot.slack.dedupe import Seen
from bot.slack.listeners import actions, commands, events
from bot.slack.pages import Stash


def register_listeners(
    app, answers, *, seen: Seen | None = None, stash: Stash | None = None, digests=None, news=None, follows=None
) -> None:
    """``digests`` (``bot.digest.commands.DigestCommands``) enables /digest, ``news``
    (``bot.fetch.news.News``) /brief add and /digest feeds; without them they give their usage.
    ``follows`` (``bot.follows.commands.FollowCommands``) answers /brief follow (one is made).
    ``seen`` remembers answered events and messages, ``stash`` the answers behind buttons."""
    seen = seen or Seen()
    stash = stash or Stash()
    commands.register(app, answers, stash, digests, news, follows)
    events.register(app, answers, seen, stash)
    actions.register(app, answers, stash)
