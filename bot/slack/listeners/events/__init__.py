from bot.slack.listeners.events import app_mention, direct_message


def register(app, answers, seen, stash, work, *, zones=None) -> None:
    app_mention.register(app, answers, seen, stash, work, zones=zones)
    direct_message.register(app, answers, seen, stash, work, zones=zones)
