from bot.slack.listeners.events import app_home_opened, app_mention, direct_message, uninstalled


def register(app, answers, seen, stash, work, *, zones=None, digests=None, follows=None, oauth=False) -> None:
    app_mention.register(app, answers, seen, stash, work, zones=zones)
    direct_message.register(app, answers, seen, stash, work, zones=zones)
    app_home_opened.register(app, answers, work, digests, follows)
    if oauth:
        uninstalled.register(app, answers.store, digests=digests, follows=follows)
