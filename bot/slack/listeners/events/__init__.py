from bot.slack.listeners.events import app_mention, direct_message


def register(app, answers, seen, stash, work) -> None:
    app_mention.register(app, answers, seen, stash, work)
    direct_message.register(app, answers, seen, stash, work)
