from bot.slack.listeners.commands import brief, digest, quotes, rivals


def register(app, answers, stash, work, digests=None, news=None, follows=None, *, zones=None) -> None:
    brief.register(app, answers, stash, work, news, follows, zones=zones)
    quotes.register(app, answers, stash, work, zones=zones)
    rivals.register(app, answers, stash, work, zones=zones)
    digest.register(app, answers, work, digests, news, zones=zones)
