from bot.slack.listeners.commands import brief, digest, quotes, rivals


def register(app, answers) -> None:
    for module in (brief, quotes, rivals, digest):
        module.register(app, answers)
