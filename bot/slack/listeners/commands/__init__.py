from bot.slack.listeners.commands import brief, digest, quotes, rivals


def register(app, answers, digests=None) -> None:
    for module in (brief, quotes, rivals):
        module.register(app, answers)
    digest.register(app, answers, digests)
