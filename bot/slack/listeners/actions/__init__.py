from bot.slack.listeners.actions import more, share


def register(app, answers, stash) -> None:
    share.register(app, answers, stash)
    more.register(app, answers, stash)
