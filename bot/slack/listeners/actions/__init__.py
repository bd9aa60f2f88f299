from bot.slack.listeners.actions import map, more, share


def register(app, answers, stash, work, *, zones=None) -> None:
    share.register(app, answers, stash, work, zones=zones)
    more.register(app, answers, stash, work, zones=zones)
    map.register(app, answers, stash, work)
