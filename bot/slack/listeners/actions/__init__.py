from bot.slack.listeners.actions import share


def register(app, answers) -> None:
    share.register(app, answers)
