"""The Slack app: Bolt listeners, Block Kit rendering, Socket Mode and HTTP mode."""

from __future__ import annotations

import logging
import signal
import sys
import threading

from bot.config import Settings

log = logging.getLogger("bot.slack")

SETUP = "docs/slack-setup.md"

# what each setting is, where to find it in the app's settings at https://api.slack.com/apps,
# and the prefix a value of the right kind starts with
WHERE = {
    "SLACK_BOT_TOKEN": ("the Bot User OAuth Token: OAuth & Permissions, after Install to Workspace", "xoxb-"),
    "SLACK_APP_TOKEN": (
        "an app-level token for Socket Mode: Basic Information, App-Level Tokens,"
        " Generate Token and Scopes, with the connections:write scope",
        "xapp-",
    ),
    "SLACK_SIGNING_SECRET": ("the Signing Secret: Basic Information, App Credentials", None),
}


def problems(settings: Settings, *, http: bool) -> list[str]:
    """What keeps the bot from connecting: each missing or wrong setting, and where to get it.
    Values are never shown; only a wrong prefix is named."""
    needed = {"SLACK_BOT_TOKEN": settings.bot_token}
    if http:
        needed["SLACK_SIGNING_SECRET"] = settings.signing_secret
    else:
        needed["SLACK_APP_TOKEN"] = settings.app_token
    found = []
    for name, secret in needed.items():
        value = secret.reveal()
        what, prefix = WHERE[name]
        if not value:
            found.append(f"{name} is not set: it is {what}.")
        elif prefix and not value.startswith(prefix):
            seen = next((p for p in ("xoxb-", "xoxp-", "xapp-") if value.startswith(p)), None)
            kind = f"starts with {seen}" if seen else f"does not start with {prefix}"
            found.append(f"{name} {kind}; it should be {what} ({prefix}...).")
    return found


def unreachable(settings: Settings) -> str | None:
    """Why Slack cannot be reached with the bot token (``auth.test``, asked once, quietly:
    no retries, no log lines of its own), or ``None`` when it answers."""
    from urllib.error import URLError

    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError

    quiet = logging.getLogger("bot.slack.preflight")
    quiet.disabled = True  # the one line said below is the report
    client = WebClient(
        token=settings.bot_token.reveal(), base_url=settings.api_url, timeout=10, retry_handlers=[], logger=quiet
    )
    try:
        client.auth_test()
    except SlackApiError as error:
        code = error.response.get("error", "unknown_error")
        return f"Slack refused the bot token ({code}): check SLACK_BOT_TOKEN ({WHERE['SLACK_BOT_TOKEN'][0]})."
    except (URLError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        reason = getattr(reason, "strerror", None) or str(reason)
        return (
            f"cannot reach Slack at {settings.api_url} ({reason}): check this machine's network connection"
            " (and SLACK_API_URL, if set). Meanwhile, newsbot chat answers in this terminal."
        )
    return None


def run(settings: Settings, *, http: bool, host: str, port: int) -> int:
    """Run the bot in Slack (Socket Mode, or HTTP with ``http``) until interrupted."""
    found = problems(settings, http=http)
    if found:
        mode = "HTTP mode" if http else "Socket Mode"
        print(
            f"newsbot cannot connect to Slack in {mode}:\n"
            + "".join(f"  - {p}\n" for p in found)
            + "Create the app from manifest.yaml (https://api.slack.com/apps > Create New App > From an app\n"
            "manifest), install it to your workspace, and put the values in .env (see .env.example and\n"
            f"{SETUP}).\n"
            "Meanwhile, the same bot answers in this terminal: newsbot chat",
            file=sys.stderr,
        )
        return 2

    if not http:  # Socket Mode opens its connection through Slack's Web API: see that it can
        why = unreachable(settings)
        if why is not None:
            print(f"newsbot: {why}", file=sys.stderr)
            return 1

    from bot.answers import Answers
    from bot.ingest.pipeline import ensure_seeded
    from bot.slack import logs, redact
    from bot.slack.app import create_app, once_client, settle_log_levels, web_client
    from storage import open_store

    settle_log_levels()
    logs.install()  # no line longer than a few kB, no flood of alike warnings
    redact.install([settings.bot_token.reveal(), settings.app_token.reveal(), settings.signing_secret.reveal()])
    store = open_store(settings.db_path)
    store.require_writable()  # digests and feeds are written as the bot runs
    report = ensure_seeded(store, settings.seeds_dir, max_bytes=settings.max_article_bytes)
    if report is not None:
        log.info("built %s from %s: %s", settings.db_path, settings.seeds_dir, report.summary())
    from bot.digest.commands import DigestCommands
    from bot.digest.runner import Runner
    from bot.digest.scheduler import DigestScheduler

    client = web_client(settings)
    # a digest is posted once: its client never re-sends a post Slack may have received
    scheduler = DigestScheduler(Runner(store, once_client(settings)))
    digests = DigestCommands(scheduler.runner, on_change=scheduler.sync)
    from bot.fetch.feeds import schedule_polling
    from bot.fetch.news import News, policy_of, reading_pool
    from bot.follows.commands import FollowCommands
    from bot.follows.worker import FollowWorker
    from bot.slack import collector, work
    from bot.slack.pool import WarmPool

    # pages are read, and articles extracted, in worker processes, never on a thread of this one
    reader = reading_pool(settings)
    news = News(store, policy_of(settings), reader)
    # new articles posted to the channels that follow them, once: like digests, through a
    # client that never re-sends a post Slack may have received
    follower = FollowWorker(store, once_client(settings))
    # five threads, as Bolt's own pool has, the last to finish answering first (its SQLite
    # cache is warm), collecting garbage after each listener, not during it
    answering = work.Bounded(
        WarmPool(max_workers=work.ANSWER_THREADS, thread_name_prefix="listener"), work.ANSWERS_LIMIT
    )
    pools = work.Work.default(collector.CollectingExecutor(answering))
    answers = Answers(store)
    follows = FollowCommands(answers, on_change=follower.wake)
    app = create_app(
        settings,
        answers,
        client=client,
        digests=digests,
        news=news,
        follows=follows,
        listener_executor=pools.answers,
        slow_executor=pools.slow,
        # replicas on one store: what a request leaves for the next is kept in the store
        notes=store.notes if store.shared else None,
    )
    schedule_polling(scheduler.scheduler, store, news.policy, minutes=settings.feed_poll_minutes, runner=reader)
    scheduler.start()
    follower.start()
    log.info("digest scheduler, follows and feed polling (every %d min) started", settings.feed_poll_minutes)
    collector.settle()
    # SIGTERM, like Ctrl-C, ends with the finally below (uvicorn hands it back once it has stopped)
    previous = signal.signal(signal.SIGTERM, _stop) if threading.current_thread() is threading.main_thread() else None
    try:
        if http:
            from bot.slack.server import serve

            log.info("serving Slack requests on http://%s:%d/slack/events (health: /healthz)", host, port)
            serve(
                app,
                host=host,
                port=port,
                signing_secret=settings.signing_secret.reveal(),
                health=lambda: {"ok": True, "articles": store.article_count()},
            )
        else:
            from bot.slack.app import socket_mode_handler

            log.info("connecting to Slack in Socket Mode")
            socket_mode_handler(app, settings).start()
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        follower.shutdown()
        scheduler.shutdown()
        pools.shutdown(wait=False)
        reader.close()  # its worker processes
    return 0


def _stop(signum, _frame) -> None:
    raise SystemExit(128 + signum)
