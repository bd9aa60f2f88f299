"""Every listener, registered by kind (commands, events, actions)."""

from bot.follows.commands import FollowCommands
from bot.slack.dedupe import Seen
from bot.slack.listeners import actions, commands, events
from bot.slack.pages import Stash
from bot.slack.work import Work
from bot.slack.zones import Zones


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
    oauth: bool = False,
) -> None:
    """``digests`` (``bot.digest.commands.DigestCommands``) enables /digest, ``news``
    (``bot.fetch.news.News``) /brief add and /digest feeds; without them they give their usage.
    ``follows`` (``bot.follows.commands.FollowCommands``) answers /brief follow (one is made).
    ``work`` holds the pools the listeners' work runs on once acknowledged, ``seen`` remembers
    answered events and messages, ``stash`` the answers behind buttons; each asker's time zone
    is remembered a while. ``oauth``: installed in many workspaces (the uninstall events are
    listened to)."""
    work = work or Work.default()
    seen = seen or Seen()
    stash = stash or Stash()
    zones = Zones(app.client)
    follows = follows or FollowCommands(answers)  # /brief follow, and the Home tab's list
    commands.register(app, answers, stash, work, digests, news, follows, zones=zones)
    events.register(app, answers, seen, stash, work, zones=zones, digests=digests, follows=follows, oauth=oauth)
    actions.register(app, answers, stash, work, zones=zones)
