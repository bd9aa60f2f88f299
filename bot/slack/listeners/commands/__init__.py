from bot.slack.listeners.commands import brief, digest, quotes, rivals


def register(app, answers, stash, work, digests=None, news=None, follows=None) -> None:
    brief.register(app, answers, stash, work, news, follows)
    quotes.register(app, answers, stash, work)
    rivals.register(app, answers, stash, work)
    digest.register(app, answers, work, digests, news)
