from bot.slack.listeners.actions import map, more, share


def register(app, answers, stash, work) -> None:
    share.register(app, answers, stash, work)
    more.register(app, answers, stash, work)
    map.register(app, answers, stash, work)
