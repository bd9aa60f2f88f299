from bot.slack.listeners.commands import brief, digest, quotes, rivals


def register(app, answers, digests=None, news=None) -> None:
    brief.register(app, answers, news)
    quotes.register(app, answers)
    rivals.register(app, answers)
    digest.register(app, answers, digests, news)
