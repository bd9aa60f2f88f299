from bot.slack.listeners.actions import map, more, share


def register(app, answers, stash) -> None:
    share.register(app, answers, stash)
    more.register(app, answers, stash)
    map.register(app, answers, stash)
