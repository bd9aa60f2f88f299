"""The Slack app: Bolt listeners, Block Kit rendering, Socket Mode and HTTP mode."""

from __future__ import annotations

import logging
import sys

from bot.config import Settings

log = logging.getLogger("bot.slack")

SETUP = "docs/slack-setup.md"


def missing(settings: Settings, *, http: bool) -> list[str]:
    needed = {"SLACK_BOT_TOKEN": settings.bot_token}
    if http:
        needed["SLACK_SIGNING_SECRET"] = settings.signing_secret
    else:
        needed["SLACK_APP_TOKEN"] = settings.app_token
    return [name for name, value in needed.items() if not value]


def run(settings: Settings, *, http: bool, host: str, port: int) -> int:
    """Run the bot in Slack (Socket Mode, or HTTP with ``http``) until interrupted."""
    absent = missing(settings, http=http)
    if absent:
        print(
            f"newsbot cannot connect to Slack: {', '.join(absent)} {'is' if len(absent) == 1 else 'are'} not set.\n"
            "Create the app from manifest.yaml at https://api.slack.com/apps (From an app manifest), install it,\n"
            "and put its tokens in .env (see .env.example and " + SETUP + ").\n"
            "Meanwhile, the same bot answers in this terminal: newsbot chat",
            file=sys.stderr,
        )
        return 2

    from bot.answers import Answers
    from bot.ingest.pipeline import ensure_seeded
    from bot.slack import redact
    from bot.slack.app import create_app
    from storage import Store

    redact.install([settings.bot_token.reveal(), settings.app_token.reveal(), settings.signing_secret.reveal()])
    store = Store(settings.db_path)
    report = ensure_seeded(store, settings.seeds_dir, max_bytes=settings.max_article_bytes)
    if report is not None:
        log.info("built %s from %s: %s", settings.db_path, settings.seeds_dir, report.summary())
    from bot.digest.commands import DigestCommands
    from bot.digest.runner import Runner
    from bot.digest.scheduler import DigestScheduler
    from bot.slack.app import web_client

    client = web_client(settings)
    scheduler = DigestScheduler(Runner(store, client))
    digests = DigestCommands(scheduler.runner, on_change=scheduler.sync)
    from bot.fetch.feeds import poll_all
    from bot.fetch.news import News, policy_of

    news = News(store, policy_of(settings))
    app = create_app(settings, Answers(store), client=client, digests=digests, news=news)
    scheduler.scheduler.add_job(
        poll_all,
        "interval",
        args=[store, news.policy],
        minutes=settings.feed_poll_minutes,
        id="feeds-poll",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
    )
    scheduler.start()
    log.info("digest scheduler and feed polling (every %d min) started", settings.feed_poll_minutes)
    if http:
        from bot.slack.server import serve

        log.info("serving Slack requests on http://%s:%d/slack/events", host, port)
        serve(app, host=host, port=port, health=lambda: {"ok": True, "articles": store.article_count()})
    else:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        log.info("connecting to Slack in Socket Mode")
        SocketModeHandler(app, settings.app_token.reveal()).start()
    return 0
