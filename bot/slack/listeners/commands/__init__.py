from bot.slack.listeners.commands import brief, digest, quotes, rivals


def register(app, answers, stash, digests=None, news=None, follows=None) -> None:
    brief.register(app, answers, stash, news, follows)
    quotes.register(app, answers, stash)
    rivals.register(app, answers, stash)
    digest.register(app, answers, digests, news)
