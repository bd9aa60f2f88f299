"""Every listener, registered by kind (commands, events, actions)."""

from bot.slack.dedupe import Seen
from bot.slack.listeners import actions, commands, events
from bot.slack.pages import Stash
from bot.slack.work import Work


def register_listeners(
    app,
    answers,
    *,
    work: Work | None = None,
    seen: Seen | None = None,
    stash: Stash | None = None,
    digests=None,
    news=None,
    follows=None,
) -> None:
    """``digests`` (``bot.digest.commands.DigestCommands``) enables /digest, ``news``
    (``bot.fetch.news.News``) /brief add and /digest feeds; without them they give their usage.
    ``follows`` (``bot.follows.commands.FollowCommands``) answers /brief follow (one is made).
    ``work`` holds the pools the listeners' work runs on once acknowledged, ``seen`` remembers
    answered events and messages, ``stash`` the answers behind buttons."""
    work = work or Work.default()
    seen = seen or Seen()
    stash = stash or Stash()
    commands.register(app, answers, stash, work, digests, news, follows)
    events.register(app, answers, seen, stash, work)
    actions.register(app, answers, stash, work)
