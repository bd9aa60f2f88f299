from bot.slack.listeners.events import app_mention, direct_message


def register(app, answers, seen, stash) -> None:
    app_mention.register(app, answers, seen, stash)
    direct_message.register(app, answers, seen, stash)
